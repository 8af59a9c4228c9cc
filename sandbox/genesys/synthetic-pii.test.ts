import { describe, expect, it } from 'vitest';
import { card, cpf, seededRandom } from './synthetic-pii.js';
import { seedTranscripts } from './transcript-seed.js';

const cpfValid = (value: string): boolean => {
  const d = value.replace(/\D/g, '').split('').map(Number);
  const check = (n: number) => {
    const sum = d.slice(0, n).reduce((total, digit, i) => total + digit * (n + 1 - i), 0);
    return ((sum * 10) % 11) % 10;
  };
  return d.length === 11 && check(9) === d[9] && check(10) === d[10];
};

const luhnValid = (value: string): boolean => {
  const digits = value.replace(/\D/g, '').split('').reverse().map(Number);
  return (
    digits.reduce(
      (sum, digit, i) => sum + (i % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit),
      0,
    ) %
      10 ===
    0
  );
};

describe('synthetic PII', () => {
  it('generates CPFs with valid check digits and Luhn-valid cards', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i += 1) {
      expect(cpfValid(cpf(random))).toBe(true);
      expect(luhnValid(card(random))).toBe(true);
    }
    expect(cpfValid('123.456.789-00')).toBe(false);
  });

  it('seeds the same transcripts for the same seed', () => {
    expect(seedTranscripts(5, 1)).toEqual(seedTranscripts(5, 1));
    expect(seedTranscripts(5, 1).interactions[0]?.id).not.toBe(seedTranscripts(5, 2).interactions[0]?.id);
  });
});
