import type { AnalyzedText } from '../../analyzed-text.js';
import type { Entity } from '../../entity.js';
import { isNameWord, joinedBySpace } from './person-words.js';
import { couldBeUnknownName } from './unknown-names.js';

/** How far past "<" the address's ">" is looked for. */
const ADDRESS_REACH = 80;

/** The most words a display name has. */
const DISPLAY_NAME_WORDS = 4;

const DISPLAY_NAME_SCORE = 0.85;

/**
 * "De: Íñigo Llorente <inigo.llorente@example.org>", "To: Ana Souza <ana@example.com>, ...": in a
 * forwarded or pasted e-mail header, the capitalised words opening a field (or following a comma)
 * right before an address in angle brackets are its owner's name, whatever lexicon knows it. One
 * word alone must be a known name ("Support <help@example.com>" names nobody).
 */
export function displayNames(doc: AnalyzedText, sink: Entity[]): void {
  const text = doc.text;
  for (let lt = text.indexOf(' <'); lt !== -1; lt = text.indexOf(' <', lt + 2)) {
    const gt = text.slice(lt + 2, lt + 2 + ADDRESS_REACH).indexOf('>');
    if (gt < 0 || !/^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/.test(text.slice(lt + 2, lt + 2 + gt))) continue;
    const last = doc.wordIndexAt(lt) - 1;
    const tail = doc.words[last];
    if (tail === undefined || tail.end !== lt) continue;
    let first = last;
    while (
      first > last - DISPLAY_NAME_WORDS + 1 &&
      first > 0 &&
      joinedBySpace(text, doc.words[first - 1]!, doc.words[first]!) &&
      couldBeUnknownName(doc.words[first - 1]!)
    )
      first--;
    const head = doc.words[first]!;
    if (!couldBeUnknownName(head) || !couldBeUnknownName(tail)) continue;
    if (first === last && !isNameWord(head)) continue;
    if (!opensField(text, head.start)) continue;
    sink.push({
      type: 'PERSON',
      start: head.start,
      end: tail.end,
      score: DISPLAY_NAME_SCORE,
      recognizer: 'person',
    });
  }
}

/** The start of a line, or right after a field's colon or a list's comma ("From: ", "Cc: a, "). */
function opensField(text: string, start: number): boolean {
  if (start === 0 || text.charCodeAt(start - 1) === 10) return true;
  const mark = text.charCodeAt(start - 2);
  return text.charCodeAt(start - 1) === 32 && (mark === 58 || mark === 44);
}
