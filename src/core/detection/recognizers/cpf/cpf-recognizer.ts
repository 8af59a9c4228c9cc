import type { Entity } from '../../entity.js';
import { numberSpans, gluedToLetters } from '../../number-spans.js';
import { hasCueOfKind } from '../../cues.js';
import { cueBefore, documentCueAdjustment, verdictFor } from '../../numeric-cues.js';
import { clampScore, type Recognizer } from '../../recognizer.js';
import { cpfValid } from '../../../check-digits.js';

/** 000.000.000-00, and the check digits set apart (000000000-00, 000 000 000 00 and 9+2 groupings). */
const CPF_GROUPINGS = new Set(['3,3,3,2', '9,2']);

/**
 * Slashes and parentheses belong to CNPJs and phones; an announced CPF may have its check digits set
 * apart by a slash ("CPF 046.731.298/22").
 */
function cpfSeparators(seps: readonly string[], announced: boolean): boolean {
  for (let k = 0; k < seps.length; k++) {
    const s = seps[k]!;
    if (s.includes('(') || s.includes(')')) return false;
    if (s.includes('/') && !(announced && k === 2 && seps.length === 3)) return false;
  }
  return true;
}

/** CPF: 11 digits, any grouping; valid check digits, or a CPF cue for a mistyped one. */
export const cpfRecognizer: Recognizer = {
  name: 'cpf',
  types: ['CPF'],
  detect(doc, context, sink: Entity[]) {
    for (const span of numberSpans(doc, 11, 11)) {
      if (span.prefixed) continue;
      if (gluedToLetters(doc, span.start, span.end)) continue;
      // Most 11-digit numbers in a chat are phone numbers: without a CPF cue in the message, only
      // valid check digits make it worth looking further.
      const valid = cpfValid(span.digits);
      if (!valid && !hasCueOfKind(doc, context.cues, 'CPF')) continue;
      const verdict = verdictFor(cueBefore(doc, context, span.start), 'CPF', span.digitCount);
      if (verdict === 'vetoes' || !cpfSeparators(span.separators, verdict === 'supports')) continue;
      const canonical = CPF_GROUPINGS.has(span.grouping);
      if (!valid && verdict !== 'supports') continue;
      const base = valid ? (canonical ? 0.85 : 0.6) : 0.55;
      sink.push({
        type: 'CPF',
        start: span.start,
        end: span.end,
        score: clampScore(base + documentCueAdjustment(verdict, valid && canonical)),
        recognizer: 'cpf',
      });
    }
  },
};
