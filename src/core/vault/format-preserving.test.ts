import { describe, it, expect } from 'vitest';
import { FormatPreservingTokenizer } from './format-preserving.js';
import { cnpjCheckDigitsMatch, cpfCheckDigitsMatch, luhnCheckDigit, luhnValid } from '../check-digits.js';

const fpe = new FormatPreservingTokenizer(Buffer.alloc(32, 9));

describe('format-preserving tokens', () => {
  it('keeps a card token Luhn-valid, the last four digits, length and separators', () => {
    for (const card of [
      '4111-1111-1111-1111',
      '5500 0000 0000 0004',
      '378282246310005',
      '4012888888881881',
    ]) {
      const token = fpe.tokenize('t1', 'CREDIT_CARD', card);
      expect(token).not.toBe(card);
      expect(token.replace(/\d/g, '0')).toBe(card.replace(/\d/g, '0'));
      const digits = token.replace(/\D/g, '');
      expect(luhnValid(digits)).toBe(true);
      expect(digits.slice(-4)).toBe(card.replace(/\D/g, '').slice(-4));
    }
  });

  it('gives different valid card numbers different tokens (one-to-one on the free digits)', () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const body = `4000${String(i * 7919).padStart(11, '0')}`;
      tokens.add(fpe.tokenize('t1', 'CREDIT_CARD', body + luhnCheckDigit(body)));
    }
    expect(tokens.size).toBe(200);
  });

  it('keeps CPF and CNPJ check digits valid', () => {
    const cpf = fpe.tokenize('t1', 'CPF', '111.444.777-35');
    expect(cpf).toMatch(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/);
    expect(cpfCheckDigitsMatch(cpf.replace(/\D/g, ''))).toBe(true);
    expect(cpf).not.toBe('111.444.777-35');
    const cnpj = fpe.tokenize('t1', 'CNPJ', '11.222.333/0001-81');
    expect(cnpj).toMatch(/^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/);
    expect(cnpjCheckDigitsMatch(cnpj.replace(/\D/g, ''))).toBe(true);
  });

  it('is deterministic per tenant and type, and differs across tenants', () => {
    const a = fpe.tokenize('t1', 'CPF', '11144477735');
    expect(fpe.tokenize('t1', 'CPF', '11144477735')).toBe(a);
    expect(fpe.tokenize('t2', 'CPF', '11144477735')).not.toBe(a);
  });

  it('refuses types without a policy and domains under one million', () => {
    expect(() => fpe.tokenize('t1', 'EMAIL', 'a@b.c')).toThrow(/not configured/);
    expect(() => fpe.tokenize('t1', 'PHONE', '+55 1234')).toThrow(/too few digits/);
  });
});
