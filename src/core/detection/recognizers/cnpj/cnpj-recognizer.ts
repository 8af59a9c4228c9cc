import type { Entity } from '../../entity.js';
import { numberSpans, gluedToLetters } from '../../number-spans.js';
import { hasCueOfKind } from '../../cues.js';
import { cueBefore, documentCueAdjustment, verdictFor } from '../../numeric-cues.js';
import { clampScore, type Recognizer } from '../../recognizer.js';
import { cnpjValid } from '../../../check-digits.js';

/** The formatted alphanumeric CNPJ (from July 2026): AA.AAA.AAA/AAAA-DD, letters allowed before the check digits. */
const ALNUM_CNPJ = /[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}\/[0-9A-Z]{4}-\d{2}/y;

/** CNPJ: 14 digits, or the alphanumeric format; valid check digits, or a CNPJ cue. */
export const cnpjRecognizer: Recognizer = {
  name: 'cnpj',
  types: ['CNPJ'],
  detect(doc, context, sink: Entity[]) {
    // Starts of the numeric CNPJs found (a message holds one or two): the alphanumeric pass skips them.
    const seen: number[] = [];
    for (const span of numberSpans(doc, 14, 14)) {
      if (span.prefixed) continue;
      if (gluedToLetters(doc, span.start, span.end)) continue;
      const valid = cnpjValid(span.digits);
      if (!valid && !hasCueOfKind(doc, context.cues, 'CNPJ')) continue;
      const verdict = verdictFor(cueBefore(doc, context, span.start), 'CNPJ', span.digitCount);
      if (verdict === 'vetoes') continue;
      if (!valid && verdict !== 'supports') continue;
      const canonical = span.grouping === '2,3,3,4,2';
      const base = valid ? (canonical ? 0.85 : 0.65) : 0.55;
      seen.push(span.start);
      sink.push({
        type: 'CNPJ',
        start: span.start,
        end: span.end,
        score: clampScore(base + documentCueAdjustment(verdict, valid && canonical)),
        recognizer: 'cnpj',
      });
    }
    // Alphanumeric CNPJs contain letters, so they are not number runs: anchor on each "/".
    const text = doc.text;
    for (let slash = text.indexOf('/'); slash !== -1; slash = text.indexOf('/', slash + 1)) {
      const start = slash - 10;
      // Its dots and hyphen first: most slashes in a chat are dates.
      if (start < 0 || text[start + 2] !== '.' || text[start + 6] !== '.' || text[slash + 5] !== '-')
        continue;
      if (seen.includes(start)) continue;
      ALNUM_CNPJ.lastIndex = start;
      const m = ALNUM_CNPJ.exec(text);
      if (m === null || gluedToLetters(doc, start, start + m[0].length)) continue;
      const bare = m[0].replace(/[./-]/g, '');
      if (/^\d+$/.test(bare) || !cnpjValid(bare)) continue;
      const verdict = verdictFor(cueBefore(doc, context, start), 'CNPJ', bare.length);
      if (verdict === 'vetoes') continue;
      sink.push({
        type: 'CNPJ',
        start,
        end: start + m[0].length,
        score: clampScore(0.85 + documentCueAdjustment(verdict, true)),
        recognizer: 'cnpj',
      });
    }
  },
};
