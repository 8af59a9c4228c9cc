import type { AnalyzedText, Word } from '../../analyzed-text.js';
import { WordClass } from '../word-classes.js';
import { ROLES } from './person-context.js';
import { is } from './person-words.js';

/** Titles before names ("Sr. Oliveira", "Dona Zefinha") and where a title-like word is something else. */

/**
 * A title joins the name it stands before by a blank or its abbreviation dot ("Dr. Silva", "Sra
 * Ana"), never by a comma: in "663 Ridge Dr, Austin" the "Dr" is a street's and Austin a city.
 */
export function titleJoins(doc: AnalyzedText, titleIndex: number, name: Word): boolean {
  const text = doc.text;
  for (let i = doc.words[titleIndex]!.end; i < name.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 46 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * "Dona Zefinha", "Sr. Nakamura": a capitalised word right after a title that only names people is
 * a name, known or not.
 */
export function titledUnknownName(doc: AnalyzedText, index: number): boolean {
  const w = doc.words[index]!;
  const title = doc.words[index - 1];
  return (
    title !== undefined &&
    w.capitalized &&
    !w.upper &&
    w.end - w.start >= 3 &&
    is(title, WordClass.NAME_TITLE) &&
    titleJoins(doc, index - 1, w) &&
    !streetSuffixTitle(doc, index - 1) &&
    !is(w, WordClass.PERSON_CUE_END | WordClass.COMPANY_AFTER | WordClass.STREET_BEFORE) &&
    !ROLES.has(w.norm)
  );
}

/** Articles before a title: "El Dr. Fuentealba", "The Dr. said". */
const ARTICLES = new Set(['el', 'la', 'the', 'o', 'a']);

/**
 * "622 Washington Dr. Reference…": "Dr" closing a capitalised street name is Drive, not Doctor; after
 * an article ("El Dr. Fuentealba") it is the title.
 */
function streetSuffixTitle(doc: AnalyzedText, titleIndex: number): boolean {
  const before = doc.words[titleIndex - 1];
  return (
    is(doc.words[titleIndex]!, WordClass.STREET_SUFFIX) &&
    before !== undefined &&
    before.capitalized &&
    !ARTICLES.has(before.norm)
  );
}

export function titleBefore(doc: AnalyzedText, index: number): boolean {
  const prev = doc.words[index - 1];
  return prev !== undefined && is(prev, WordClass.TITLE);
}
