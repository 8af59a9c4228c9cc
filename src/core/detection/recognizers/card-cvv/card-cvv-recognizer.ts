import type { AnalyzedText, DigitGroup, NumberRun } from '../../analyzed-text.js';
import type { Entity } from '../../entity.js';
import { hasCueOfKind } from '../../cues.js';
import { countBefore } from '../../halving.js';
import { gluedToLetters } from '../../number-spans.js';
import { cueBefore } from '../../numeric-cues.js';
import { type Recognizer } from '../../recognizer.js';

/** A security code is only ever recognised by what introduces it: "CVV 123", "código de segurança: 4821". */
const CVV_WINDOW = 6;
/** The fewest digits of a card number. */
const CARD_DIGITS = 13;

export const cardCvvRecognizer: Recognizer = {
  name: 'card-cvv',
  types: ['CARD_CVV'],
  detect(doc, context, sink: Entity[]) {
    codesAfterCards(doc, sink);
    if (!hasCueOfKind(doc, context.cues, 'CARD_CVV')) return;
    for (const run of doc.runs) {
      // A card's own groups ("4532 7189 0123 4563") are no code, whatever cue comes before them.
      if (run.digitCount >= CARD_DIGITS) continue;
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

/** A security code typed with no cue, right after its card: scored below an announced one. */
const AFTER_CARD_SCORE = 0.75;

/** The cards found before, each read once for a code typed or listed after it. */
function codesAfterCards(doc: AnalyzedText, sink: Entity[]): void {
  const found = sink.length;
  for (let e = 0; e < found; e++) {
    const card = sink[e]!;
    if (card.type !== 'CREDIT_CARD') continue;
    for (const code of [codeTypedAfter(doc, card), codeListedAfter(doc, card)])
      if (code !== undefined)
        sink.push({
          type: 'CARD_CVV',
          start: code.start,
          end: code.end,
          score: AFTER_CARD_SCORE,
          recognizer: 'card-cvv',
        });
  }
}

/**
 * "4111 1111 1111 1111 123": three or four digits that end the run of a grouped card number found
 * before, joined to it by the card's own separator, are its security code. Read as more of the card,
 * a card mask ("****1123") would show them.
 */
function codeTypedAfter(doc: AnalyzedText, card: Entity): DigitGroup | undefined {
  const text = doc.text;
  const runs = doc.runs;
  const run = runs[countBefore(runs.length, (r) => runs[r]!.end < card.end)];
  if (run === undefined || run.start > card.start) return undefined;
  const groups = run.groups;
  // The card's last group is the run's last but one, and the card has a separator of its own.
  const last = groups.length - 2;
  if (last < 1 || groups[last]!.end !== card.end || groups[last - 1]!.end <= card.start) return undefined;
  const code = groups[last + 1]!;
  const digits = code.end - code.start;
  const separator = text.slice(card.end, code.start);
  if (digits < 3 || digits > 4 || separator !== text.slice(groups[last - 1]!.end, groups[last]!.start))
    return undefined;
  return code;
}

/**
 * A card's number, expiry and code typed as one list: "4539 1488 0343 6467, 08/27, 392", "...
 * validade 08/27 e 392". Three or four digits right after a card's expiry date are its security code.
 */
const EXPIRY_THEN_CODE =
  /^[ \t]*[,;]?[ \t]*(?:(?:exp|val|venc)[a-z.]{0,10}:?[ \t]*)?\d{1,2}\/\d{2,4}[ \t]*(?:[,;]|[ \t](?:e|and|y))[ \t]*(\d{3,4})(?![\d/.,-]?\d)/i;

function codeListedAfter(doc: AnalyzedText, card: Entity): DigitGroup | undefined {
  const listed = EXPIRY_THEN_CODE.exec(doc.text.slice(card.end, card.end + 24));
  if (listed === null) return undefined;
  const end = card.end + listed[0].length;
  const start = end - listed[1]!.length;
  return gluedToLetters(doc, start, end) ? undefined : { start, end };
}

/** Not joined to a neighbouring group by "/", "." or "-", which would make it part of a date, amount or code. */
function standsAlone(text: string, run: NumberRun, index: number): boolean {
  const g = run.groups[index]!;
  const prev = run.groups[index - 1];
  const next = run.groups[index + 1];
  const around = (prev ? text.slice(prev.end, g.start) : '') + (next ? text.slice(g.end, next.start) : '');
  return !/[/.-]/.test(around);
}
