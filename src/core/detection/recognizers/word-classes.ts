import { phraseWords } from '../cues.js';
import { AMBIGUOUS_NAMES, GIVEN_NAMES, SURNAMES } from '../lexicon/names.generated.js';
import { MONTH_WORDS } from './date-of-birth/month-names.js';
import {
  AFTER_INTRO,
  COMPANY_AFTER,
  COMPANY_BEFORE,
  EAST_ASIAN_SURNAMES,
  FIELD_LABELS,
  LABEL_ROLES,
  JOINING_PARTICLES,
  NAME_ONLY_TITLES,
  NAME_SUFFIXES,
  NAME_PARTICLES,
  PERSON_CUES,
  PLACE_BEFORE,
  PLACE_NAMES,
  STREET_BEFORE,
  TITLES,
} from './person/person-context.js';
import { AT_WORDS } from './email/at-words.js';
import { SECTOR_CODES, STREET_SUFFIXES, STREET_TYPES } from './street-address/street-words.js';

/**
 * The word lists the built-in recognizers consult, as bits: the analysis looks each word up once
 * and every recognizer then tests bits instead of hashing the word again, and a recognizer whose
 * words a message lacks altogether stops at once (`AnalyzedText.classes`).
 */
export const WordClass = {
  GIVEN: 1 << 0,
  SURNAME: 1 << 1,
  /** A name that is also a common word ("Rosa", "Mark", "Dias"). */
  AMBIGUOUS: 1 << 2,
  TITLE: 1 << 3,
  NAME_PARTICLE: 1 << 4,
  JOINING_PARTICLE: 1 << 5,
  COMPANY_BEFORE: 1 << 6,
  COMPANY_AFTER: 1 << 7,
  PLACE_BEFORE: 1 << 8,
  PLACE_NAME: 1 << 9,
  STREET_BEFORE: 1 << 10,
  AFTER_INTRO: 1 << 11,
  STREET_TYPE: 1 << 12,
  STREET_SUFFIX: 1 << 13,
  MONTH: 1 << 14,
  /** The last word of a person-context phrase ("meu nome é", "att", "virtual assistant"). */
  PERSON_CUE_END: 1 << 15,
  /** The "at" of a spelled-out e-mail address: "maria [at] example", "joao arroba gmail". */
  AT_WORD: 1 << 16,
  /** The last word of a naming phrase ("me llamo", "my name is"), after which even an unknown name is one. */
  NAMING_END: 1 << 17,
  /**
   * The longest word of each naming phrase ("nome", "llamo", "name"): every naming phrase holds
   * one, and unlike the phrases' last words ("é", "is", "por") they are rare, so a message without
   * one cannot hold a naming phrase.
   */
  NAMING_KEY: 1 << 18,
  /** The last word of a phrase naming a bot ("assistente virtual", "bot"). */
  BOT_END: 1 << 19,
  /** The last word of a closing ("obrigada", "best regards", "un saludo"). */
  CLOSING_END: 1 << 20,
  /** A title that only ever stands before a person's name ("Sr.", "Dona", "Mrs."). */
  NAME_TITLE: 1 << 21,
  /** A form field that a name fills, before a colon ("Nome:", "Titular:"). */
  FIELD_LABEL: 1 << 22,
  /** A generational suffix closing a name ("Filho", "Jr"). */
  NAME_SUFFIX: 1 << 23,
  /** A Korean, Chinese or Vietnamese surname after a hyphenated given name ("Min-jun Park"). */
  EAST_ASIAN_SURNAME: 1 << 24,
  /** A role that labels a transcript's turns with the name after it ("Agent Keisha:"). */
  LABEL_ROLE: 1 << 25,
} as const;

/** The last word of each phrase: the word a cue table looks phrases up by. */
function lastWordsOf(phrases: readonly string[] = []): string[] {
  return phrases.flatMap((phrase) => phraseWords(phrase).slice(-1));
}

function longestWordOf(phrase: string): string {
  return phraseWords(phrase).reduce((longest, w) => (w.length > longest.length ? w : longest), '');
}

function classify(): Map<string, number> {
  const classes = new Map<string, number>();
  const add = (words: Iterable<string>, bit: number) => {
    for (const word of words) classes.set(word, (classes.get(word) ?? 0) | bit);
  };
  add(GIVEN_NAMES, WordClass.GIVEN);
  add(SURNAMES, WordClass.SURNAME);
  add(AMBIGUOUS_NAMES, WordClass.AMBIGUOUS);
  add(TITLES, WordClass.TITLE);
  add(NAME_PARTICLES, WordClass.NAME_PARTICLE);
  add(JOINING_PARTICLES, WordClass.JOINING_PARTICLE);
  add(COMPANY_BEFORE, WordClass.COMPANY_BEFORE);
  add(COMPANY_AFTER, WordClass.COMPANY_AFTER);
  add(PLACE_BEFORE, WordClass.PLACE_BEFORE);
  add(PLACE_NAMES, WordClass.PLACE_NAME);
  add(STREET_BEFORE, WordClass.STREET_BEFORE);
  add(AFTER_INTRO, WordClass.AFTER_INTRO);
  add(STREET_TYPES, WordClass.STREET_TYPE);
  add(SECTOR_CODES, WordClass.STREET_TYPE);
  add(STREET_SUFFIXES, WordClass.STREET_SUFFIX);
  add(MONTH_WORDS, WordClass.MONTH);
  add(lastWordsOf(Object.values(PERSON_CUES).flat()), WordClass.PERSON_CUE_END);
  add(AT_WORDS, WordClass.AT_WORD);
  add(lastWordsOf(PERSON_CUES['NAMING']), WordClass.NAMING_END);
  add((PERSON_CUES['NAMING'] ?? []).map(longestWordOf), WordClass.NAMING_KEY);
  add(lastWordsOf(PERSON_CUES['BOT']), WordClass.BOT_END);
  add(lastWordsOf(PERSON_CUES['CLOSING']), WordClass.CLOSING_END);
  add(NAME_ONLY_TITLES, WordClass.NAME_TITLE);
  add(FIELD_LABELS, WordClass.FIELD_LABEL);
  add(NAME_SUFFIXES, WordClass.NAME_SUFFIX);
  add(EAST_ASIAN_SURNAMES, WordClass.EAST_ASIAN_SURNAME);
  add(LABEL_ROLES, WordClass.LABEL_ROLE);
  return classes;
}

/** Lower-case, accent-free word → its WordClass bits. */
export const WORD_CLASSES: ReadonlyMap<string, number> = classify();
