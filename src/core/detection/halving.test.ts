import { describe, expect, it } from 'vitest';
import { countBefore } from './halving.js';

describe('countBefore', () => {
  it('counts the items before a point in a sorted list, at every point', () => {
    const sorted = [1, 3, 3, 7, 9, 12];
    for (let point = 0; point <= 13; point++)
      expect(countBefore(sorted.length, (i) => sorted[i]! < point)).toBe(
        sorted.filter((v) => v < point).length,
      );
  });

  it('answers 0 for an empty list', () => {
    expect(countBefore(0, () => true)).toBe(0);
  });
});
