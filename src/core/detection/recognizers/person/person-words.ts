import type { Word } from '../../analyzed-text.js';
import { buildCueTable } from '../../cues.js';
import { WordClass } from '../word-classes.js';
import { PERSON_CUES } from './person-context.js';

/** What the person recognizer's parts share: its cue table and word tests. */
export const CUES = buildCueTable(PERSON_CUES, WordClass.PERSON_CUE_END);

export const is = (w: { readonly classes: number }, bits: number): boolean => (w.classes & bits) !== 0;
export const isNameWord = (w: Word) => is(w, WordClass.GIVEN | WordClass.SURNAME);

export function joinedBySpace(text: string, a: Word, b: Word): boolean {
  const c = text.charCodeAt(a.end);
  return b.start - a.end === 1 && (c === 32 || c === 0xa0);
}

export type Style = 'title' | 'upper' | 'lower';

/** A name being read: its first and last words, its case and how many words a lexicon knows. */
export interface Chain {
  readonly first: number;
  readonly last: number;
  readonly style: Style;
  readonly known: number;
  readonly unknown: number;
}

/** Where the sentence holding `offset` starts, within 80 characters. */
export function sentenceStart(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0 && offset - i < 80; i--) {
    const c = text.charCodeAt(i);
    // \n . ! ? ; — but the dot of an abbreviation such as "Sr." or "Dra." does not end a sentence.
    if (c !== 10 && c !== 46 && c !== 33 && c !== 63 && c !== 59) continue;
    if (c === 46 && /(?:^|[^\p{L}])\p{L}{1,3}$/u.test(text.slice(Math.max(0, i - 5), i))) continue;
    return i + 1;
  }
  return Math.max(0, offset - 80);
}
