import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from './default-engine.js';
import { UNSEEN_MESSAGES } from './test-support/unseen-messages.js';

describe('detection on hand-written messages outside the eval corpus', () => {
  const engine = createDefaultEngine();
  const results = UNSEEN_MESSAGES.map((m) => {
    const found = engine
      .detect({ text: m.text, lang: m.lang })
      .map((e) => `${e.type}:${m.text.slice(e.start, e.end)}`);
    const expected = m.expected.map(([type, surface]) => `${type}:${surface}`);
    return { text: m.text, found, expected };
  });
  const missed = results.flatMap((r) =>
    r.expected.filter((e) => !r.found.includes(e)).map((e) => `${e}  in  ${r.text}`),
  );
  const extra = results.flatMap((r) =>
    r.found.filter((f) => !r.expected.includes(f)).map((f) => `${f}  in  ${r.text}`),
  );
  const expectedCount = results.reduce((n, r) => n + r.expected.length, 0);

  it('finds at least 95% of the values with exact boundaries', () => {
    expect(expectedCount).toBeGreaterThan(40);
    expect(missed.length / expectedCount, missed.join('\n')).toBeLessThanOrEqual(0.05);
  });

  it('raises at most two false alarms over the whole set', () => {
    expect(extra.length, extra.join('\n')).toBeLessThanOrEqual(2);
  });
});
