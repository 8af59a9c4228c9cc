import { analyzeText, isBlankCode, type AnalyzedText, type Word } from '../../analyzed-text.js';
import { cueEndingAt, nearestCueBefore } from '../../cues.js';
import { lineStartWithin } from '../../text-lines.js';
import { WordTable } from '../../word-table.js';
import { WORD_CLASSES, WordClass } from '../word-classes.js';
import { ROLES } from './person-context.js';
import { notNameWord } from './unknown-names.js';
import { CUES, is, isNameWord, joinedBySpace } from './person-words.js';

/**
 * Signatures: a name closing the message ("Thanks,\nEmily", "— David", "Obrigada,\nZefinha
 * Tavares"). A signature both confirms a known name and, right after a closing, takes in the words
 * around a known one that no lexicon knows.
 */

/** For analysing a line that may close the message ("Obrigada,"), outside any engine. */
const CLOSING_WORDS = new WordTable(WORD_CLASSES);

/** How far around a name the signature check looks: a signature sits in a short last line. */
const SIGNATURE_REACH = 120;

const ONLY_MARKS = /^[\s\p{P}\p{S}]*$/u;

const lineStartOf = (text: string, offset: number): number => lineStartWithin(text, offset, SIGNATURE_REACH);

/** Only punctuation, symbols and emoji follow until the end of the message (within reach). */
function endsMessage(text: string, end: number): boolean {
  if (text.length - end > SIGNATURE_REACH) return false;
  const rest = text.slice(end);
  return ONLY_MARKS.test(rest) || ROLE_ASIDE.test(rest);
}

/**
 * "\nJuliana - Recepção Sorriso Pleno", "\nMarcos | Suporte NetPlus": the last line opens with the
 * name, then a dash or bar and the team or company it signs for.
 */
const AFFILIATION = /^[ \t]+[-–—|][ \t]+[^\n]{2,60}$/;

/** "— Yusuf (IT, Karachi office)", "Cleidiane (mãe)": a short aside after the name. */
const ROLE_ASIDE = /^[ \t]*\([^()\n]{1,40}\)[\s\p{P}\p{S}]*$/u;

/**
 * What every kind of signature needs before the name, past blanks: a comma ("Thanks, Karen"), a
 * dash ("— David"), a line break or the start of the text. Most names stand mid-sentence, and this
 * spares them the patterns below.
 */
function signatureShapeBefore(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && start - i <= SIGNATURE_REACH && isBlankCode(text.charCodeAt(i))) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  // , - — – the line break, and the end of a sentence
  return c === 44 || c === 45 || c === 0x2014 || c === 0x2013 || c === 10 || sentenceEndAt(text, i);
}

/** ". " or "! " ending a sentence, not the dot of an abbreviation ("Sr. Marcelo", "Av. Paulista"). */
function sentenceEndAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c !== 46 && c !== 33) || !isBlankCode(text.charCodeAt(i + 1))) return false;
  return c === 33 || !/(?:^|[^\p{L}])\p{L}{1,3}$/u.test(text.slice(Math.max(0, i - 5), i));
}

/**
 * The name stands alone on the last line(s) of the message or after a dash at its end: a
 * signature. Every look is bounded, so the check costs the same whatever the message length.
 */
export function isSignature(doc: AnalyzedText, start: number, end: number): boolean {
  const text = doc.text;
  if (!signatureShapeBefore(text, start)) return false;
  // "Thanks, Karen" / "Obrigado, João" closing the message on one line.
  if (/,\s*$/.test(text.slice(Math.max(0, start - 3), start)) && endsMessage(text, end)) {
    const before = nearestCueBefore(doc, CUES, start, 1);
    if (before?.kind === 'CLOSING') return true;
  }
  // "... Orlando 🙏 — David": a dash before the name and nothing after it.
  if (/(?:^|\s)(?:—|–|-{1,2})\s*$/.test(text.slice(Math.max(0, start - 4), start)))
    return endsMessage(text, end);
  // "Qualquer dúvida, estou à disposição. Marcelo": a sentence, then the name closing the message.
  if (/[.!]\s+$/.test(text.slice(Math.max(0, start - 4), start)) && endsMessage(text, end)) {
    let i = start - 1;
    while (isBlankCode(text.charCodeAt(i))) i--;
    if (sentenceEndAt(text, i)) return true;
  }
  const lineStart = lineStartOf(text, start);
  if (lineStart < 0 || !/^[\s\-—–]*$/.test(text.slice(lineStart, start))) return false;
  if (endsMessage(text, end)) return true;
  // "Vitória - ES" and "Natal - Centro" are a city and its state or district, not a signature.
  if (lineStart > 0 && AFFILIATION.test(text.slice(end, end + SIGNATURE_REACH + 1)))
    return !is(doc.words[doc.wordIndexAt(start)]!, WordClass.PLACE_NAME | WordClass.PLACE_BEFORE);
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0 || lineEnd - end > SIGNATURE_REACH || !ONLY_MARKS.test(text.slice(end, lineEnd)))
    return false;
  // On a line of its own right after a closing line ("Obrigada,"), with more lines below.
  if (lineStart === 0) return false;
  const previousStart = lineStartOf(text, lineStart - 1);
  if (previousStart < 0) return false;
  const previousLine = text.slice(previousStart, lineStart - 1);
  return /^\s*[\p{L} ]{2,25}[,!.]{0,2}\s*$/u.test(previousLine) && closesMessage(previousLine);
}

/** A line such as "Obrigada," or "Best regards": the message is closing and a signature follows. */
function closesMessage(line: string): boolean {
  const words = analyzeText(line, CLOSING_WORDS).words;
  return words.length > 0 && cueEndingAt(CUES, words, words.length - 1)?.kind === 'CLOSING';
}

/** ", " or ". " on the closing's line ("Cheers, Bec", "Atte. Rosmery"), or the closing ending its line. */
const CLOSING_TO_NAME = /^(?:[,.!]{1,3}[ \t]+|[,.!]{0,3}[ \t]*\n[ \t]*)$/;

/**
 * "Cheers, Bec", "Atte. Rosmery", "Att,\nDenilson": one capitalised word right after a closing ends
 * the message and signs it, even when no lexicon knows it. Departments sign that way too, so the
 * words that name one ("Obrigado,\nFinanceiro", "Regards,\nManagement") or close a message to
 * everyone ("Thanks, Everyone", "Valeu, Galera") are no names.
 */
export function closingThenName(doc: AnalyzedText): { start: number; end: number } | undefined {
  if (!is(doc, WordClass.CLOSING_END)) return undefined;
  const last = signingLastWord(doc);
  if (last === undefined) return undefined;
  const words = doc.words;
  const name = words[last]!;
  if (name.end - name.start < 3) return undefined;
  if (!CLOSING_TO_NAME.test(doc.text.slice(words[last - 1]!.end, name.start))) return undefined;
  return cueEndingAt(CUES, words, last - 1)?.kind === 'CLOSING'
    ? { start: name.start, end: name.end }
    : undefined;
}

const MAX_SIGNATURE_WORDS = 3;

/** How many words before a signature its closing may stand ("Thanks so much!\n- Priya Raman"). */
const CLOSING_REACH = 6;

export const SIGNATURE_SCORE = 0.75;

/** Words that sign for a company, a place or a street, or that close or introduce. */
const NOT_SIGNATURE =
  WordClass.COMPANY_BEFORE |
  WordClass.COMPANY_AFTER |
  WordClass.PLACE_BEFORE |
  WordClass.PLACE_NAME |
  WordClass.STREET_BEFORE |
  WordClass.STREET_TYPE |
  WordClass.PERSON_CUE_END |
  WordClass.MONTH;

/**
 * The index of the message's last word when it may sign it: a capitalised word, not a compass point
 * or a department ("Isapre Vida Sur"), with at most marks or a short aside after it, and a word
 * before it.
 */
function signingLastWord(doc: AnalyzedText): number | undefined {
  const last = doc.words.length - 1;
  if (last < 1) return undefined;
  const w = doc.words[last]!;
  return signsAsName(w) && !notNameWord(w) && endsMessage(doc.text, w.end) ? last : undefined;
}

const signsAsName = (w: Word): boolean =>
  w.capitalized && !w.upper && w.end - w.start >= 2 && !is(w, NOT_SIGNATURE) && !ROLES.has(w.norm);

/**
 * "Obrigada,\nZefinha Tavares", "Thanks so much!\n- Okonkwo Patel": capitalised words closing the
 * message right after a closing phrase sign it when one of them is a known name, even if the
 * others (here the given names) are in no lexicon.
 */
export function unknownSignature(doc: AnalyzedText): { start: number; end: number } | undefined {
  if (!is(doc, WordClass.CLOSING_END)) return undefined;
  const last = signingLastWord(doc);
  if (last === undefined) return undefined;
  const words = doc.words;
  const text = doc.text;
  let first = last;
  while (first > 0 && last - first < MAX_SIGNATURE_WORDS - 1) {
    const prev = words[first - 1]!;
    if (!joinedBySpace(text, prev, words[first]!)) break;
    if (!signsAsName(prev) && !is(prev, WordClass.NAME_PARTICLE)) break;
    first--;
  }
  while (is(words[first]!, WordClass.NAME_PARTICLE)) first++;
  // One known name among them: "Equipe de Suporte", "Accounts Payable" and "The Marketing Team"
  // sign for a department, not a person.
  let known = false;
  for (let k = first; k <= last; k++) known ||= isNameWord(words[k]!);
  if (!known || !signatureShapeBefore(text, words[first]!.start)) return undefined;
  for (let c = first - 1; c >= 0 && first - c <= CLOSING_REACH; c--) {
    if (!is(words[c]!, WordClass.CLOSING_END)) continue;
    if (cueEndingAt(CUES, words, c)?.kind === 'CLOSING')
      return { start: words[first]!.start, end: words[last]!.end };
  }
  return undefined;
}
