import { describe, it, expect } from 'vitest';
import {
  cnpjCheckDigits,
  cpfCheckDigits,
  isCnpjValid,
  isCpfValid,
  isLuhnValid,
  luhnCheckDigit,
} from './check-digits.js';

describe('check digits', () => {
  it('computes Luhn digits of known card numbers', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('computes CPF check digits (111.444.777-35 is the textbook example)', () => {
    expect(cpfCheckDigits('111444777')).toBe('35');
    expect(isCpfValid('11144477735')).toBe(true);
    expect(isCpfValid('11144477736')).toBe(false);
  });

  it('computes CNPJ check digits (11.222.333/0001-81)', () => {
    expect(cnpjCheckDigits('112223330001')).toBe('81');
    expect(isCnpjValid('11222333000181')).toBe(true);
    expect(isCnpjValid('11222333000182')).toBe(false);
  });
});
