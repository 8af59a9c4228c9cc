import { isBlankCode, isLetterCode, type AnalyzedText, type NumberRun } from './analyzed-text.js';
import { type Cue, nearestCueBefore, OTHER } from './cues.js';
import type { RecognizerContext } from './recognizer.js';
import { countBefore } from './halving.js';

/** How far back, in words, a cue may stand from the value it introduces. */
export const CUE_WINDOW = 6;

/** What the nearest preceding cue says about a value of `type`. */
export type CueVerdict = 'supports' | 'vetoes' | 'other-type' | 'none';

/**
 * The nearest cue before the value at `start`, not reaching past the previous number run: in
 * "CEP 01310-100, liguei do 11 3722-9952" the postal-code cue belongs to the first number only.
 */
export function cueBefore(
  doc: AnalyzedText,
  context: RecognizerContext,
  start: number,
  window = CUE_WINDOW,
  kind?: string,
): Cue | undefined {
  return cueBeforeValue(doc, context, start, window, kind, 0);
}

function cueBeforeValue(
  doc: AnalyzedText,
  context: RecognizerContext,
  start: number,
  window: number,
  kind: string | undefined,
  listed: number,
): Cue | undefined {
  const barrier = previousRunEnd(doc, start);
  let cue = nearestCueBefore(doc, context.cues, start, window, barrier, kind);
  if (cue?.kind === OTHER) cue = typeQualifyingOther(doc, context, cue, start, barrier) ?? cue;
  if (cue !== undefined) return cueInEarlierSentence(doc, cue, start) ? undefined : cue;
  // Most values stand far from the one before: the list's joiner is short.
  const listJoined = listed < LIST_REACH && barrier >= 0 && start - barrier <= LONGEST_LIST_JOINER;
  const previous = listJoined ? previousInList(doc, start) : undefined;
  return previous === undefined
    ? undefined
    : cueBeforeValue(doc, context, previous.start, window, kind, listed + 1);
}

/** ", ", " e ", " and ", " y ", " ou ", " or ", " o ", " & ": what joins the values of a list. */
const LIST_JOINER = /^(?:,? (?:e|and|y|ou|or|o|&) |, ?)$/i;
const LONGEST_LIST_JOINER = ', and '.length;

/** How many earlier values of a list a value's cue is looked for through. */
const LIST_REACH = 4;

/**
 * "Transaction IDs 7733019284 and 7733019285", "telefones 11 98765-4321 e 21 99876-5432": the value of
 * the same shape (digits and groups) right before this one, joined to it as in a list, whose cue
 * then speaks of this value too.
 */
function previousInList(doc: AnalyzedText, start: number): NumberRun | undefined {
  const runs = doc.runs;
  const r = countBefore(runs.length, (i) => runs[i]!.end <= start);
  const run = runs[r];
  const previous = runs[r - 1];
  if (run === undefined || previous === undefined || start > run.groups[0]!.start) return undefined;
  if (previous.digitCount !== run.digitCount || previous.groups.length !== run.groups.length)
    return undefined;
  return LIST_JOINER.test(doc.text.slice(previous.end, run.start)) ? previous : undefined;
}

const QUALIFYING_PREPOSITIONS = new Set([
  'na',
  'no',
  'da',
  'do',
  'de',
  'del',
  'en',
  'on',
  'in',
  'of',
  'for',
  'para',
  'pro',
  'pra',
]);

const GENERIC_NUMBER_WORDS = new Set(['numero', 'number', 'nro', 'num', 'no']);

/**
 * "CPF na nota: ...", "telefone do cadastro: ...": a type's cue joined by a preposition to a cue of
 * something else names what of that thing the value is, and speaks for the value instead.
 */
function typeQualifyingOther(
  doc: AnalyzedText,
  context: RecognizerContext,
  other: Cue,
  start: number,
  barrier: number,
): Cue | undefined {
  const qualifier = nearestCueBefore(doc, context.cues, doc.words[other.wordIndex]!.start, 2, barrier);
  if (qualifier?.distance !== 1 || qualifier.kind === OTHER) return undefined;
  if (!QUALIFYING_PREPOSITIONS.has(doc.words[other.wordIndex - 1]!.norm)) return undefined;
  const last = other.wordIndex - 2;
  // "mi número de pedido": a cue that says only "number" names the other thing's number.
  if (GENERIC_NUMBER_WORDS.has(doc.words[last]!.norm)) return undefined;
  return { ...qualifier, distance: doc.wordIndexAt(start) - 1 - last };
}

/** How far a cue's sentence end is looked for; past it, the cue counts as another sentence's. */
const SENTENCE_REACH = 200;

/**
 * A cue speaks of the value in its own sentence or line, or of a value that opens the next one
 * ("Meu telefone:\n11 98765-4321", "Fone. 11 98765-4321"), also after a speaker's label in a
 * transcript ("...your date of birth?\nCustomer: 3rd of May 1991"); not of a value that follows other
 * words in a new sentence ("...como contato. Segue 625 147 829 29").
 */
function cueInEarlierSentence(doc: AnalyzedText, cue: Cue, start: number): boolean {
  const text = doc.text;
  const valueWord = doc.wordIndexAt(start);
  const cueEnd = doc.words[valueWord - 1 - cue.distance]!.end;
  if (start - cueEnd > SENTENCE_REACH) return true;
  for (let i = start - 1; i >= cueEnd; i--) {
    if (!endsSentenceAt(text, i)) continue;
    if (doc.wordIndexAt(i) >= valueWord) return false;
    return text.charCodeAt(i) !== 10 || !SPEAKER_LABEL.test(text.slice(i + 1, start));
  }
  return false;
}

/**
 * "Customer: ", "Cliente: ", "[10:03] Agente Camila: ": up to three words and a colon opening a turn,
 * after the turn's time in brackets.
 */
/** A turn's time, in brackets or bare: "[10:03]", "10:15", "[10:03:27]", "10:04 AM". */
export const TURN_TIME_SOURCE = String.raw`\[?\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp]\.?[Mm]\.?)?\]?`;
const LABEL = String.raw`(?:${TURN_TIME_SOURCE} {1,3})?[\p{L}]+(?: [\p{L}]+){0,2}(?: \([\p{L}]+\))?: ?`;
const SPEAKER_LABEL = new RegExp(`^${LABEL}$`, 'u');
const SPEAKER_LABEL_OPENING = new RegExp(`^${LABEL}`, 'u');

/** How far into a line a speaker's label is looked for. */
const LABEL_REACH = 60;

/** Where the speaker's label opening the line at `lineStart` ends, or -1 when the line has none. */
export function speakerLabelEnd(text: string, lineStart: number): number {
  const label = SPEAKER_LABEL_OPENING.exec(text.slice(lineStart, lineStart + LABEL_REACH));
  return label === null ? -1 : lineStart + label[0].length;
}

/** A line break, or ". ", "! ", "? " not after an abbreviation of up to three letters ("Tel. ", "Nº. "). */
function endsSentenceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10) return true;
  if ((c !== 46 && c !== 33 && c !== 63) || !isBlankCode(text.charCodeAt(i + 1))) return false;
  if (c !== 46) return true;
  let letters = 0;
  while (letters < 4 && i - letters - 1 >= 0 && isLetterCode(text.charCodeAt(i - letters - 1))) letters++;
  return letters > 3;
}

/**
 * End of the last number run that ends before `offset` (runs are in text order). A lone digit
 * opening an aside is a count, no value ("código de segurança (4 dígitos) 7391"), and a turn's time
 * in a transcript ("[10:03] Cliente: 14/02/1971") is none either: neither stands between a cue and
 * its value.
 */
export function previousRunEnd(doc: AnalyzedText, offset: number): number {
  const runs = doc.runs;
  let lo = countBefore(runs.length, (r) => runs[r]!.end <= offset);
  while (lo > 0 && countInAside(doc.text, runs[lo - 1]!)) lo--;
  return lo === 0 ? -1 : runs[lo - 1]!.end;
}

/** "(4 dígitos)", "de 4 dígitos": a digit count; "[10:03]": a turn's time. */
function countInAside(text: string, run: NumberRun): boolean {
  const opening = text.charCodeAt(run.groups[0]!.start - 1);
  if (opening === 40) return run.digitCount === 1;
  if (run.digitCount === 1 && DIGIT_COUNT.test(text.slice(run.end, run.end + 12))) return true;
  // "[10:03]", or "10:15 " opening a line: the run is one of the time's two numbers; a bounded look.
  if (run.digitCount > 2) return false;
  const from = Math.max(0, run.start - 4);
  const time = TURN_TIME.exec(text.slice(from, run.end + 4));
  // A bare time matched at the slice's start is a line's first only at the text's start.
  return time !== null && (from === 0 || time[0].charCodeAt(0) === 91 || time[0].charCodeAt(0) === 10);
}

/** "4 dígitos", "3 digits", "3 números": the count of a code's digits. */
const DIGIT_COUNT = /^ (?:d[ií]gitos|digitos|digits|n[uú]meros|numbers)\b/i;

/** A turn's time: in brackets anywhere, or bare at the start of a line ("\n10:15 Customer:"). */
const TURN_TIME = /\[\d{1,2}:\d{2}\]|(?:^|\n)\d{1,2}:\d{2} /;

/** A cue saying the value is something else ("pedido", "protocolo", "CEP") binds only the value right after it. */
const VETO_DISTANCE = 3;

/**
 * How many digits a value of each kind has. A cue announces a value of its kind, so it speaks
 * against another type only for a value that could be of its kind: a birth-date cue says nothing
 * of the 14-digit number after it ("Eduarda Nascimento e segue 47638150000199"). Kinds not listed
 * (custom types) speak against every value.
 */
const DIGITS_OF_KIND: Readonly<Record<string, readonly [number, number]>> = {
  PHONE: [7, 15],
  CREDIT_CARD: [13, 19],
  CARD_CVV: [3, 4],
  CPF: [11, 11],
  CNPJ: [14, 14],
  US_SSN: [9, 9],
  IBAN: [10, 34],
  IP_ADDRESS: [4, 12],
  DATE_OF_BIRTH: [4, 8],
  PERSON: [0, 0],
  ID_DOCUMENT: [5, 14],
};

/** Kinds announcing any of several types. */
const TYPES_OF_KIND: Readonly<Record<string, readonly string[]>> = {
  ID_DOCUMENT: ['CPF', 'CNPJ', 'US_SSN'],
};

/** What `cue` says about a value of `type` with `digitCount` digits. */
export function verdictFor(cue: Cue | undefined, type: string, digitCount: number): CueVerdict {
  if (cue === undefined) return 'none';
  if (cue.kind === type || TYPES_OF_KIND[cue.kind]?.includes(type)) return 'supports';
  if (cue.kind === OTHER) return cue.distance < VETO_DISTANCE ? 'vetoes' : 'none';
  const digits = DIGITS_OF_KIND[cue.kind];
  if (digits !== undefined && (digitCount < digits[0] || digitCount > digits[1])) return 'none';
  return 'other-type';
}

/**
 * For a CPF or CNPJ: valid check digits in the document's own printed layout ("123.456.789-09",
 * "12 917 488 0001 03") outweigh a cue of another kind, which then lowers nothing. Random digits
 * pass both tests about once in a hundred thousand.
 */
export function documentCueAdjustment(verdict: CueVerdict, validInLayout: boolean): number {
  return validInLayout ? Math.max(0, cueAdjustment(verdict)) : cueAdjustment(verdict);
}

/** Score adjustment shared by the numeric recognizers. */
export function cueAdjustment(verdict: CueVerdict): number {
  switch (verdict) {
    case 'supports':
      return 0.25;
    case 'other-type':
      return -0.25;
    default:
      return 0;
  }
}
