import type { Entity } from '../../entity.js';
import { numberSpans, gluedToLetters } from '../../number-spans.js';
import { hasCueOfKind } from '../../cues.js';
import { cueAdjustment, cueBefore, verdictFor } from '../../numeric-cues.js';
import { clampScore, type Recognizer } from '../../recognizer.js';
import { ssnValid } from '../../../check-digits.js';

/**
 * US SSN: AAA-GG-SSSS in three groups (hyphens or spaces) anywhere; as nine plain digits or
 * other separators only when an SSN cue introduces it.
 */
export const usSsnRecognizer: Recognizer = {
  name: 'us-ssn',
  types: ['US_SSN'],
  detect(doc, context, sink: Entity[]) {
    for (const span of numberSpans(doc, 9, 9)) {
      if (span.prefixed) continue;
      if (gluedToLetters(doc, span.start, span.end) || !ssnValid(span.digits)) continue;
      const seps = span.separators.map((s) => s.trim() || ' ');
      const threeGroups =
        span.grouping === '3,2,4' && seps.every((s) => s === seps[0] && (s === '-' || s === ' '));
      // Nine digits in other shapes (a phone number's tail, most often) need an SSN cue.
      if (!threeGroups && !hasCueOfKind(doc, context.cues, 'US_SSN')) continue;
      const verdict = verdictFor(cueBefore(doc, context, span.start), 'US_SSN', span.digitCount);
      if (verdict === 'vetoes') continue;
      if (!threeGroups && verdict !== 'supports') continue;
      const base = threeGroups ? (seps[0] === '-' ? 0.8 : 0.65) : 0.55;
      sink.push({
        type: 'US_SSN',
        start: span.start,
        end: span.end,
        score: clampScore(base + cueAdjustment(verdict)),
        recognizer: 'us-ssn',
      });
    }
  },
};
