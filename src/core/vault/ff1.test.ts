import { describe, it, expect } from 'vitest';
import { Ff1 } from './ff1.js';

// NIST's published FF1 samples (CSRC "Examples with intermediate values", FF1samples.pdf).
const K128 = '2B7E151628AED2A6ABF7158809CF4F3C';
const K192 = `${K128}EF4359D8D580AA4F`;
const K256 = `${K192}7F036D6F04FC6A94`;
const TWEAK10 = '39383736353433323130';
const TWEAK11 = '3737373770717273373737';
const samples = [
  { n: 1, key: K128, radix: 10, tweak: '', pt: '0123456789', ct: '2433477484' },
  { n: 2, key: K128, radix: 10, tweak: TWEAK10, pt: '0123456789', ct: '6124200773' },
  { n: 3, key: K128, radix: 36, tweak: TWEAK11, pt: '0123456789abcdefghi', ct: 'a9tv40mll9kdu509eum' },
  { n: 4, key: K192, radix: 10, tweak: '', pt: '0123456789', ct: '2830668132' },
  { n: 5, key: K192, radix: 10, tweak: TWEAK10, pt: '0123456789', ct: '2496655549' },
  { n: 6, key: K192, radix: 36, tweak: TWEAK11, pt: '0123456789abcdefghi', ct: 'xbj3kv35jrawxv32ysr' },
  { n: 7, key: K256, radix: 10, tweak: '', pt: '0123456789', ct: '6657667009' },
  { n: 8, key: K256, radix: 10, tweak: TWEAK10, pt: '0123456789', ct: '1001623463' },
  { n: 9, key: K256, radix: 36, tweak: TWEAK11, pt: '0123456789abcdefghi', ct: 'xs8a0azh2avyalyzuwd' },
];

describe('FF1 (NIST SP 800-38G)', () => {
  for (const s of samples) {
    it(`matches NIST sample ${s.n} both ways`, () => {
      const ff1 = new Ff1(Buffer.from(s.key, 'hex'), s.radix);
      const tweak = Buffer.from(s.tweak, 'hex');
      expect(ff1.encrypt(s.pt, tweak)).toBe(s.ct);
      expect(ff1.decrypt(s.ct, tweak)).toBe(s.pt);
    });
  }

  it('round-trips odd lengths and depends on the tweak', () => {
    const ff1 = new Ff1(Buffer.alloc(32, 7), 10);
    const tweakA = Buffer.from('tenant-a');
    const ct = ff1.encrypt('41111111111', tweakA);
    expect(ct).toMatch(/^\d{11}$/);
    expect(ff1.decrypt(ct, tweakA)).toBe('41111111111');
    expect(ff1.encrypt('41111111111', Buffer.from('tenant-b'))).not.toBe(ct);
  });

  it('rejects numerals outside the radix and domains that are too small', () => {
    const ff1 = new Ff1(Buffer.alloc(16, 1), 10);
    expect(() => ff1.encrypt('12a4')).toThrow(/alphabet/);
    expect(() => ff1.encrypt('1')).toThrow(/too short/);
  });
});
