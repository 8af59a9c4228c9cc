import {
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { describe, expect, it } from 'vitest';
import { fastPhoneVerdict } from './fast-phone-verdict.js';
import { seededRandom } from '../../test-support/seeded-random.js';

const DEFAULT_REGIONS: CountryCode[] = [
  ...['BR', 'US', 'CA', 'ES', 'MX', 'AR', 'CO', 'PT', 'GB', 'CL', 'PE'],
  // Shared calling codes, trunk prefixes that rewrite the number, carrier codes.
  ...['AG', 'JE', 'IT', 'VA', 'RU', 'KZ', 'DE', 'FR', 'IN', 'AU', 'JP', 'VI', 'FI', 'AX', 'NO'],
] as CountryCode[];

/** Fixed-line and special shapes next to the library's mobile examples. */
const EXTRA_NATIONALS = ['1134567890', '2025550123', '2079460000', '912345678', '5512345678', '0800123456'];

function candidates(): { digits: string; region: CountryCode | undefined }[] {
  const next = seededRandom(20261122);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const seeds: { national: string; country: CountryCode }[] = [];
  for (const country of getCountries()) {
    const example = getExampleNumber(country, examples);
    if (example) seeds.push({ national: example.nationalNumber, country });
  }
  for (const national of EXTRA_NATIONALS)
    for (const country of DEFAULT_REGIONS) seeds.push({ national, country });
  const out: { digits: string; region: CountryCode | undefined }[] = [];
  for (let n = 0; n < 12_000; n++) {
    const seed = pick(seeds);
    let digits = seed.national;
    // Mutate: change, drop or add digits; add trunk, exit or calling-code prefixes.
    const edits = Math.floor(next() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * digits.length);
      const digit = String(Math.floor(next() * 10));
      const kind = next();
      if (kind < 0.6) digits = digits.slice(0, at) + digit + digits.slice(at + 1);
      else if (kind < 0.8) digits = digits.slice(0, at) + digits.slice(at + 1);
      else digits = digits.slice(0, at) + digit + digits.slice(at);
    }
    const prefix = next();
    const callingCode = getCountryCallingCode(seed.country);
    if (prefix < 0.4) out.push({ digits: `+${callingCode}${digits}`, region: undefined });
    else if (prefix < 0.5) out.push({ digits: `0${digits}`, region: pick(DEFAULT_REGIONS) });
    else if (prefix < 0.55) out.push({ digits: `00${callingCode}${digits}`, region: pick(DEFAULT_REGIONS) });
    else if (prefix < 0.6) out.push({ digits: `${callingCode}${digits}`, region: seed.country });
    else if (prefix < 0.8) out.push({ digits, region: seed.country });
    else out.push({ digits, region: pick(DEFAULT_REGIONS) });
  }
  return out;
}

describe('fastPhoneVerdict', () => {
  it("gives libphonenumber's own verdict whenever it answers, and answers most numbers", () => {
    let answered = 0;
    const seen = { valid: 0, possible: 0, none: 0 };
    const disagreements: string[] = [];
    const all = candidates();
    for (const { digits, region } of all) {
      const parsed = parsePhoneNumberFromString(digits, region ? { defaultCountry: region } : undefined);
      const library = parsed?.isValid() ? 'valid' : parsed?.isPossible() ? 'possible' : 'none';
      const fast = fastPhoneVerdict(digits, region);
      if (fast === undefined) continue;
      answered++;
      seen[fast]++;
      if (fast !== library)
        disagreements.push(`${digits} in ${region ?? 'international'}: ${fast} vs ${library}`);
    }
    expect(disagreements).toEqual([]);
    // The fast path must carry real weight, and on every kind of verdict.
    expect(answered / all.length).toBeGreaterThan(0.8);
    expect(Math.min(seen.valid, seen.possible, seen.none)).toBeGreaterThan(300);
  });

  it('reads exit codes and calling codes without "+" as the library does, and leaves rewritten prefixes to it', () => {
    expect(fastPhoneVerdict('0111523456789', 'AR')).toBeUndefined(); // "15" rewritten by a transform rule
    expect(fastPhoneVerdict('011987654321', 'BR')).toBe('valid'); // trunk 0 stripped
    expect(fastPhoneVerdict('5511987654321', 'BR')).toBe('valid'); // calling code without "+"
    expect(fastPhoneVerdict('5583190720', 'BR')).toBe('possible'); // area code 55, not the calling code
    expect(fastPhoneVerdict('13036141017', 'US')).toBe('valid'); // NANP "1" before the area code
    // Brazil's exit codes carry a carrier ("0055" is one): what follows is read as +1 198…
    expect(fastPhoneVerdict('005511987654321', 'BR')).toBe('possible');
    expect(fastPhoneVerdict('0034660474450', 'MX')).toBe('valid'); // Mexico's exit code, a Spanish mobile
    expect(fastPhoneVerdict('+80012345678', undefined)).toBeUndefined(); // non-geographic
    expect(fastPhoneVerdict('11987654321', 'BR')).toBe('valid');
    expect(fastPhoneVerdict('+5511987654321', undefined)).toBe('valid');
    expect(fastPhoneVerdict('11087654321', 'BR')).toBe('possible');
  });
});
