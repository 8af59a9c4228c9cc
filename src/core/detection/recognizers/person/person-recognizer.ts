import {
  isAsciiAlnumCode,
  isBlankCode,
  isDigitCode,
  type AnalyzedText,
  type Word,
} from '../../analyzed-text.js';
import { cueEndingAt, nearestCueBefore, type Cue } from '../../cues.js';
import type { Entity } from '../../entity.js';
import { previousRunEnd } from '../../numeric-cues.js';
import { clampScore, ENGINE_CUE_END, type Recognizer } from '../../recognizer.js';
import { MAX_STREET_ABBREVIATION } from '../street-address/street-words.js';
import { WORD_CLASSES, WordClass } from '../word-classes.js';
import {
  CUES,
  is,
  isNameWord,
  joinedBySpace,
  sentenceStart,
  type Chain,
  type Style,
} from './person-words.js';
import { closingThenName, isSignature, SIGNATURE_SCORE, unknownSignature } from './signatures.js';
import { displayNames } from './display-names.js';
import { titleBefore, titledUnknownName, titleJoins } from './titles.js';
import {
  filledField,
  greetedUnknownName,
  hyphenatedGivenName,
  namedRightBefore,
  NOT_UNKNOWN_NAME,
  shoutedNaming,
  speakerLabelled,
  timedSpeakerName,
  listedAfterName,
  notNameWord,
  unknownBeforeSurname,
  withUnknownGivenName,
  writerIntroducedAfter,
} from './unknown-names.js';

const MAX_NAME_WORDS = 5;
/** A person's score stays below an address's, so a street named after someone stays an address. */
const MAX_SCORE = 0.88;

const styleOf = (w: Word): Style => (w.upper ? 'upper' : w.capitalized ? 'title' : 'lower');

/** Arabic article particles of surnames, written capitalised: "Fatima El Amrani", "Omar Al Farsi". */
const ARTICLE_PARTICLES = new Set(['el', 'al']);

/**
 * A particle inside a name of this style: lower case in any name ("dos Santos"), capitalised in a
 * capitalised one ("De Luca"; not "E" or "Y", which open sentences), and anything in a shouted one.
 */
function particleIn(style: Style, w: Word): boolean {
  if (is(w, WordClass.NAME_PARTICLE))
    return !w.capitalized || style === 'upper' || (style === 'title' && !is(w, WordClass.JOINING_PARTICLE));
  return style === 'title' && w.capitalized && !w.upper && ARTICLE_PARTICLES.has(w.norm);
}

/** Grows a name from a given name: more names, particles, and (for capitalised text) capitalised surnames. */
function growChain(doc: AnalyzedText, first: number): Chain {
  const words = doc.words;
  const head = words[first]!;
  const style = styleOf(head);
  let last = first;
  let known = 1;
  let unknown = 0;
  let names = 1;
  let k = first + 1;
  while (k < words.length && names < MAX_NAME_WORDS) {
    // "Okonkwo-Adeyemi", "Hae-won": a hyphen joins two halves of one name.
    if (hyphenJoined(doc.text, words[last]!, words[k]!) && !partOfIdentifier(doc.text, words[k]!)) {
      last = k++;
      continue;
    }
    // "Tyler J. Brooks", "ROSEMEIRE A BATISTA": a middle initial, when a name follows it.
    if (style !== 'lower' ? middleInitial(doc, last, k) : lowerMiddleInitial(doc, last, k)) {
      if (isNameWord(words[k + 1]!)) known++;
      else unknown++;
      names++;
      last = k + 1;
      k += 2;
      continue;
    }
    // "José Wellington da Silva Filho", "John Smith Jr": a generational suffix closes the name.
    if (
      style !== 'lower' &&
      is(words[k]!, WordClass.NAME_SUFFIX) &&
      joinedBySpace(doc.text, words[last]!, words[k]!)
    ) {
      last = k;
      break;
    }
    // Particles ("de", "dos", "de la", "De Luca", "El Amrani") join only when a name follows them.
    let p = k;
    while (
      p < words.length &&
      particleIn(style, words[p]!) &&
      joinedBySpace(doc.text, words[p - 1]!, words[p]!) &&
      // "Al-Hashimi" is one name, read by the hyphen rule.
      !(p + 1 < words.length && hyphenJoined(doc.text, words[p]!, words[p + 1]!))
    )
      p++;
    const w = words[p];
    if (w === undefined || !joinedBySpace(doc.text, words[p - 1]!, w)) break;
    if (p > k && is(words[p - 1]!, WordClass.JOINING_PARTICLE) && p - k === 1 && !isNameWord(w)) break;
    const sameStyle = styleOf(w) === style || (style === 'upper' && w.end - w.start === 1);
    if (!sameStyle || partOfIdentifier(doc.text, w)) break;
    // "camila gomes e nascimento 11/12/1999": a word announcing the value after it is not a name.
    if (is(w, ENGINE_CUE_END) && valueFollows(doc.text, w.end)) break;
    if (isNameWord(w)) known++;
    else if (style !== 'lower' && !is(w, NOT_UNKNOWN_NAME) && w.end - w.start > 1 && !notNameWord(w))
      unknown++;
    else break;
    names++;
    last = p;
    k = p + 1;
  }
  return { first, last, style, known, unknown };
}

/**
 * Word `k` is one capital letter (with or without its dot) between word `last` of a name and a
 * capitalised word, each one blank apart: "Tyler J. Brooks", "LUCAS H OKAMOTO".
 */
function middleInitial(doc: AnalyzedText, last: number, k: number): boolean {
  const words = doc.words;
  const text = doc.text;
  const initial = words[k];
  const after = words[k + 1];
  if (initial === undefined || after === undefined || initial.end - initial.start !== 1) return false;
  if (!initial.capitalized || !joinedBySpace(text, words[last]!, initial)) return false;
  const gap = text.charCodeAt(initial.end) === 46 ? 1 : 0;
  const blank = text.charCodeAt(initial.end + gap);
  if (after.start !== initial.end + gap + 1 || (blank !== 32 && blank !== 0xa0)) return false;
  return after.capitalized && (isNameWord(after) || (!is(after, NOT_UNKNOWN_NAME) && !notNameWord(after)));
}

/** "luciana t. barbosa": in lower case, the initial needs its dot and a known name after it. */
function lowerMiddleInitial(doc: AnalyzedText, last: number, k: number): boolean {
  const initial = doc.words[k];
  const after = doc.words[k + 1];
  if (initial === undefined || after === undefined || initial.end - initial.start !== 1) return false;
  if (!joinedBySpace(doc.text, doc.words[last]!, initial) || doc.text.charCodeAt(initial.end) !== 46)
    return false;
  return after.start === initial.end + 2 && !after.capitalized && isNameWord(after);
}

function hyphenJoined(text: string, a: Word, b: Word): boolean {
  return b.start - a.end === 1 && text.charCodeAt(a.end) === 45;
}

/**
 * "isabel" in "isabel.alvarez@example.org": a word glued to an e-mail address or handle by "@",
 * "." or "_" is part of it, and a name grown into it would be dropped beside the address.
 */
function partOfIdentifier(text: string, w: Word): boolean {
  const after = text.charCodeAt(w.end);
  if (after === 64) return true;
  return (after === 46 || after === 95) && isAsciiAlnumCode(text.charCodeAt(w.end + 1));
}

/** A number right after `end`, past blanks and a colon. */
function valueFollows(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && i - end < 4) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 58 || c === 0xa0) i++;
    else return c >= 48 && c <= 57;
  }
  return false;
}

/** Only blanks (no line break), one or two of them, between `from` and `to`. */
function blanksBetween(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2) return false;
  for (let i = from; i < to; i++) if (!isBlankCode(text.charCodeAt(i))) return false;
  return true;
}

/** "Lia 🤖": a robot emoji right after the name (after one blank at most) marks a bot. */
function robotAfter(text: string, end: number): boolean {
  const at = /\s/.test(text[end] ?? '') ? end + 1 : end;
  return text.charCodeAt(at) === 0xd83e && text.charCodeAt(at + 1) === 0xdd16;
}

/**
 * "Rua Maria Antônia", "Av. Paulista", "Calle: Luna": a street word names the street right after it,
 * on the same line. A dot after a full word ends a sentence ("... 740 Maple Avenue.\nLinda Thomas").
 */
function streetWordJoins(text: string, street: Word, name: Word): boolean {
  const gap = name.start - street.end;
  if (gap < 1 || gap > 2) return false;
  const first = text.charCodeAt(street.end);
  if (gap === 1) return isBlankCode(first) || first === 46;
  const abbreviation = street.end - street.start <= MAX_STREET_ABBREVIATION;
  return ((first === 46 && abbreviation) || first === 58) && isBlankCode(text.charCodeAt(street.end + 1));
}

/** A lower-case article standing on its own ("a Maria"), not "Tienda La Esperanza" or "Apt 26A, Madison". */
function isLowerArticle(doc: AnalyzedText, index: number): boolean {
  const w = doc.words[index]!;
  return !w.capitalized && (w.start === 0 || /\s/.test(doc.text[w.start - 1]!));
}

/**
 * "Santiago de Compostela", "Victoria de Durango": a city's name, a particle and only words no
 * lexicon knows name a place.
 */
function placeOfPlace(doc: AnalyzedText, chain: Chain): boolean {
  if (chain.known !== 1 || !is(doc.words[chain.first]!, WordClass.PLACE_NAME)) return false;
  for (let k = chain.first + 1; k <= chain.last; k++)
    if (is(doc.words[k]!, WordClass.NAME_PARTICLE)) return true;
  return false;
}

/** How sure a chain is a person's name (0 when it is not one); `listed` when it continues a list of names. */
function scoreChain(doc: AnalyzedText, chain: Chain, listed: boolean): number {
  const words = doc.words;
  const text = doc.text;
  const head = words[chain.first]!;
  const tail = words[chain.last]!;
  const prev = words[chain.first - 1];
  const next = words[chain.last + 1];
  const single = chain.first === chain.last;

  // What the name is part of, when it is not a person.
  if (
    prev !== undefined &&
    joinedBySpace(text, prev, head) &&
    is(prev, WordClass.COMPANY_BEFORE | WordClass.PLACE_BEFORE)
  )
    return 0;
  // "Padaria Dona Teresa": a title inside a store name.
  let beforeTitleAt = chain.first - 2;
  // "Farmacia del Dr. Simi": particles may stand between the store's word and the title.
  while (beforeTitleAt > 0 && is(words[beforeTitleAt]!, WordClass.NAME_PARTICLE)) beforeTitleAt--;
  const beforeTitle = words[beforeTitleAt];
  if (
    prev !== undefined &&
    is(prev, WordClass.TITLE) &&
    beforeTitle !== undefined &&
    is(beforeTitle, WordClass.COMPANY_BEFORE)
  )
    return 0;
  if (robotAfter(text, tail.end)) return 0;
  if (prev !== undefined && is(prev, WordClass.STREET_BEFORE) && streetWordJoins(text, prev, head)) return 0;
  if (
    next !== undefined &&
    is(next, WordClass.COMPANY_AFTER) &&
    // "Martin Luther King Jr. Community Hospital": past a suffix's dot too; never across lines
    // ("Oluwaseun Adeyemi\nImports Coordinator" signs, then gives a title).
    (is(tail, WordClass.NAME_SUFFIX) ? /^\.?[ \t&,]{1,3}$/ : /^[ \t&,]{1,3}$/).test(
      text.slice(tail.end, next.start),
    ) &&
    (next.norm.length > 3 || next.upper)
  )
    return 0;
  // "Lar & Cia Administradora": a company's word opening the chain.
  if (is(head, WordClass.COMPANY_AFTER) && chain.known === 1) return 0;
  // "Adelaide St", "Queen Street": a street's name, with or without its number.
  if (
    !single &&
    is(tail, WordClass.STREET_SUFFIX) &&
    !isNameWord(tail) &&
    !hyphenatedGivenName(doc, chain.first)
  )
    return 0;
  if (
    next !== undefined &&
    is(next, WordClass.STREET_SUFFIX) &&
    next.capitalized &&
    !isNameWord(next) &&
    joinedBySpace(text, tail, next)
  )
    return 0;
  const after = nearestBotAfter(doc, chain.last);
  if (after) return 0;

  const cue = cueInSentence(doc, head.start);
  const personIntro =
    ((cue?.kind === 'INTRO' || cue?.kind === 'NAMING') && cue.distance <= 2) ||
    (cue?.kind === 'AGENT_ROLE' && cue.distance === 0 && head.capitalized) ||
    speakerLabelled(doc, chain.first, chain.last) ||
    timedSpeakerName(doc, chain.first) ||
    listed ||
    (cue?.kind === 'TITLE' && cue.distance === 0 && titleJoins(doc, cue.wordIndex, head)) ||
    filledField(doc, chain.first) ||
    // "Gustavo Santana aqui", not "..., Austin, here is my SSN".
    (next !== undefined && is(next, WordClass.AFTER_INTRO) && blanksBetween(text, tail.end, next.start));
  // "a Maria", "deliver to Karen": a person, or as often a place ("a Vitória", "to Victoria").
  const placeOrPerson =
    (cue?.kind === 'DESTINATION' && cue.distance <= 2) ||
    (cue?.kind === 'ARTICLE' &&
      cue.distance === 0 &&
      chain.style === 'title' &&
      isLowerArticle(doc, cue.wordIndex));
  const signature = isSignature(doc, head.start, tail.end);
  // "Santa Maria", "San José", "Victoria de Durango": a place's name unless the text says otherwise.
  if (
    !personIntro &&
    !signature &&
    (is(head, WordClass.PLACE_BEFORE) ||
      (single && is(head, WordClass.PLACE_NAME)) ||
      placeOfPlace(doc, chain))
  )
    return 0;
  const greeted =
    cue?.kind === 'GREETING' &&
    cue.distance === 0 &&
    cue.wordIndex <= 1 &&
    /^[\s,!]/.test(text.slice(tail.end, tail.end + 1));
  // "Hi Shanice, this is Tom from billing": whoever greets and then introduces themselves is a
  // person writing to a person. A name greeted otherwise is as often the bot's ("Oi Bia, quero...").
  const addressed =
    greeted && (readerAddressedAfter(doc, chain.last) || writerIntroducedAfter(doc, chain.last));
  // "Olá, Gustavo!", "Hola Nuria,": a name the lexicon knows, greeted, is the reader's, unless the
  // writer then asks for something, as a customer greeting a bot does ("Oi Lia, quero falar com...").
  const greetedKnown =
    greeted &&
    !addressed &&
    chain.style !== 'lower' &&
    /^[,!]/.test(text.slice(tail.end, tail.end + 1)) &&
    !is(head, WordClass.AMBIGUOUS) &&
    !requestAfter(doc, chain.last);
  const greeting = greeted && !addressed && !greetedKnown;
  // "Obrigada, Renan!", "Thanks Gemma.": someone thanked by name, mid-conversation.
  const thanked =
    cue?.kind === 'CLOSING' && cue.distance === 0 && /^[,.!]/.test(text.slice(tail.end, tail.end + 1));
  const intro =
    personIntro || placeOrPerson || addressed || greetedKnown || thanked || vocativeOpening(doc, chain);
  // "minha mãe": a lower-case common word that is also a name needs a naming phrase right before it.
  if (
    single &&
    chain.style === 'lower' &&
    is(head, WordClass.AMBIGUOUS) &&
    !(cue?.kind === 'NAMING' && cue.distance === 0)
  )
    return 0;
  // A name that is also a common word ("Rosa", "Mark", "Dias") needs company or an introduction.
  // Nor do words no lexicon knows after it ("A CONTA DE LUZ VEIO").
  if (is(head, WordClass.AMBIGUOUS) && chain.known === 1 && !intro && !signature) return 0;

  let score = 0.3 + Math.min(0.3, (chain.known - 1) * 0.15) + Math.min(0.1, chain.unknown * 0.05);
  if (chain.style !== 'lower') score += 0.15;
  if (intro || signature) score += 0.35;
  if (greeting) score -= 0.3;
  return Math.min(MAX_SCORE, clampScore(score));
}

/**
 * "Juliana, por segurança não compartilhe...", "Camila, fiz o teste aqui": a name opening the
 * message, then a comma, calls the reader by name.
 */
function vocativeOpening(doc: AnalyzedText, chain: Chain): boolean {
  if (chain.first !== 0 || chain.style === 'lower') return false;
  const end = doc.words[chain.last]!.end;
  return doc.text.charCodeAt(end) === 44 && isBlankCode(doc.text.charCodeAt(end + 1));
}

/** Second-person possessives that open what an agent tells a customer ("Seu IBAN é", "Your order"). */
const READER_POSSESSIVES = new Set(['seu', 'sua', 'seus', 'suas', 'your', 'su', 'sus', 'tu', 'tus']);

/**
 * "Olá, Débora! Seu IBAN é ...": the sentence after the greeted name speaks of the reader's things,
 * as an agent writing to a customer does; a customer greeting a bot asks for something ("Oi Bia,
 * quero ...").
 */
function readerAddressedAfter(doc: AnalyzedText, last: number): boolean {
  const next = doc.words[last + 1];
  if (next === undefined || !READER_POSSESSIVES.has(next.norm)) return false;
  return /^[,!.]\s+$/.test(doc.text.slice(doc.words[last]!.end, next.start));
}

/** What a customer asking a bot opens with: "quero", "I need", "necesito". */
const REQUESTS = new Set([
  'quero',
  'queria',
  'preciso',
  'precisava',
  'gostaria',
  'need',
  'needed',
  'want',
  'wanted',
  'necesito',
  'necesitaba',
  'quiero',
  'quisiera',
]);

/** A request within the three words after the greeted name ("Hi Max, I need a human"). */
function requestAfter(doc: AnalyzedText, last: number): boolean {
  const words = doc.words;
  for (let i = last + 1; i < words.length && i <= last + 3; i++)
    if (REQUESTS.has(words[i]!.norm)) return true;
  return false;
}

/**
 * The nearest person cue within four words before the name, in its sentence and after any number
 * before it. The sentence start is worked out only when there is a cue to check against it.
 */
function cueInSentence(doc: AnalyzedText, start: number): Cue | undefined {
  const cue = nearestCueBefore(doc, CUES, start, 4);
  if (cue === undefined) return undefined;
  const barrier = Math.max(sentenceStart(doc.text, start), previousRunEnd(doc, start));
  // Words are in order: the cue's last word is the earliest one the walk back would have passed.
  const last = doc.wordIndexAt(start) - 1 - cue.distance;
  return doc.words[last]!.start < barrier ? undefined : cue;
}

/** "Sam, your virtual assistant", "a Lia, assistente virtual da Loja": the name of a bot. */
function nearestBotAfter(doc: AnalyzedText, last: number): boolean {
  if (!is(doc, WordClass.BOT_END)) return false;
  const words = doc.words;
  for (let i = last + 1; i < words.length && i <= last + 5; i++) {
    if (!is(words[i]!, WordClass.BOT_END)) continue;
    if (cueEndingAt(CUES, words, i)?.kind === 'BOT') return true;
  }
  return false;
}

/**
 * Person names without a model: given names and surnames from lexicons of the three languages,
 * grown into full names with particles, weighed by capitalisation and by context (introductions,
 * signatures, greetings to a bot), and kept apart from companies, places and streets.
 */
export const personRecognizer: Recognizer = {
  name: 'person',
  types: ['PERSON'],
  wordClasses: WORD_CLASSES,
  detect(doc, _context, sink: Entity[]) {
    // A transcript's speaker label ("Agent (Brianna):", "Agent Keisha:") may hold the only name, one
    // no lexicon knows.
    if (
      is(
        doc,
        WordClass.GIVEN |
          WordClass.SURNAME |
          WordClass.NAME_TITLE |
          WordClass.NAMING_KEY |
          WordClass.EAST_ASIAN_SURNAME,
      ) ||
      // "Applicant: Tamsin Ogilvy", "Agent Keisha:": a field or a role, then a colon.
      (is(doc, WordClass.FIELD_LABEL | WordClass.LABEL_ROLE) && doc.text.includes(':'))
    )
      findNames(doc, sink);
    if (doc.text.includes(' <')) displayNames(doc, sink);
    // Where a known name overlaps it, the overlap resolution keeps the better-scored reading.
    const signed = unknownSignature(doc) ?? closingThenName(doc);
    if (signed !== undefined)
      sink.push({ type: 'PERSON', ...signed, score: SIGNATURE_SCORE, recognizer: 'person' });
  },
};

/** Names that start at a known name, right after a naming phrase ("me llamo Lupita") or after a title. */
function findNames(doc: AnalyzedText, sink: Entity[]): void {
  const introduced = is(doc, WordClass.NAMING_KEY | WordClass.FIELD_LABEL);
  const titled = is(doc, WordClass.NAME_TITLE);
  const words = doc.words;
  // Where the next name of a list would start: two words past the last name found ("e", "and").
  let listedFrom = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // Every way a name starts, but at a given name or right after a naming phrase, needs a
    // capital: most words stop here.
    let lowerNamed = false;
    if (!w.capitalized && !is(w, WordClass.GIVEN)) {
      lowerNamed =
        introduced &&
        i > 0 &&
        is(words[i - 1]!, WordClass.NAMING_END) &&
        joinedBySpace(doc.text, words[i - 1]!, w);
      if (!lowerNamed) continue;
    }
    // "mi abuelo, don Héctor": a lower-case title is the title of the name after it.
    if (!w.capitalized && is(w, WordClass.TITLE)) continue;
    // "IPv4", "A320": a word glued to digits is a code, no name.
    if (isDigitCode(doc.text.charCodeAt(w.end))) continue;
    const known =
      is(w, WordClass.GIVEN) ||
      (is(w, WordClass.SURNAME) && titleBefore(doc, i)) ||
      unknownBeforeSurname(doc, i) ||
      hyphenatedGivenName(doc, i);
    const listed = i === listedFrom && listedAfterName(doc, i);
    if (
      !known &&
      !(introduced && (!w.upper || shoutedNaming(doc, i)) && namedRightBefore(doc, i)) &&
      !(titled && titledUnknownName(doc, i)) &&
      !greetedUnknownName(doc, i) &&
      !speakerLabelled(doc, i, i) &&
      !timedSpeakerName(doc, i) &&
      !listed
    )
      continue;
    const chain = withUnknownGivenName(doc, growChain(doc, i));
    // "mi nombre es yoselin carolina marcano": a lower-case word no lexicon knows is a name only in
    // a name the lexicon knows the rest of ("mi nombre es incorrecto" names nobody).
    if (lowerNamed && !known && chain.known < 2) continue;
    // A full name, not one capitalised word ("Maria e Depois"), continues a list.
    const score = scoreChain(doc, chain, listed && chain.last > chain.first);
    if (score > 0) {
      sink.push({
        type: 'PERSON',
        start: filipinoMaria(doc, chain.first) ?? words[chain.first]!.start,
        end: withoutPossessive(doc.text, words[chain.last]!),
        score,
        recognizer: 'person',
      });
      listedFrom = chain.last + 2;
    }
    i = chain.last;
  }
}

/** "Ma. Cristina dela Cruz": the Filipino abbreviation of María opens the name; its start. */
function filipinoMaria(doc: AnalyzedText, first: number): number | undefined {
  const ma = doc.words[first - 1];
  if (ma === undefined || ma.end - ma.start !== 2 || doc.text.slice(ma.start, ma.end + 2) !== 'Ma. ')
    return undefined;
  return ma.end + 2 === doc.words[first]!.start && doc.words[first]!.capitalized ? ma.start : undefined;
}

/** "Hannah's": the possessive is no part of the name. */
function withoutPossessive(text: string, w: Word): number {
  const c = text.charCodeAt(w.end - 2);
  return w.end - w.start > 3 && (c === 39 || c === 0x2019) && text.charCodeAt(w.end - 1) === 115
    ? w.end - 2
    : w.end;
}
