import { getCountrySpecifications, isValidIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { isAsciiAlnumCode, isAsciiLetterCode, type AnalyzedText } from '../../analyzed-text.js';
import type { Entity } from '../../entity.js';
import { cueBefore, verdictFor } from '../../numeric-cues.js';
import type { Recognizer } from '../../recognizer.js';

const SPECS = getCountrySpecifications();

const MAX_IBAN = 34;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where an IBAN may start: two ASCII letters right before a run of at least two digits, at a word
 * start ("DE89…", "br15…"). A digit group inside a run follows a separator, so only a run's first
 * group can be one; the runs are already known, so the text is not scanned again.
 */
function ibanStarts(doc: AnalyzedText): number[] {
  const text = doc.text;
  const starts: number[] = [];
  for (const run of doc.runs) {
    const first = run.groups[0]!;
    const start = first.start - 2;
    if (run.start !== first.start || first.end - first.start < 2 || start < 0) continue;
    if (!isAsciiLetterCode(text.charCodeAt(start)) || !isAsciiLetterCode(text.charCodeAt(start + 1)))
      continue;
    if (start > 0 && WORD_CHAR.test(text[start - 1]!)) continue;
    starts.push(start);
  }
  return starts;
}

/**
 * Mod-97 and the country's BBAN format are required; a failed national bank/branch check only
 * lowers the score, since the ISO 13616 check alone already rules out 99% of random strings and
 * a mistyped national check digit is still somebody's account number.
 */
function ibanScore(iban: string): number {
  // The yes/no check costs half the full report, which only a failed IBAN needs.
  if (isValidIBAN(iban)) return 0.95;
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return 0.95;
  return errorCodes.every((c) => c === ValidationErrorsIBAN.WrongAccountBankBranchChecksum) ? 0.85 : 0;
}

/**
 * IBANs in electronic ("DE89370400440532013000") or print form (groups of four), any case, checked
 * with ibantools (country length, BBAN format, ISO 13616 mod-97).
 */
export const ibanRecognizer: Recognizer = {
  name: 'iban',
  types: ['IBAN'],
  detect(doc, context, sink: Entity[]) {
    const text = doc.text;
    let taken = 0;
    for (const start of ibanStarts(doc)) {
      if (start < taken) continue;
      const country = text.slice(start, start + 2).toUpperCase();
      const expected = SPECS[country]?.chars;
      if (!expected) continue;
      // Collect alphanumerics, allowing single spaces between groups, until the country's length.
      let compact = '';
      let end = start;
      let i = start;
      while (i < text.length && compact.length < expected && i - start < MAX_IBAN + 10) {
        const c = text.charCodeAt(i);
        if (isAsciiAlnumCode(c)) {
          compact += text[i]!;
          i++;
          end = i;
        } else if (c === 32 && isAsciiAlnumCode(text.charCodeAt(i + 1))) i++;
        else break;
      }
      if (compact.length !== expected || isAsciiAlnumCode(text.charCodeAt(end))) continue;
      const score = ibanScore(compact.toUpperCase());
      if (score === 0) continue;
      if (verdictFor(cueBefore(doc, context, start), 'IBAN', compact.length) === 'vetoes') continue;
      sink.push({ type: 'IBAN', start, end, score, recognizer: 'iban' });
      taken = end;
    }
  },
};
