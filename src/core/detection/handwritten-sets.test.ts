import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from './default-engine.js';
import type { Lang } from './entity.js';

/**
 * Labelled sets written by hand, by authors who had not seen the detector, following the eval
 * corpus's labelling guidelines (see docs/detection.md): other phrasings, names of other origins,
 * other address forms than the generated corpus holds. Set 1 was used to find errors; sets 2 to 15
 * and 17 to 19 were each scored before any rule learnt from them, then used the same way
 * (docs/detection.md); set 16 was scored once and taught nothing. The bounds guard what the rules
 * reached over sets 1-19: leak 3.9%, 23 false alarms per 1,000 messages.
 */
interface GoldMessage {
  readonly id: string;
  readonly lang: Lang;
  readonly text: string;
  readonly entities: readonly { readonly type: string; readonly start: number; readonly end: number }[];
}

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-support', 'handwritten');
const messages: GoldMessage[] = readdirSync(folder)
  .filter((file) => file.endsWith('.jsonl'))
  .flatMap((file) =>
    readFileSync(path.join(folder, file), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as GoldMessage),
  );

describe('detection on hand-written labelled sets', () => {
  const engine = createDefaultEngine();
  const leaks: string[] = [];
  const falseAlarms: string[] = [];
  let goldCount = 0;
  for (const m of messages) {
    const found = engine.detect({ text: m.text, lang: m.lang });
    goldCount += m.entities.length;
    // As the corpus's scorer counts them: a value leaks unless found spans of any type cover it.
    for (const g of m.entities) {
      let covered = g.start;
      for (const f of found) if (f.start <= covered && f.end > covered) covered = f.end;
      if (covered < g.end) leaks.push(`${m.id} ${g.type} "${m.text.slice(g.start, g.end)}"`);
    }
    for (const f of found)
      if (!m.entities.some((g) => f.start < g.end && f.end > g.start))
        falseAlarms.push(`${m.id} ${f.type} "${m.text.slice(f.start, f.end)}"`);
  }

  it('reads the sets', () => {
    expect(messages.length).toBeGreaterThanOrEqual(1640);
    expect(goldCount).toBeGreaterThanOrEqual(4230);
  });

  it('leaks at most 6% of the values', () => {
    expect(leaks.length / goldCount, leaks.join('\n')).toBeLessThanOrEqual(0.06);
  });

  it('raises at most 25 false alarms per 1,000 messages', () => {
    expect(falseAlarms.length / messages.length, falseAlarms.join('\n')).toBeLessThanOrEqual(0.025);
  });
});
