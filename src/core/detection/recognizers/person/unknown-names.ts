import { isBlankCode, isDigitCode, type AnalyzedText, type Word } from '../../analyzed-text.js';
import { cueEndingAt, nearestCueBefore } from '../../cues.js';
import { TURN_TIME_SOURCE } from '../../numeric-cues.js';
import { ENGINE_CUE_END } from '../../recognizer.js';
import { WordClass } from '../word-classes.js';
import { LABEL_ROLES, NOT_NAME_WORDS, ROLES } from './person-context.js';
import { CUES, is, isNameWord, joinedBySpace, sentenceStart, type Chain } from './person-words.js';

/**
 * Names no lexicon knows, taken from what stands around them: naming phrases and form fields
 * before them, a known surname after them, a full name they start, a greeting by a writer who then
 * introduces themselves. And the words that can never be such a name.
 */

/** What an unknown word in a chain cannot be: cues, streets and companies (and see notNameWord). */
export const NOT_UNKNOWN_NAME =
  WordClass.STREET_BEFORE | WordClass.COMPANY_AFTER | WordClass.PERSON_CUE_END | ENGINE_CUE_END;

/**
 * A word of grammar, a salutation or a department ("AND", "Prezada", "Servicio"). A set, not a
 * word class: these are the commonest words of all, and tagging them would make the analysis
 * compare every one against the table; only the few capitalised unknown words near names ask.
 */
export const notNameWord = (w: Word): boolean => NOT_NAME_WORDS.has(w.norm);

/**
 * "Nome: Ayumi Higa", "Titular: Iñaki Agirre": a form field that a name fills, then a colon, right
 * before the word.
 */
export function filledField(doc: AnalyzedText, index: number): boolean {
  const label = doc.words[index - 1];
  if (label === undefined || !is(label, WordClass.FIELD_LABEL)) return false;
  const text = doc.text;
  let colon = false;
  for (let i = label.end; i < doc.words[index]!.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 && !colon) colon = true;
    else if (c !== 32 && c !== 9) return false;
  }
  return colon;
}

/** What a word introduced as a name still cannot be: a role, a company's, a street's or a cue word. */
const NOT_INTRODUCED_NAME = WordClass.PERSON_CUE_END | WordClass.COMPANY_AFTER | WordClass.STREET_BEFORE;

/**
 * "me llamo Lupita", "Nome: Ayumi": a naming phrase or a filled form field right before the word,
 * so even an unknown name is one.
 */
export function namedRightBefore(doc: AnalyzedText, index: number): boolean {
  const w = doc.words[index]!;
  if (w.end - w.start < 3 || is(w, NOT_INTRODUCED_NAME)) return false;
  const before = doc.words[index - 1];
  // Only a word ending a naming phrase is looked up; the role test, which needs the word's normal
  // form, comes last.
  if (filledField(doc, index)) return !ROLES.has(w.norm);
  if (before === undefined || !is(before, WordClass.NAMING_END) || ROLES.has(w.norm) || notNameWord(w))
    return false;
  const cue = nearestCueBefore(doc, CUES, w.start, 1);
  // The phrase must stand in the same sentence; the costlier test only for a naming phrase.
  if (cue?.kind !== 'NAMING') return false;
  const phraseEnd = doc.words[index - 1]!;
  return phraseEnd.start >= sentenceStart(doc.text, w.start);
}

/** The "m" of "am" or "pm" (any case) at `i`: "em", "com", "from" end no time. */
function meridiemEnd(text: string, i: number): boolean {
  const a = text.charCodeAt(i - 1) | 32;
  return (text.charCodeAt(i) | 32) === 109 && (a === 97 || a === 112);
}

/** How far before a word its turn's time is looked for: "\n[10:03:27 AM]  " at most. */
const TURN_TIME_REACH = 18;
const TURN_TIME_BEFORE = new RegExp(`(?:^|\\n)${TURN_TIME_SOURCE} {0,3}$`);

/** A turn's time opening its line right before `offset`: "[14:02] ", "10:15 ", "9:15 pm ". */
function turnTimeBefore(text: string, offset: number): boolean {
  return TURN_TIME_BEFORE.test(text.slice(Math.max(0, offset - TURN_TIME_REACH), offset));
}

/**
 * "[14:02] Rahim Uddin Chowdhury: boa tarde": after a turn's time, up to four capitalised words and a
 * colon are the speaker's name, whatever lexicon knows it. Roles ("Cliente:", "Agent:") are not.
 */
export function timedSpeakerName(doc: AnalyzedText, index: number): boolean {
  const words = doc.words;
  const w = words[index]!;
  const text = doc.text;
  // "] ", a digit or the "m" of "pm" and a blank right before: the cheap test first, this runs for
  // every capitalised word no lexicon knows.
  const mark = text.charCodeAt(w.start - 2);
  if (
    text.charCodeAt(w.start - 1) !== 32 ||
    (mark !== 93 && !isDigitCode(mark) && !meridiemEnd(text, w.start - 2))
  )
    return false;
  if (!turnTimeBefore(text, w.start)) return false;
  for (let k = index; k < words.length && k < index + 4; k++) {
    const word = words[k]!;
    if (!word.capitalized || word.upper || word.end - word.start < 2) return false;
    if (ROLES.has(word.norm) || notNameWord(word) || is(word, NOT_UNKNOWN_NAME)) return false;
    if (text.charCodeAt(word.end) === 58) return true;
    if (!joinedBySpace(text, word, words[k + 1] ?? word)) return false;
  }
  return false;
}

/** Words that make a naming phrase or form field say "name" outright ("my name is", "Titular:"). */
const NAME_WORDS = new Set([
  'name',
  'nome',
  'nombre',
  'nombres',
  'apellidos',
  'llamo',
  'chamo',
  'titular',
  'holder',
]);

/**
 * "MY NAME IS DMITRI VOLKOV", "TITULAR: AYUMI HIGA": in shouted text every word is capitalised, so
 * an unknown shouted word is taken as a name only right after a phrase or field that says "name";
 * "SOY BRASILEÑO", "CLIENTE: PERA ERREI" and "NOME COMPLETO, CPF E DATA" name nobody.
 */
export function shoutedNaming(doc: AnalyzedText, index: number): boolean {
  const words = doc.words;
  const before = words[index - 1];
  if (before === undefined || !before.upper) return false;
  if (!/^:? +$|^:$/.test(doc.text.slice(before.end, words[index]!.start))) return false;
  if (NAME_WORDS.has(before.norm)) return true;
  const phrase = cueEndingAt(CUES, words, index - 1);
  return phrase !== undefined && phrase.words.some((word) => NAME_WORDS.has(word));
}

const SELF_INTRO_STARTS = new Set(['this', 'i', 'eu', 'yo']);

/** The most words a naming phrase has ("titular de la tarjeta"). */
const NAMING_PHRASE_WORDS = 4;

/** How many words after a greeted name the writer's own introduction may start. */
const WRITER_INTRO_REACH = 6;

/** "..., this is Tom", "... Aqui é a Keyla", "..., soy Álvaro": the writer introduces themselves. */
export function writerIntroducedAfter(doc: AnalyzedText, last: number): boolean {
  const words = doc.words;
  // Only phrase ends that may belong to a phrase starting within reach are looked up.
  const limit = Math.min(words.length - 1, last + WRITER_INTRO_REACH + NAMING_PHRASE_WORDS - 1);
  for (let i = last + 1; i <= limit; i++) {
    if (!is(words[i]!, WordClass.PERSON_CUE_END)) continue;
    const hit = cueEndingAt(CUES, words, i);
    const first = hit === undefined ? -1 : i - hit.words.length + 1;
    if (hit === undefined || first <= last || first > last + WRITER_INTRO_REACH) continue;
    // Naming phrases ("aqui é a", "soy", "le habla"), and "this is" / "I am" among the others
    // ("..., quero falar com um atendente" asks for someone, it introduces nobody).
    if (hit.kind !== 'NAMING' && !(hit.kind === 'INTRO' && SELF_INTRO_STARTS.has(words[first]!.norm)))
      continue;
    // Followed by a name, not a role: "Soy cliente desde 2004" introduces nobody.
    const named = words[i + 1];
    if (named !== undefined && (named.capitalized || isNameWord(named)) && !ROLES.has(named.norm))
      return true;
  }
  return false;
}

/** What a capitalised word no lexicon knows must not be to pass for a name beside a known one. */
const NOT_BESIDE_NAME =
  NOT_UNKNOWN_NAME |
  WordClass.PLACE_BEFORE |
  WordClass.PLACE_NAME |
  WordClass.COMPANY_BEFORE |
  WordClass.TITLE |
  WordClass.STREET_TYPE |
  WordClass.MONTH |
  WordClass.NAME_PARTICLE |
  WordClass.AMBIGUOUS;

export const couldBeUnknownName = (w: Word): boolean =>
  w.capitalized &&
  !w.upper &&
  w.end - w.start >= 3 &&
  !is(w, NOT_BESIDE_NAME) &&
  !ROLES.has(w.norm) &&
  !notNameWord(w);

/** "e", "y" or "and" in lower case, read from the text: asking a word its normal form costs more. */
function isListConjunction(text: string, w: Word): boolean {
  const length = w.end - w.start;
  const c = text.charCodeAt(w.start);
  return length === 1 ? c === 101 || c === 121 : length === 3 && text.startsWith('and', w.start);
}

/**
 * "Passageiros: Thiago Moreira e Oksana Kovalenko": a capitalised word no lexicon knows, joined by
 * "e", "and" or "y" to the capitalised name just found (its last word is `index - 2`), may be the
 * next name of a list (the person recognizer takes it when a full name starts there).
 */
export function listedAfterName(doc: AnalyzedText, index: number): boolean {
  const words = doc.words;
  const w = words[index]!;
  const conjunction = words[index - 1];
  const name = words[index - 2];
  return (
    conjunction !== undefined &&
    name !== undefined &&
    isListConjunction(doc.text, conjunction) &&
    name.capitalized &&
    joinedBySpace(doc.text, name, conjunction) &&
    joinedBySpace(doc.text, conjunction, w) &&
    !isNameWord(w) &&
    couldBeUnknownName(w)
  );
}

/** What the second half of "check-in", "pick-up" or "drop-off" is: no syllable of a given name. */
const PARTICLE_HALVES = new Set(['in', 'up', 'on', 'off', 'out', 'by', 'over', 'back', 'down']);

/**
 * "Min-jun Park", "Ji-woo Kim", "Hae-won Lee": a given name of two romanised syllables, capitalised
 * then lower case across a hyphen, before a Korean, Chinese or Vietnamese surname. No lexicon holds
 * these given names and "Park" or "Lee" alone is an ordinary word, but the pair is a name.
 */
export function hyphenatedGivenName(doc: AnalyzedText, index: number): boolean {
  const words = doc.words;
  const w = words[index]!;
  // The hyphen first: this runs for every capitalised word no lexicon knows.
  if (doc.text.charCodeAt(w.end) !== 45 || !w.capitalized || w.upper) return false;
  const second = words[index + 1];
  const surname = words[index + 2];
  if (second === undefined || surname === undefined) return false;
  if (second.start !== w.end + 1 || second.capitalized) return false;
  if (w.end - w.start > 5 || second.end - second.start > 5 || PARTICLE_HALVES.has(second.norm)) return false;
  return (
    surname.capitalized &&
    !surname.upper &&
    joinedBySpace(doc.text, second, surname) &&
    is(surname, WordClass.EAST_ASIAN_SURNAME)
  );
}

/**
 * "Raylane Cunha Monteiro", "Tadeu Wisniewski": a capitalised word no lexicon knows, right before
 * a surname that is no ordinary word, is the given name.
 */
export function unknownBeforeSurname(doc: AnalyzedText, index: number): boolean {
  const w = doc.words[index]!;
  const next = doc.words[index + 1];
  // The cheap bit tests first: this runs for every word that starts no known name.
  return (
    next !== undefined &&
    is(next, WordClass.SURNAME) &&
    !is(next, WordClass.GIVEN | WordClass.AMBIGUOUS) &&
    next.capitalized &&
    !next.upper &&
    !isNameWord(w) &&
    couldBeUnknownName(w) &&
    joinedBySpace(doc.text, w, next) &&
    !is(doc.words[index - 1] ?? w, WordClass.COMPANY_BEFORE | WordClass.STREET_TYPE | WordClass.PLACE_BEFORE)
  );
}

/**
 * "Yeison Andrés Mosquera", "Soo Jin Lee": a full name whose first given name no lexicon knows
 * starts one word earlier.
 */
export function withUnknownGivenName(doc: AnalyzedText, chain: Chain): Chain {
  const before = doc.words[chain.first - 1];
  if (
    chain.style !== 'title' ||
    chain.last === chain.first ||
    before === undefined ||
    isNameWord(before) ||
    !couldBeUnknownName(before) ||
    !joinedBySpace(doc.text, before, doc.words[chain.first]!)
  )
    return chain;
  const earlier = doc.words[chain.first - 2];
  if (
    earlier !== undefined &&
    is(earlier, WordClass.COMPANY_BEFORE | WordClass.STREET_TYPE | WordClass.PLACE_BEFORE)
  )
    return chain;
  return { ...chain, first: chain.first - 1, unknown: chain.unknown + 1 };
}

/**
 * "Olá, Gleiciane! Tudo bem? Aqui é o Rafael", "Hola Iñaki, soy Nuria": a capitalised word greeted
 * at the start of a message whose writer then introduces themselves names the reader.
 */
export function greetedUnknownName(doc: AnalyzedText, index: number): boolean {
  if (index === 0 || index > 3) return false;
  const w = doc.words[index]!;
  const text = doc.text;
  // A comma or "!" after the name, past one blank at most; the cheap tests first.
  const after = text.charCodeAt(isBlankCode(text.charCodeAt(w.end)) ? w.end + 1 : w.end);
  if ((after !== 44 && after !== 33) || !w.capitalized || isNameWord(w)) return false;
  const cue = nearestCueBefore(doc, CUES, w.start, 1);
  return (
    cue?.kind === 'GREETING' &&
    cue.wordIndex <= 1 &&
    couldBeUnknownName(w) &&
    writerIntroducedAfter(doc, index)
  );
}

const LABEL_ROLE = new RegExp(`^(?:${[...LABEL_ROLES].join('|')})$`, 'i');

/** How many capitalised words a speaker's name after a role may have ("Agent Keisha Brown:"). */
const LABELLED_NAME_WORDS = 3;

/**
 * "Agent Keisha: ...", "[10:02] Atendente Joana Prado: ...": a role opening a turn, then capitalised
 * words and the colon of the label.
 */
function roleOpensTurn(doc: AnalyzedText, first: number): boolean {
  const words = doc.words;
  const role = words[first - 1];
  const text = doc.text;
  // The role's bit first: this runs for every capitalised word no lexicon knows.
  if (role === undefined || !is(role, WordClass.LABEL_ROLE) || !joinedBySpace(text, role, words[first]!))
    return false;
  let last = first;
  while (text.charCodeAt(words[last]!.end) !== 58) {
    const next = words[last + 1];
    if (
      last + 1 - first >= LABELLED_NAME_WORDS ||
      next === undefined ||
      !joinedBySpace(text, words[last]!, next)
    )
      return false;
    last++;
  }
  for (let k = first; k <= last; k++) if (!couldBeUnknownName(words[k]!)) return false;
  const before = text.charCodeAt(role.start - 1);
  return role.start === 0 || before === 10 || turnTimeBefore(text, role.start);
}

/**
 * "Agent Keisha: ...", "Agent (Brianna): ...", "Emily (Agent): ...": a transcript's speaker label,
 * the name beside the agent's role (after it, or either side in parentheses) and the colon that
 * opens the turn.
 */
export function speakerLabelled(doc: AnalyzedText, first: number, last: number): boolean {
  const text = doc.text;
  const start = doc.words[first]!.start;
  const end = doc.words[last]!.end;
  if (roleOpensTurn(doc, first)) return true;
  // "Agent (Brianna):"
  if (text.charCodeAt(end) === 41 && text.charCodeAt(end + 1) === 58 && text.charCodeAt(start - 1) === 40) {
    const role = doc.words[first - 1];
    return role !== undefined && role.end >= start - 3 && LABEL_ROLE.test(text.slice(role.start, role.end));
  }
  // "Emily (Agent):", the role read in a bounded slice: a search to the text's end for every
  // capitalised word would make the scan quadratic.
  if (text.charCodeAt(end) !== 32 || text.charCodeAt(end + 1) !== 40) return false;
  const close = text.slice(end + 2, end + 14).indexOf('):');
  if (close > 0 && LABEL_ROLE.test(text.slice(end + 2, end + 2 + close))) return true;
  // "Juliana (Atendimento Unimed):": a name the lexicon knows, then the team, labels a turn.
  return is(doc.words[first]!, WordClass.GIVEN) && /^[^()\n]{2,40}\):/.test(text.slice(end + 2, end + 45));
}
