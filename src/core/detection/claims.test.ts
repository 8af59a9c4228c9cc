import { describe, expect, it } from 'vitest';
import { claimedSpans } from './claims.js';
import type { Entity } from './entity.js';

/** A fixed pseudo-random sequence (mulberry32), so the cases are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const entity = (start: number, end: number, score: number): Entity => ({
  type: 'CPF',
  start,
  end,
  score,
  recognizer: 'test',
});

describe('claimedSpans', () => {
  it('claims a span whose first or last character lies inside a confident entity', () => {
    const claimed = claimedSpans([entity(10, 20, 0.9), entity(30, 40, 0.4)], 0.8);
    expect(claimed(12, 25)).toBe(true);
    expect(claimed(5, 11)).toBe(true);
    expect(claimed(20, 25)).toBe(false);
    expect(claimed(32, 35)).toBe(false);
  });

  it('answers as a scan of every entity does, with thousands of overlapping entities', () => {
    const next = random(7);
    const found: Entity[] = [];
    for (let k = 0; k < 2000; k++) {
      const start = Math.floor(next() * 50_000);
      found.push(entity(start, start + 1 + Math.floor(next() * 60), next()));
    }
    const claimed = claimedSpans(found, 0.5);
    const confident = found.filter((e) => e.score >= 0.5);
    const inside = (offset: number) => confident.some((e) => offset >= e.start && offset < e.end);
    let agreements = 0;
    for (let k = 0; k < 5000; k++) {
      const start = Math.floor(next() * 50_100);
      const end = start + 1 + Math.floor(next() * 20);
      expect(claimed(start, end)).toBe(inside(start) || inside(end - 1));
      agreements++;
    }
    expect(agreements).toBe(5000);
  });
});
