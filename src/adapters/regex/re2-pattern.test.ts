import { describe, expect, it } from 'vitest';
import { compileLinearPattern } from './re2-pattern.js';

describe('RE2 patterns', () => {
  it('returns JavaScript string offsets, also after characters outside the BMP', () => {
    const text = '😀 é PED-123456 e PED-654321';
    const spans = [...compileLinearPattern(String.raw`PED-\d{6}`).matches(text)];
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(['PED-123456', 'PED-654321']);
  });

  it('runs a catastrophic-for-backtracking pattern on 1 MB without hanging', { timeout: 30_000 }, () => {
    const spans = [...compileLinearPattern('(a+)+$').matches('a'.repeat(1_000_000) + '!')];
    expect(spans).toEqual([]);
  });

  it('refuses what RE2 cannot run in linear time, saying why', () => {
    expect(() => compileLinearPattern(String.raw`(a)\1`)).toThrow(/not supported by RE2/);
  });
});
