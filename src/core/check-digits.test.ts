import { describe, expect, it } from 'vitest';
import {
  cnpjCheckDigits,
  cnpjCheckDigitsMatch,
  cnpjValid,
  cpfCheckDigits,
  cpfCheckDigitsMatch,
  cpfValid,
  luhnCheckDigit,
  luhnValid,
  ssnValid,
} from './check-digits.js';

describe('Luhn (ISO/IEC 7812-1 Annex B)', () => {
  // Test card numbers published by the card networks and payment processors.
  it.each([
    '4111111111111111',
    '4012888888881881',
    '5555555555554444',
    '5105105105105100',
    '378282246310005',
    '371449635398431',
    '6011111111111117',
    '3530111333300000',
    '30569309025904',
    '79927398713',
  ])('accepts %s', (n) => expect(luhnValid(n)).toBe(true));
  it.each(['4111111111111112', '79927398710', '', '4111a11111111111'])('rejects %s', (n) =>
    expect(luhnValid(n)).toBe(false),
  );
  it('computes the check digit of the ISO example', () => expect(luhnCheckDigit('7992739871')).toBe(3));
});

describe('CPF (Receita Federal mod-11)', () => {
  it('accepts valid numbers', () => {
    expect(cpfValid('52998224725')).toBe(true);
    expect(cpfValid('11144477735')).toBe(true);
  });
  it('rejects a wrong check digit, repeated digits and wrong lengths', () => {
    expect(cpfValid('52998224726')).toBe(false);
    expect(cpfValid('11111111111')).toBe(false);
    expect(cpfValid('5299822472')).toBe(false);
  });
  it('computes check digits', () => expect(cpfCheckDigits('529982247')).toBe('25'));
});

describe('CNPJ (numeric and alphanumeric)', () => {
  it('accepts valid numeric CNPJs', () => {
    expect(cnpjValid('11222333000181')).toBe(true);
    expect(cnpjCheckDigits('112223330001')).toBe('81');
  });
  it("accepts the Receita Federal's published alphanumeric example 12.ABC.345/01DE-35", () => {
    expect(cnpjValid('12ABC34501DE35')).toBe(true);
    expect(cnpjValid('12abc34501de35')).toBe(true);
    expect(cnpjValid('12ABC34501DE36')).toBe(false);
  });
  it('rejects repeated digits and wrong check digits', () => {
    expect(cnpjValid('00000000000000')).toBe(false);
    expect(cnpjValid('11222333000182')).toBe(false);
  });
});

describe('US SSN area/group/serial rules', () => {
  it('accepts valid numbers', () => expect(ssnValid('123456789')).toBe(true));
  it.each(['000123456', '666123456', '900123456', '123006789', '123450000', '12345678'])('rejects %s', (n) =>
    expect(ssnValid(n)).toBe(false),
  );
});

describe('check-digit arithmetic alone (what format-preserving tokens keep valid)', () => {
  it('accepts repeated digits whose arithmetic is right, unlike detection', () => {
    expect(cpfCheckDigitsMatch('11111111111')).toBe(true);
    expect(cpfValid('11111111111')).toBe(false);
    expect(cpfCheckDigits('111444777')).toBe('35');
    expect(cpfCheckDigitsMatch('11144477735')).toBe(true);
    expect(cpfCheckDigitsMatch('11144477736')).toBe(false);
  });
  it('checks numeric CNPJs only', () => {
    expect(cnpjCheckDigitsMatch('11222333000181')).toBe(true);
    expect(cnpjCheckDigitsMatch('11222333000182')).toBe(false);
    expect(cnpjCheckDigitsMatch('12ABC34501DE35')).toBe(false);
  });
});
