import type { NumberRun } from '../../analyzed-text.js';
import type { Entity } from '../../entity.js';
import { numberSpans, gluedToLetters } from '../../number-spans.js';
import { hasCueOfKind } from '../../cues.js';
import { cueAdjustment, cueBefore, verdictFor } from '../../numeric-cues.js';
import { clampScore, type Recognizer } from '../../recognizer.js';
import { cardIssuer } from '../../validators/card-issuers.js';
import { luhnValid } from '../../../check-digits.js';

/** Groupings printed on cards or typed by people: 4-4-4-4, 4-6-5 (Amex), 4-6-4 (Diners), 4-4-4-4-3. */
const TYPICAL_GROUPINGS = new Set([
  '4,4,4,4',
  '4,6,5',
  '4,6,4',
  '4,4,4,4,3',
  '4,4,4,1',
  '4,4,4,2',
  '4,4,4,3',
  '4,4,5',
  '4,4,4,4,2',
  '4,4,4,4,1',
  '8,8',
  '4,4,8',
  '8,4,4',
  '6,10',
  '4,4,4,4,4',
  '5,5,5,4',
]);

/**
 * "chave de acesso 3525 0398 1172 6500 0134 5500 1000 1284 4710 0093 7712": an invoice's 44-digit
 * access key or a barcode, printed in nine or more groups of four, holds no card.
 */
function inAccessKey(run: NumberRun): boolean {
  const groups = run.groups;
  if (groups.length < 9) return false;
  for (const g of groups) if (g.end - g.start !== 4) return false;
  return true;
}

/** Card numbers: 13–19 digits of a known issuer range passing Luhn; a card cue also takes a mistyped one. */
export const creditCardRecognizer: Recognizer = {
  name: 'credit-card',
  types: ['CREDIT_CARD'],
  detect(doc, context, sink: Entity[]) {
    for (const span of numberSpans(doc, 13, 19)) {
      if (span.prefixed || inAccessKey(span.run)) continue;
      if (gluedToLetters(doc, span.start, span.end)) continue;
      const valid = luhnValid(span.digits) && cardIssuer(span.digits) !== undefined;
      if (!valid && !hasCueOfKind(doc, context.cues, 'CREDIT_CARD')) continue;
      const seps = span.separators;
      if (seps.some((s) => /[/()]/.test(s))) continue;
      // One kind of separator throughout, as people type card numbers.
      if (seps.length > 0 && seps.some((s) => s.trim() !== seps[0]!.trim())) continue;
      const plain = span.first === span.last;
      if (!plain && !TYPICAL_GROUPINGS.has(span.grouping)) continue;
      const verdict = verdictFor(cueBefore(doc, context, span.start), 'CREDIT_CARD', span.digitCount);
      // "la tarjeta para la fianza de la reserva: 4024 5540 7453 5477": a valid card in a card's
      // layout, in a message that speaks of a card, outweighs the other word right before it.
      if (verdict === 'vetoes' && !(valid && !plain && hasCueOfKind(doc, context.cues, 'CREDIT_CARD')))
        continue;
      if (!valid && verdict !== 'supports') continue;
      const base = valid ? 0.8 : 0.55;
      sink.push({
        type: 'CREDIT_CARD',
        start: span.start,
        end: span.end,
        score: clampScore(base + cueAdjustment(verdict)),
        recognizer: 'credit-card',
      });
    }
  },
};
