import { describe, expect, it } from 'vitest';
import { lineStartWithin } from './text-lines.js';

describe('lineStartWithin', () => {
  it('finds the start of the line within reach', () => {
    expect(lineStartWithin('ab\ncd', 4, 10)).toBe(3);
    expect(lineStartWithin('abcd', 3, 10)).toBe(0);
  });

  it('gives -1 when no line start lies within reach', () => {
    expect(lineStartWithin(`x\n${'a'.repeat(50)}`, 50, 10)).toBe(-1);
    expect(lineStartWithin('a'.repeat(50), 40, 10)).toBe(-1);
  });
});
