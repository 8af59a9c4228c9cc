import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import type { Entity } from '../../entity.js';
import { cueBefore, verdictFor } from '../../numeric-cues.js';
import type { Recognizer } from '../../recognizer.js';

const SPECS = getCountrySpecifications();

/** Start of a possible IBAN: two letters and two digits at a word start. */
const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;
const MAX_IBAN = 34;

/**
 * Mod-97 and the country's BBAN format are required; a failed national bank/branch check only
 * lowers the score, since the ISO 13616 check alone already rules out 99% of random strings and
 * a mistyped national check digit is still somebody's account number.
 */
function ibanScore(iban: string): number {
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
    IBAN_START.lastIndex = 0;
    for (let m = IBAN_START.exec(text); m !== null; m = IBAN_START.exec(text)) {
      const start = m.index;
      const country = text.slice(start, start + 2).toUpperCase();
      const expected = SPECS[country]?.chars;
      if (!expected) continue;
      // Collect alphanumerics, allowing single spaces between groups, until the country's length.
      let compact = '';
      let end = start;
      let i = start;
      while (i < text.length && compact.length < expected && i - start < MAX_IBAN + 10) {
        const ch = text[i]!;
        if (/[A-Za-z0-9]/.test(ch)) {
          compact += ch;
          i++;
          end = i;
        } else if (ch === ' ' && /[A-Za-z0-9]/.test(text[i + 1] ?? '')) i++;
        else break;
      }
      if (compact.length !== expected || /[A-Za-z0-9]/.test(text[end] ?? '')) continue;
      const score = ibanScore(compact.toUpperCase());
      if (score === 0) continue;
      if (verdictFor(cueBefore(doc, context, start), 'IBAN') === 'vetoes') continue;
      sink.push({ type: 'IBAN', start, end, score, recognizer: 'iban' });
      IBAN_START.lastIndex = end;
    }
  },
};
