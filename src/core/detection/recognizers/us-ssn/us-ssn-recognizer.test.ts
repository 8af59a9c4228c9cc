import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('US SSN recognizer', () => {
  it('finds three-group SSNs anywhere', () => {
    expect(foundOf('US_SSN', 'my number 123-45-6789 is on file', 'en')).toEqual(['123-45-6789']);
    expect(foundOf('US_SSN', 'it is 212 - 67 - 4490', 'en')).toEqual(['212 - 67 - 4490']);
  });
  it('finds nine plain digits only with SSN wording', () => {
    expect(foundOf('US_SSN', 'my social security number is 123456789', 'en')).toEqual(['123456789']);
    expect(foundOf('US_SSN', 'tracking 123456789', 'en')).toEqual([]);
  });
  it('rejects invalid areas, groups and serials and masked forms', () => {
    expect(foundOf('US_SSN', 'SSN 666-45-6789', 'en')).toEqual([]);
    expect(foundOf('US_SSN', 'SSN 123-00-6789', 'en')).toEqual([]);
    expect(foundOf('US_SSN', 'SSN ***-**-6789', 'en')).toEqual([]);
  });
});
