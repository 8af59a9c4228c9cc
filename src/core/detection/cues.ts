import type { AnalyzedText, Word } from './analyzed-text.js';
import { normalizeWord } from './analyzed-text.js';
import { countBefore } from './halving.js';

/**
 * Context cues: the words people put before a value to say what it is ("meu cpf é", "card number",
 * "fecha de nacimiento"), in Portuguese, English and Spanish at once. A cue names a kind: an entity
 * type it announces, or `OTHER` for a value introduced as something that is not personal data
 * (order, protocol, invoice, tracking, version, postal code...), which vetoes every numeric type.
 */
export type CueKind = string;
export const OTHER = 'OTHER';

export interface Cue {
  readonly kind: CueKind;
  /** Index of the cue's first word. */
  readonly wordIndex: number;
  /** Words between the cue's last word and the value. */
  readonly distance: number;
}

export interface CuePhrase {
  readonly words: readonly string[];
  readonly kind: CueKind;
}

/** A cue found in a message: its kind and the indexes of its first and last words. */
interface CueHit {
  readonly kind: CueKind;
  readonly first: number;
  readonly last: number;
}

/** Every cue of one table in one message, in text order. */
interface MessageCues {
  readonly doc: AnalyzedText;
  readonly hits: readonly CueHit[];
  /** The kinds among the hits, gathered on first need (see hasCueOfKind). */
  kinds: ReadonlySet<CueKind> | undefined;
}

export class CueTable {
  /** Phrases keyed by their last word, longest first. */
  readonly byLastWord: ReadonlyMap<string, readonly CuePhrase[]>;
  /**
   * The cues of the message being detected: every recognizer asks this table about the same
   * message, so its words are looked up once. One entry: messages are detected one at a time.
   */
  #last: MessageCues | undefined;

  /**
   * @param lastWordClass a `Word.classes` bit that the analysis sets on every word ending a phrase
   *   of this table, so that finding a message's cues skips all other words without a look-up.
   */
  constructor(
    byLastWord: ReadonlyMap<string, readonly CuePhrase[]>,
    readonly lastWordClass?: number,
  ) {
    this.byLastWord = byLastWord;
  }

  /** The message's cues if they have been listed already. */
  listedCuesOf(doc: AnalyzedText): MessageCues | undefined {
    const last = this.#last;
    return last !== undefined && last.doc === doc ? last : undefined;
  }

  cuesOf(doc: AnalyzedText): MessageCues {
    const listed = this.listedCuesOf(doc);
    if (listed !== undefined) return listed;
    const hits: CueHit[] = [];
    const words = doc.words;
    const bit = this.lastWordClass;
    for (let i = 0; i < words.length; i++) {
      if (bit !== undefined && ((words[i] as Word).classes & bit) === 0) continue;
      const hit = cueEndingAt(this, words, i);
      if (hit === undefined) continue;
      hits.push({ kind: hit.kind, first: i - hit.words.length + 1, last: i });
    }
    return (this.#last = { doc, hits, kinds: undefined });
  }
}

/** A cue phrase as the words it is matched by: lower case, accents removed. */
export function phraseWords(phrase: string): string[] {
  return phrase.split(/\s+/).filter(Boolean).map(normalizeWord);
}

export function buildCueTable(
  entries: Readonly<Record<CueKind, readonly string[]>>,
  lastWordClass?: number,
): CueTable {
  const byLastWord = new Map<string, CuePhrase[]>();
  for (const [kind, phrases] of Object.entries(entries)) {
    for (const phrase of phrases) {
      const words = phraseWords(phrase);
      const last = words[words.length - 1];
      if (last === undefined) continue;
      const list = byLastWord.get(last) ?? [];
      list.push({ words, kind });
      byLastWord.set(last, list);
    }
  }
  for (const list of byLastWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return new CueTable(byLastWord, lastWordClass);
}

function phraseEndsAt(words: readonly Word[], endIndex: number, phrase: readonly string[]): boolean {
  const first = endIndex - phrase.length + 1;
  if (first < 0) return false;
  for (let k = 0; k < phrase.length; k++)
    if (!(words[first + k] as Word).normIs(phrase[k] as string)) return false;
  return true;
}

/** The cue phrase that ends at word `index`, if any (the table's own entry: nothing is allocated). */
export function cueEndingAt(table: CueTable, words: readonly Word[], index: number): CuePhrase | undefined {
  const candidates = table.byLastWord.get((words[index] as Word).norm);
  if (candidates === undefined) return undefined;
  for (const c of candidates) if (phraseEndsAt(words, index, c.words)) return c;
  return undefined;
}

/** True when a cue of `kind` stands anywhere in the message: recognizers that need one stop early. */
export function hasCueOfKind(doc: AnalyzedText, table: CueTable, kind: CueKind): boolean {
  const cues = table.cuesOf(doc);
  const hits = cues.hits;
  // A message holds a cue or two: a scan beats building a set. A long text may hold thousands, asked
  // about once per value: their kinds are then gathered once.
  if (hits.length > FEW_CUES) return (cues.kinds ??= new Set(hits.map((hit) => hit.kind))).has(kind);
  for (const hit of hits) if (hit.kind === kind) return true;
  return false;
}

/** Up to this many cues are scanned one by one. */
const FEW_CUES = 8;

/**
 * The nearest cue before `offset`, looking back at most `window` words and not past `barrier`
 * (the end of the previous value: a cue introduces the value that follows it, not the one after).
 * With `kind`, the nearest cue of that kind.
 */
export function nearestCueBefore(
  doc: AnalyzedText,
  table: CueTable,
  offset: number,
  window: number,
  barrier = -1,
  kind?: CueKind,
): Cue | undefined {
  const listed = table.listedCuesOf(doc);
  if (listed === undefined) return walkBackForCue(doc, table, offset, window, barrier, kind);
  const hits = listed.hits;
  if (hits.length === 0) return undefined;
  const words = doc.words;
  const firstAfter = doc.wordIndexAt(offset);
  // The last hit ending before the value: a message may hold thousands of cues.
  const ending = countBefore(hits.length, (h) => (hits[h] as CueHit).last < firstAfter);
  for (let h = ending - 1; h >= 0; h--) {
    const hit = hits[h] as CueHit;
    const distance = firstAfter - 1 - hit.last;
    if (distance >= window) return undefined;
    // No word before the barrier is looked at: a cue ending there, or past it, is not this value's.
    if ((words[hit.last] as Word).start < barrier) return undefined;
    if (kind === undefined || hit.kind === kind) return { kind: hit.kind, wordIndex: hit.first, distance };
  }
  return undefined;
}

/**
 * nearestCueBefore for a message whose cues have not been listed: the few words within the window
 * are looked at directly (a table that asks for a handful of positions, such as the person
 * context, never lists the whole message).
 */
function walkBackForCue(
  doc: AnalyzedText,
  table: CueTable,
  offset: number,
  window: number,
  barrier: number,
  kind: CueKind | undefined,
): Cue | undefined {
  const words = doc.words;
  const bit = table.lastWordClass;
  const firstAfter = doc.wordIndexAt(offset);
  for (let i = firstAfter - 1, distance = 0; i >= 0 && distance < window; i--, distance++) {
    const w = words[i] as Word;
    if (w.start < barrier) return undefined;
    if (bit !== undefined && (w.classes & bit) === 0) continue;
    const hit = cueEndingAt(table, words, i);
    if (hit !== undefined && (kind === undefined || hit.kind === kind))
      return { kind: hit.kind, wordIndex: i - hit.words.length + 1, distance };
  }
  return undefined;
}
