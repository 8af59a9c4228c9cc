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
