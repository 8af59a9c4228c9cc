import type { NumberRun } from '../../analyzed-text.js';
import type { Entity } from '../../entity.js';
import { hasCueOfKind } from '../../cues.js';
import { gluedToLetters } from '../../number-spans.js';
import { cueBefore } from '../../numeric-cues.js';
import { type Recognizer } from '../../recognizer.js';

/** A security code is only ever recognised by what introduces it: "CVV 123", "código de segurança: 4821". */
const CVV_WINDOW = 6;

export const cardCvvRecognizer: Recognizer = {
  name: 'card-cvv',
  types: ['CARD_CVV'],
  detect(doc, context, sink: Entity[]) {
    if (!hasCueOfKind(doc, context.cues, 'CARD_CVV')) return;
    for (const run of doc.runs) {
      for (let index = 0; index < run.groups.length; index++) {
        const g = run.groups[index]!;
        const len = g.end - g.start;
        if (len < 3 || len > 4 || !standsAlone(doc.text, run, index)) continue;
        if (gluedToLetters(doc, g.start, g.end)) continue;
        const cue = cueBefore(doc, context, g.start, CVV_WINDOW, 'CARD_CVV');
        if (cue === undefined) continue;
        sink.push({
          type: 'CARD_CVV',
          start: g.start,
          end: g.end,
          score: cue.distance <= 2 ? 0.9 : 0.75,
          recognizer: 'card-cvv',
        });
      }
    }
  },
};

/** Not joined to a neighbouring group by "/", "." or "-", which would make it part of a date, amount or code. */
function standsAlone(text: string, run: NumberRun, index: number): boolean {
  const g = run.groups[index]!;
  const prev = run.groups[index - 1];
  const next = run.groups[index + 1];
  const around = (prev ? text.slice(prev.end, g.start) : '') + (next ? text.slice(g.end, next.start) : '');
  return !/[/.-]/.test(around);
}
