import { countBefore } from './halving.js';
import { foldCode, HASH_SEED, hashStep, type WordTable } from './word-table.js';

/**
 * One linear pass over a message that every recognizer shares: the words (with an accent-free,
 * lower-case form for lexicon and cue look-ups) and the runs of digits joined by separators.
 * Recognizers then only look at bounded slices around these, which keeps detection linear in the
 * length of the text whatever its content.
 */

export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower case, diacritics removed: the key for lexicons and cue lists. */
  readonly norm: string;
  /** First letter upper case. */
  readonly capitalized: boolean;
  /** Every letter upper case (and at least two letters). */
  readonly upper: boolean;
  /** Bits of the word lists it belongs to (see the recognizers' `wordClasses`); 0 for none. */
  readonly classes: number;
  /** Whether `norm` is this word's normal form, answered for Latin words without building it. */
  normIs(norm: string): boolean;
}

/** A maximal group of consecutive digits. */
export interface DigitGroup {
  readonly start: number;
  readonly end: number;
}

/**
 * Digit groups separated by short runs of separators (space, dot, hyphen, slash, parentheses).
 * `prefix` is where a leading `+` or `(` starts, when there is one.
 */
export interface NumberRun {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly DigitGroup[];
  /** The run's digits alone, so a span's digits are one slice of it. */
  readonly digits: string;
  readonly digitCount: number;
  /** Where each group starts in `digits`, plus the total length: groups.length + 1 entries. */
  readonly digitOffsets: readonly number[];
}

export interface AnalyzedText {
  readonly text: string;
  readonly words: readonly Word[];
  readonly runs: readonly NumberRun[];
  /** The word classes of all words together: a recognizer whose words are all missing stops at once. */
  readonly classes: number;
  /** Index of the first word starting at or after `offset`. */
  wordIndexAt(offset: number): number;
}

/** Lower-case, accent-free word → bits of the word lists it belongs to. */
export type WordClasses = ReadonlyMap<string, number>;

const MAX_SEPARATOR_RUN = 3;

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** [A-Za-z]; false past the end of a text (charCodeAt gives NaN there). */
export function isAsciiLetterCode(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

/** [A-Za-z0-9]; false past the end of a text. */
export function isAsciiAlnumCode(c: number): boolean {
  return isDigitCode(c) || isAsciiLetterCode(c);
}

/** White space other than a line break (what `\s` matches, "\n" aside); false past the end of a text. */
export function isBlankCode(c: number): boolean {
  if (c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 11 || c === 12) return true;
  return c > 127 && /\s/.test(String.fromCharCode(c));
}

function isRunSeparator(c: number): boolean {
  // space . - / ( ) and no-break space
  return c === 32 || c === 46 || c === 45 || c === 47 || c === 40 || c === 41 || c === 160;
}

const LETTER = /[\p{L}\p{M}]/u;
/** Letter flags for the Latin blocks (up to U+024F), where nearly all pt/en/es text lies. */
const LATIN_LETTERS = (() => {
  const table = new Uint8Array(0x250);
  for (let c = 0; c < table.length; c++) table[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
})();

/** Letters of any script, plus combining marks; a table for the Latin blocks, the Unicode class beyond. */
export function isLetterCode(c: number): boolean {
  return c < 0x250 ? LATIN_LETTERS[c] === 1 : LETTER.test(String.fromCharCode(c));
}

function isWordInnerJoiner(c: number): boolean {
  // apostrophes inside names: O'Brien, D’Ávila
  return c === 39 || c === 0x2019;
}

/**
 * Accented words folded already: decomposing and stripping marks costs far more than a look-up, and
 * chat text repeats the same few hundred accented words ("não", "você", "información"). Bounded: when
 * full it simply starts over.
 */
const FOLDED = new Map<string, string>();
const MAX_FOLDED = 10_000;

/** Lower case with diacritics removed; ASCII words that are already lower case come back as they are. */
export function normalizeWord(word: string): string {
  let ascii = true;
  let lower = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) lower = false;
  }
  if (ascii) return lower ? word : word.toLowerCase();
  let folded = FOLDED.get(word);
  if (folded === undefined) {
    folded = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    if (FOLDED.size >= MAX_FOLDED) FOLDED.clear();
    FOLDED.set(word, folded);
  }
  return folded;
}

/**
 * What the word scan needs of a Latin unit, in one look-up: its folded unit (low 16 bits, 0 when it
 * does not fold to one unit), whether it is a letter, and whether it is upper or lower case.
 */
const LETTER_BIT = 1 << 16;
const UPPER_BIT = 1 << 17;
const LOWER_BIT = 1 << 18;
const LATIN = (() => {
  const table = new Int32Array(0x250);
  for (let c = 0; c < table.length; c++) {
    const ch = String.fromCharCode(c);
    table[c] =
      foldCode(c) |
      (LATIN_LETTERS[c] === 1 ? LETTER_BIT : 0) |
      (ch.toLowerCase() !== ch ? UPPER_BIT : 0) |
      (ch.toUpperCase() !== ch ? LOWER_BIT : 0);
  }
  return table;
})();

/** First letter upper case. */
function startsUpper(word: string): boolean {
  const first = word[0] as string;
  return first !== first.toLowerCase();
}

/** Every letter upper case (words of one letter are not "upper"). */
function isAllUpper(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase();
}

class ScannedWord implements Word {
  #text: string | undefined;
  #norm: string | undefined;

  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly capitalized: boolean,
    readonly upper: boolean,
    readonly classes: number,
    /** Every unit folds to one unit (see foldCode), so the normal form can be compared unit by unit. */
    private readonly latin: boolean,
    norm: string | undefined,
  ) {
    this.#norm = norm;
  }

  normIs(norm: string): boolean {
    if (this.#norm !== undefined || !this.latin) return this.norm === norm;
    const length = this.end - this.start;
    if (norm.length !== length) return false;
    for (let k = 0; k < length; k++)
      if (foldCode(this.source.charCodeAt(this.start + k)) !== norm.charCodeAt(k)) return false;
    return true;
  }

  get text(): string {
    return (this.#text ??= this.source.slice(this.start, this.end));
  }

  get norm(): string {
    return (this.#norm ??= normalizeWord(this.text));
  }
}

/**
 * Words, each looked up in `table` as it is scanned: Latin words by the hash of their folded units
 * (no lower-cased copy, no string hash), others through normalizeWord. Case flags come from tables
 * for the Latin blocks and from the string methods beyond them.
 */
function scanWords(text: string, table: WordTable | undefined, digitStarts: number[]): Word[] {
  const words: Word[] = [];
  const n = text.length;
  let i = 0;
  let previous = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isLetterCode(c)) {
      // Every digit is met here (words hold none): the number scan then starts only where digits do.
      if (isDigitCode(c) && !isDigitCode(previous)) digitStarts.push(i);
      previous = c;
      i++;
      continue;
    }
    const start = i;
    let hash = HASH_SEED;
    let latin = true;
    let lowerSeen = false;
    // Each unit is read once: the one that continues the word is the next turn's.
    let info = c < 0x250 ? (LATIN[c] as number) : 0;
    for (;;) {
      const folded = info & 0xffff;
      if (folded === 0) latin = false;
      else {
        hash = hashStep(hash, folded);
        if ((info & LOWER_BIT) !== 0) lowerSeen = true;
      }
      i++;
      if (i >= n) break;
      const next = text.charCodeAt(i);
      info = next < 0x250 ? (LATIN[next] as number) : 0;
      if (next < 0x250 ? (info & LETTER_BIT) !== 0 : isLetterCode(next)) continue;
      if (isWordInnerJoiner(next) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1))) continue;
      break;
    }
    let capitalized: boolean;
    let upper: boolean;
    let id = -1;
    let norm: string | undefined;
    if (latin) {
      capitalized = ((LATIN[text.charCodeAt(start)] as number) & UPPER_BIT) !== 0;
      upper = capitalized && i - start >= 2 && !lowerSeen;
      if (table !== undefined) id = table.find(text, start, i, hash);
    } else {
      const w = text.slice(start, i);
      capitalized = startsUpper(w);
      upper = capitalized && isAllUpper(w);
      norm = normalizeWord(w);
      if (table !== undefined) id = table.findNormalized(norm);
    }
    let classes = 0;
    if (id >= 0) {
      norm = (table as WordTable).key(id);
      classes = (table as WordTable).classes(id);
    }
    words.push(new ScannedWord(text, start, i, capitalized, upper, classes, latin, norm));
    previous = -1;
  }
  return words;
}

/** "0xx11": Brazilian trunk prefix with the carrier code left as "xx". */
function isTrunkPlaceholder(text: string, i: number): boolean {
  const a = text.charCodeAt(i) | 32;
  const b = text.charCodeAt(i + 1) | 32;
  return a === 120 && b === 120 && isDigitCode(text.charCodeAt(i + 2));
}

class ScannedRun implements NumberRun {
  #digits: string | undefined;

  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly groups: readonly DigitGroup[],
    readonly digitOffsets: readonly number[],
  ) {}

  /** Joined on first request: most runs are rejected on their lengths alone. */
  get digits(): string {
    if (this.#digits === undefined) {
      const groups = this.groups;
      let digits = '';
      for (let k = 0; k < groups.length; k++) digits += this.source.slice(groups[k]!.start, groups[k]!.end);
      this.#digits = digits;
    }
    return this.#digits;
  }

  get digitCount(): number {
    return this.digitOffsets[this.digitOffsets.length - 1]!;
  }
}

/** Runs of digit groups; `digitStarts` are where the text's digit groups begin, in order. */
function scanNumberRuns(text: string, digitStarts: readonly number[]): NumberRun[] {
  const runs: NumberRun[] = [];
  const n = text.length;
  let i = 0;
  for (const groupStart of digitStarts) {
    // A group already taken into the previous run (joined to it by separators).
    if (groupStart < i) continue;
    i = groupStart;
    let start = i;
    // A leading "+" or "(" belongs to the run (phone numbers).
    if (start > 0) {
      const p = text.charCodeAt(start - 1);
      if (p === 43 || p === 40) start--;
      if (p === 40 && start > 0 && text.charCodeAt(start - 1) === 43) start--;
    }
    const groups: DigitGroup[] = [];
    const digitOffsets = [0];
    let digitCount = 0;
    let end = i;
    for (;;) {
      const gStart = i;
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      groups.push({ start: gStart, end: i });
      digitCount += i - gStart;
      digitOffsets.push(digitCount);
      end = i;
      let j = i;
      if (i - gStart === 1 && text.charCodeAt(gStart) === 48 && isTrunkPlaceholder(text, i)) j = i + 2;
      while (j < n && j - i < MAX_SEPARATOR_RUN && isRunSeparator(text.charCodeAt(j))) j++;
      if (j > i && j < n && isDigitCode(text.charCodeAt(j))) {
        i = j;
        continue;
      }
      break;
    }
    // A closing parenthesis right after the last group is part of "(11)" shapes only; keep it out.
    runs.push(new ScannedRun(text, start, end, groups, digitOffsets));
    i = end;
  }
  return runs;
}

class Analysis implements AnalyzedText {
  readonly words: readonly Word[];
  readonly runs: readonly NumberRun[];
  readonly classes: number;

  constructor(
    readonly text: string,
    table: WordTable | undefined,
  ) {
    const digitStarts: number[] = [];
    const words = scanWords(text, table, digitStarts);
    let classes = 0;
    for (const w of words) classes |= w.classes;
    this.words = words;
    this.runs = digitStarts.length === 0 ? [] : scanNumberRuns(text, digitStarts);
    this.classes = classes;
  }

  wordIndexAt(offset: number): number {
    const words = this.words;
    return countBefore(words.length, (i) => (words[i] as Word).start < offset);
  }
}

/** The shared analysis of a message; `table` tags each word with the lists it belongs to. */
export function analyzeText(text: string, table?: WordTable): AnalyzedText {
  return new Analysis(text, table);
}
