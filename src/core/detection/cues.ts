import type { AnalyzedText, Word } from './analyzed-text.js';
import { normalizeWord } from './analyzed-text.js';

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

export interface CueTable {
  /** Phrases keyed by their last word, longest first. */
  readonly byLastWord: ReadonlyMap<
    string,
    readonly { readonly words: readonly string[]; readonly kind: CueKind }[]
  >;
}

export function buildCueTable(entries: Readonly<Record<CueKind, readonly string[]>>): CueTable {
  const byLastWord = new Map<string, { words: string[]; kind: CueKind }[]>();
  for (const [kind, phrases] of Object.entries(entries)) {
    for (const phrase of phrases) {
      const words = phrase.split(/\s+/).filter(Boolean).map(normalizeWord);
      const last = words[words.length - 1];
      if (last === undefined) continue;
      const list = byLastWord.get(last) ?? [];
      list.push({ words, kind });
      byLastWord.set(last, list);
    }
  }
  for (const list of byLastWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byLastWord };
}

function phraseEndsAt(words: readonly Word[], endIndex: number, phrase: readonly string[]): boolean {
  const first = endIndex - phrase.length + 1;
  if (first < 0) return false;
  for (let k = 0; k < phrase.length; k++) if ((words[first + k] as Word).norm !== phrase[k]) return false;
  return true;
}

/** The cue whose phrase ends at word `index`, if any. */
export function cueEndingAt(
  table: CueTable,
  words: readonly Word[],
  index: number,
): { kind: CueKind; length: number } | undefined {
  const candidates = table.byLastWord.get((words[index] as Word).norm);
  if (candidates === undefined) return undefined;
  for (const c of candidates)
    if (phraseEndsAt(words, index, c.words)) return { kind: c.kind, length: c.words.length };
  return undefined;
}

type CueHit = { readonly kind: CueKind; readonly length: number } | null;

/**
 * Each word's cue (null: none; undefined: not looked up yet), per message and table: several
 * recognizers ask about the same few words. One entry per table, for the message being detected.
 */
interface CueHits {
  readonly doc: AnalyzedText;
  readonly hits: (CueHit | undefined)[];
}
const lastHits = new Map<CueTable, CueHits>();

function cueHitsOf(doc: AnalyzedText, table: CueTable): CueHits {
  let entry = lastHits.get(table);
  if (entry === undefined || entry.doc !== doc) {
    entry = { doc, hits: new Array<CueHit | undefined>(doc.words.length) };
    lastHits.set(table, entry);
  }
  return entry;
}

function hitAt(entry: CueHits, table: CueTable, index: number): CueHit {
  let hit = entry.hits[index];
  if (hit === undefined) entry.hits[index] = hit = cueEndingAt(table, entry.doc.words, index) ?? null;
  return hit;
}

/** True when a cue of `kind` ends at any word of the message: recognizers that need one stop early. */
export function hasCueOfKind(doc: AnalyzedText, table: CueTable, kind: CueKind): boolean {
  const entry = cueHitsOf(doc, table);
  for (let i = 0; i < doc.words.length; i++) if (hitAt(entry, table, i)?.kind === kind) return true;
  return false;
}

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
  const words = doc.words;
  const entry = cueHitsOf(doc, table);
  const firstAfter = doc.wordIndexAt(offset);
  for (let i = firstAfter - 1, distance = 0; i >= 0 && distance < window; i--, distance++) {
    if ((words[i] as Word).start < barrier) return undefined;
    const hit = hitAt(entry, table, i);
    if (hit && (kind === undefined || hit.kind === kind))
      return { kind: hit.kind, wordIndex: i - hit.length + 1, distance };
  }
  return undefined;
}

/** The nearest cue right after `offset` (the value comes first: "12345678909 é o meu cpf"). */
export function nearestCueAfter(
  doc: AnalyzedText,
  table: CueTable,
  offset: number,
  window: number,
): Cue | undefined {
  const words = doc.words;
  const from = doc.wordIndexAt(offset);
  for (let i = from, distance = 0; i < words.length && distance < window; i++, distance++) {
    const hit = cueEndingAt(table, words, i);
    if (hit !== undefined) return { kind: hit.kind, wordIndex: i - hit.length + 1, distance };
  }
  return undefined;
}
