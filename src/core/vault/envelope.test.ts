import { randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { open, seal, valueAad } from './envelope.js';
import { isVeilError } from '../errors.js';

const key = randomBytes(32);
const plaintext = Buffer.from('4111 1111 1111 1111');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isVeilError(error) ? error.code : 'not-a-veil-error';
  }
  return undefined;
}

describe('envelope seal/open', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = valueAad('t1', 'tok_a', 'CREDIT_CARD');
    const s1 = seal(key, plaintext, a);
    const s2 = seal(key, plaintext, a);
    expect(s1.equals(s2)).toBe(false);
    expect(open(key, s1, a).equals(plaintext)).toBe(true);
    expect(s1.includes(plaintext)).toBe(false);
  });

  it('fails closed on tampering, on AAD of another row, and on a wrong key', () => {
    const a = valueAad('t1', 'tok_a', 'CREDIT_CARD');
    const sealed = seal(key, plaintext, a);
    for (const index of [1, 14, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index]! ^= 1;
      expect(codeOf(() => open(key, tampered, a))).toBe('VEIL_ERR_VAULT_DECRYPT_FAILED');
    }
    expect(codeOf(() => open(key, sealed, valueAad('t2', 'tok_a', 'CREDIT_CARD')))).toBe(
      'VEIL_ERR_VAULT_DECRYPT_FAILED',
    );
    expect(codeOf(() => open(key, sealed, valueAad('t1', 'tok_b', 'CREDIT_CARD')))).toBe(
      'VEIL_ERR_VAULT_DECRYPT_FAILED',
    );
    expect(codeOf(() => open(key, sealed, valueAad('t1', 'tok_a', 'CPF')))).toBe(
      'VEIL_ERR_VAULT_DECRYPT_FAILED',
    );
    expect(codeOf(() => open(randomBytes(32), sealed, a))).toBe('VEIL_ERR_VAULT_DECRYPT_FAILED');
    expect(codeOf(() => open(key, sealed.subarray(0, 10), a))).toBe('VEIL_ERR_VAULT_DECRYPT_FAILED');
  });

  it('keeps field boundaries unambiguous in the AAD', () => {
    expect(valueAad('ab', 'c', 'X').equals(valueAad('a', 'bc', 'X'))).toBe(false);
  });
});
