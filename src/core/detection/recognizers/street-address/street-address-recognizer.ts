import {
  isAsciiLetterCode,
  isDigitCode,
  isLetterCode,
  normalizeWord,
  type AnalyzedText,
  type DigitGroup,
  type NumberRun,
  type Word,
} from '../../analyzed-text.js';
import type { Entity } from '../../entity.js';
import type { Recognizer } from '../../recognizer.js';
import {
  BUILDING_WORDS,
  COMPLEMENT_WORDS,
  DIRECTIONS,
  FLOOR_WORDS,
  GRID_QUALIFIERS,
  LOWER_CASE_STREET_TYPES,
  MAX_STREET_ABBREVIATION,
  NAME_CONNECTORS,
  NUMBER_MARKERS,
  SECTOR_CODES,
  STANDALONE_COMPLEMENTS,
  STREET_SUFFIXES,
} from './street-words.js';
import { WORD_CLASSES, WordClass } from '../word-classes.js';

/** How far a street name may run between its type word and its number. */
const MAX_NAME_WORDS = 7;
const SCORE = 0.9;

/** Tokens of a bounded slice: words, numbers and single punctuation marks, with offsets in the text. */
interface Token {
  readonly kind: 'word' | 'number' | 'punct';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly norm: string;
}

const TOKEN = /([\p{L}][\p{L}\p{M}'’]*)|(\d+(?:[ºª°]|[A-Za-z](?![\p{L}]))?)|([^\s\p{L}\d])/guy;
const SLICE = 140;
/** Spanish door after a floor: "3º B", "2º izquierda", "1º dcha". */
const DOORS =
  /^(?:[A-Z]|izq|izquierda|izda|dcha|derecha|der|centro|ctro|ext|exterior|int|interior|esquerdo|esquerda|direito|direita|esq|dto|frente)$/i;
const DOOR_ABBREVIATIONS = new Set(['izq', 'izda', 'dcha', 'der', 'ctro', 'ext', 'int', 'esq', 'dto']);
const isDoorLetter = (t: Token | undefined): boolean => t?.kind === 'word' && /^[A-Z]$/.test(t.text);

/**
 * Tokens of a bounded slice, read only as far as a parse asks: most attempts give up after a
 * token or two, so tokenizing the whole slice up front would be wasted work.
 */
class Tokens {
  private readonly list: Token[] = [];
  private cursor: number;
  private readonly limit: number;
  private done = false;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.cursor = from;
    this.limit = Math.min(text.length, from + SLICE);
  }

  at(index: number): Token | undefined {
    while (this.list.length <= index && !this.done) this.readNext();
    return this.list[index];
  }

  private readNext(): void {
    const text = this.text;
    let i = this.cursor;
    while (
      i < this.limit &&
      (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 160)
    )
      i++;
    const c = text.charCodeAt(i);
    // An address does not run across lines.
    if (i >= this.limit || c === 10 || c === 13) {
      this.done = true;
      return;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (m === null) {
      this.done = true;
      return;
    }
    const kind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'number' : 'punct';
    const norm = kind === 'word' ? normalizeWord(m[0]) : m[0];
    this.list.push({ kind, start: i, end: i + m[0].length, text: m[0], norm });
    this.cursor = i + m[0].length;
  }
}

const isNumber = (t: Token | undefined): t is Token => t?.kind === 'number';
const isPunct = (t: Token | undefined, chars: string): boolean =>
  t?.kind === 'punct' && chars.includes(t.text);
const isHouseNumber = (t: Token | undefined): t is Token => isNumber(t) && /^\d{1,5}[A-Za-z]?$/.test(t.text);

/**
 * Complements after the house number: "apto 45", "bloco A apto 67", "sala 1270", "3º B", "6º 4ª",
 * "piso 11", "Suite 234", "Apt. 435", "#5", "fundos". Returns the index after the last one.
 */
function complements(tokens: Tokens, from: number): number {
  let k = from;
  let end = from;
  for (;;) {
    let j = k;
    while (isPunct(tokens.at(j), ',-–')) j++;
    const t = tokens.at(j);
    if (t === undefined) break;
    if (t.kind === 'word' && STANDALONE_COMPLEMENTS.has(t.norm)) {
      // "bajo B": a ground floor has doors too.
      k = end = t.norm === 'bajo' && isDoorLetter(tokens.at(j + 1)) ? j + 2 : j + 1;
      continue;
    }
    // "88, Ed. Solar das Dunas, ap 1302": a building's name belongs to the address when a unit in
    // it follows; after the unit ("apto 502, edificio Torres del Parque") it is left out.
    const building = t.kind === 'word' && BUILDING_WORDS.has(t.norm) ? buildingName(tokens, j) : 0;
    if (building > 0) {
      k = j + building;
      continue;
    }
    if (t.kind === 'word' && COMPLEMENT_WORDS.has(t.norm)) {
      let v = j + 1;
      if (isPunct(tokens.at(v), '.')) v++;
      if (isPunct(tokens.at(v), 'º°')) v++;
      const value = tokens.at(v);
      if (
        value !== undefined &&
        (value.kind === 'number' ||
          (value.kind === 'word' && value.text.length <= 2 && /^[A-Z]/.test(value.text)) ||
          lowerLetterBeforeComplement(tokens, v))
      ) {
        // "Apt B7": a letter and the number glued to it.
        const glued =
          value.kind === 'word' && isNumber(tokens.at(v + 1)) && tokens.at(v + 1)!.start === value.end;
        k = end = glued ? v + 2 : v + 1;
        continue;
      }
      break;
    }
    if (isPunct(t, '#') && isNumber(tokens.at(j + 1))) {
      k = end = j + 2;
      continue;
    }
    // "3rd Floor", "2nd fl.": an English floor.
    if (isNumber(t) && ordinalFloor(tokens, j)) {
      k = end = j + 3;
      continue;
    }
    // Spanish and Portuguese floor and door: "3º B", "6º 4ª", "2º izq", "3.º esquerdo".
    const ordinal = t.kind === 'number' ? ordinalLength(tokens, j) : 0;
    if (ordinal > 0) {
      j += ordinal - 1;
      const door = tokens.at(j + 1);
      const hasDoor =
        door !== undefined &&
        ((door.kind === 'word' && DOORS.test(door.text)) ||
          (door.kind === 'number' && /[ºª°]$/.test(door.text)));
      const floorWord = door?.kind === 'word' && FLOOR_WORDS.has(door.norm);
      k = end = hasDoor || floorWord ? j + 2 : j + 1;
      // "3º izda.": the dot of an abbreviated door is the abbreviation's.
      if (
        hasDoor &&
        DOOR_ABBREVIATIONS.has(door.norm) &&
        isPunct(tokens.at(end), '.') &&
        tokens.at(end)!.start === door.end
      )
        k = end = end + 1;
      continue;
    }
    break;
  }
  return end;
}

/** Particles inside a building's name: "Solar das Dunas", "Torres del Parque". */
const BUILDING_NAME_PARTICLES = new Set(['da', 'das', 'do', 'dos', 'de', 'del', 'la', 'las', 'los']);

/** Most words a building's name has. */
const BUILDING_NAME_WORDS = 5;

/**
 * "Ed. Solar das Dunas", "Condomínio Vila Verde": tokens of a building word at `j`, its dot and its
 * capitalised name (particles between capitalised words); 0 when no capitalised name follows it.
 */
function buildingName(tokens: Tokens, j: number): number {
  let v = j + 1;
  if (isPunct(tokens.at(v), '.')) v++;
  let end = 0;
  for (let n = 0; n < BUILDING_NAME_WORDS; n++, v++) {
    const w = tokens.at(v);
    if (w?.kind !== 'word') break;
    if (/^\p{Lu}/u.test(w.text)) end = v + 1;
    else if (!BUILDING_NAME_PARTICLES.has(w.norm)) break;
  }
  return end === 0 ? 0 : end - j;
}

/**
 * "bloco b apto 1104": a lower-case letter is a block's or a door's only when another complement
 * follows it ("casa e cozinha" has none).
 */
function lowerLetterBeforeComplement(tokens: Tokens, v: number): boolean {
  const letter = tokens.at(v)!;
  if (letter.kind !== 'word' || !/^[a-z]$/.test(letter.text)) return false;
  const after = tokens.at(v + 1);
  return after?.kind === 'word' && COMPLEMENT_WORDS.has(after.norm);
}

/** Tokens of a floor's ordinal at `j`: 1 for "3º", 3 for Portugal's "3.º", 0 for no ordinal. */
function ordinalLength(tokens: Tokens, j: number): number {
  const t = tokens.at(j)!;
  if (/[ºª°]$/.test(t.text)) return 1;
  const dot = tokens.at(j + 1);
  const mark = tokens.at(j + 2);
  if (!isPunct(dot, '.') || dot!.start !== t.end || mark === undefined || mark.start !== dot!.end) return 0;
  return mark.text === 'º' || mark.text === 'ª' ? 3 : 0;
}

/** "22:00": an hour, not a house number. */
function isClockTime(tokens: Tokens, k: number): boolean {
  const colon = tokens.at(k + 1);
  return isPunct(colon, ':') && colon!.start === tokens.at(k)!.end && isNumber(tokens.at(k + 2));
}

function ordinalFloor(tokens: Tokens, j: number): boolean {
  const suffix = tokens.at(j + 1);
  const floor = tokens.at(j + 2);
  return (
    suffix !== undefined &&
    suffix.start === tokens.at(j)!.end &&
    ORDINAL_SUFFIXES.has(suffix.norm) &&
    floor?.kind === 'word' &&
    (floor.norm === 'floor' || floor.norm === 'fl')
  );
}

/** "Rua das Flores, 123", "Av. Paulista, nº 1578", "Calle Mayor 15, 3º B", "Carrera 7 # 45-12 apto 301". */
const UPPER_START = /^[\p{Lu}]/u;

function typedStreet(tokens: Tokens): number | undefined {
  const type = tokens.at(0)!;
  if (!UPPER_START.test(type.text) && !LOWER_CASE_STREET_TYPES.has(type.norm)) return undefined;
  let k = 1;
  // "Av. Paulista", "Avda. de América": only an abbreviation takes a dot; after a full word
  // ("... 703 Pine Avenue. Error 0xA434") the dot ends the sentence.
  const afterType = tokens.at(k);
  if (isPunct(afterType, '.')) {
    if (type.text.length > MAX_STREET_ABBREVIATION) return undefined;
    k++;
  } else if (isPunct(afterType, '/')) k++;
  // "Al." is Alameda; "AL" without its dot is the Spanish "al" shouted ("ERROR AL PAGAR ARS 22").
  else if (type.norm === 'al') return undefined;
  // Colombian grid: "Carrera 7 # 45-12", "Calle 26 #13-19", "Cra 43A # 1 Sur-100".
  if (isNumber(tokens.at(k))) {
    let j = k + 1;
    if (isGridQualifier(tokens.at(j))) j++;
    if (isPunct(tokens.at(j), '#') && isNumber(tokens.at(j + 1))) {
      j += 2;
      if (isGridQualifier(tokens.at(j))) j++;
      if (isPunct(tokens.at(j), '-') && isNumber(tokens.at(j + 1))) j += 2;
      return complements(tokens, j);
    }
  }
  // Brasília: "SQN 308 Bloco C apto 504": a sector code, its number, and at least a block or house.
  if (SECTOR_CODES.has(type.norm) && type.text === type.text.toUpperCase() && isNumber(tokens.at(k))) {
    const end = complements(tokens, k + 1);
    return end > k + 1 ? end : undefined;
  }
  // A street typed in lower case ("rua das flores 12") may have a lower-case name; otherwise names
  // are capitalised, and so is the rest of a name that starts with a capital ("la calle Velázquez
  // sigue abierta hasta las 22:00" ends at "Velázquez").
  const first = tokens.at(k);
  const lowerCase =
    !UPPER_START.test(tokens.at(0)!.text) && !(first?.kind === 'word' && UPPER_START.test(first.text));
  let names = 0;
  while (names < MAX_NAME_WORDS) {
    const t = tokens.at(k);
    if (t === undefined) return undefined;
    // Highways: "Rodovia BR-116", "Estrada SP-280".
    if (isHighwayCode(tokens, k, names === 0)) {
      names++;
      k += 3;
      continue;
    }
    const nameLike = NAME_CONNECTORS.has(t.norm) || /^[\p{Lu}]/u.test(t.text) || lowerCase;
    if (t.kind === 'word' && nameLike && !NUMBER_MARKERS.has(t.norm) && !COMPLEMENT_WORDS.has(t.norm)) {
      names++;
      k++;
      // Hyphenated names: "Estrada Itu-Cabreúva".
      if (isPunct(tokens.at(k), '-') && tokens.at(k)!.start === t.end) {
        const second = tokens.at(k + 1);
        if (second?.kind === 'word' && second.start === t.end + 1 && UPPER_START.test(second.text)) k += 2;
      }
      // Abbreviated titles inside the name: "Av. Dr. Arnaldo", "R. Cel. Oscar Porto", "Av. Pres. Vargas".
      if (
        t.text.length <= MAX_STREET_ABBREVIATION &&
        isPunct(tokens.at(k), '.') &&
        tokens.at(k + 1)?.kind === 'word'
      )
        k++;
      continue;
    }
    // Street names with numbers in them: "Rua 7 de Setembro", "Av. XV de Novembro" (roman numerals are words).
    if (
      names === 0 &&
      isNumber(t) &&
      tokens.at(k + 1)?.kind === 'word' &&
      NAME_CONNECTORS.has(tokens.at(k + 1)!.norm)
    ) {
      names++;
      k++;
      continue;
    }
    break;
  }
  if (names === 0) return undefined;
  if (isPunct(tokens.at(k), ',')) k++;
  const marker = tokens.at(k);
  if (
    marker !== undefined &&
    ((marker.kind === 'word' && NUMBER_MARKERS.has(marker.norm)) || isPunct(marker, '#'))
  ) {
    k++;
    if (isPunct(tokens.at(k), '.º°')) k++;
    if (isPunct(tokens.at(k), 'º°')) k++;
  }
  // "Rua Projetada B, s/n, Quadra 14": no number ("sem número", "sin número").
  if (isNoNumber(tokens, k)) return complements(tokens, k + 3);
  if (!isHouseNumber(tokens.at(k)) || isClockTime(tokens, k)) return undefined;
  return complements(tokens, k + 1 + thousandsAfter(tokens, k));
}

/** "1.532": a house number past a thousand, with Brazil's thousands dot; the tokens it adds. */
function thousandsAfter(tokens: Tokens, k: number): number {
  const head = tokens.at(k)!;
  const dot = tokens.at(k + 1);
  const rest = tokens.at(k + 2);
  if (head.text.length > 2 || dot === undefined || !isPunct(dot, '.') || dot.start !== head.end) return 0;
  return isNumber(rest) && rest.start === dot.end && /^\d{3}$/.test(rest.text) ? 2 : 0;
}

const isGridQualifier = (t: Token | undefined): boolean => t?.kind === 'word' && GRID_QUALIFIERS.has(t.norm);

/** "BR-116": two capitals, a hyphen and the road's number, typed without blanks. */
function isHighwayCode(tokens: Tokens, k: number, nameStart: boolean): boolean {
  const code = tokens.at(k);
  // The code's own shape first: the tokens after it are read only for a candidate. "BR-116", and,
  // as the whole name, Goiânia's lettered avenues: "Av. T-63".
  const letters = nameStart ? /^[A-Z]{1,2}$/ : /^[A-Z]{2}$/;
  if (code?.kind !== 'word' || code.text.length > 2 || !letters.test(code.text)) return false;
  const dash = tokens.at(k + 1);
  const road = tokens.at(k + 2);
  return isPunct(dash, '-') && dash!.start === code.end && isNumber(road) && road.start === dash!.end;
}

/** "s/n", "S/N": the house has no number. */
function isNoNumber(tokens: Tokens, k: number): boolean {
  const s = tokens.at(k);
  const n = tokens.at(k + 2);
  return (
    s?.kind === 'word' &&
    s.norm === 's' &&
    isPunct(tokens.at(k + 1), '/') &&
    n?.kind === 'word' &&
    n.norm === 'n' &&
    n.end - s.start === 3
  );
}

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/**
 * Quebec's street types, after the house number: "221 rue Saint-Denis", "1500 boul. René-Lévesque".
 * Each is a STREET_TYPE word too: the gate before the numbered parse relies on it.
 */
const FRENCH_STREET_TYPES = new Set(['rue', 'boulevard', 'boul', 'chemin', 'montee']);
const FRENCH_DIRECTIONS = new Set(['ouest', 'est', 'nord', 'sud']);
const FRENCH_CONNECTORS = new Set(['de', 'du', 'des', 'la', 'le']);

/**
 * The parts of a hyphenated name after its first word ("Sainte-Catherine", "René-Lévesque"): the
 * index past them, or `k` when the word at `k - 1` has none.
 */
function hyphenatedRest(tokens: Tokens, k: number): number {
  for (;;) {
    const hyphen = tokens.at(k);
    const part = tokens.at(k + 1);
    if (!isPunct(hyphen, '-') || hyphen!.start !== tokens.at(k - 1)!.end) return k;
    if (part?.kind !== 'word' || part.start !== hyphen!.end || !UPPER_START.test(part.text)) return k;
    k += 2;
  }
}

/** "221 rue Saint-Denis, app. 3", "2150 rue Sainte-Catherine Ouest": Quebec's French form, the type at `type`. */
function frenchNumberedStreet(tokens: Tokens, type: number): number | undefined {
  let k = type + 1;
  if (isPunct(tokens.at(k), '.')) k++;
  let names = 0;
  for (; names < 4; names++) {
    const t = tokens.at(k);
    if (t?.kind === 'word' && FRENCH_CONNECTORS.has(t.norm) && names > 0) k++;
    const name = tokens.at(k);
    if (name?.kind !== 'word' || !UPPER_START.test(name.text) || FRENCH_DIRECTIONS.has(name.norm)) break;
    k = hyphenatedRest(tokens, k + 1);
  }
  if (names === 0) return undefined;
  const direction = tokens.at(k);
  if (direction?.kind === 'word' && FRENCH_DIRECTIONS.has(direction.norm)) k++;
  return complements(tokens, k);
}

/** "742 Evergreen Terrace Apt 3", "4596 N Cedar St", "17 Ridge Drive, Suite 295", "1200 W 5th St". */
function numberedStreet(tokens: Tokens): number | undefined {
  // "4521, rue Saint-Denis": Quebec sets the number apart with a comma as often as not.
  const type = isPunct(tokens.at(1), ',') ? 2 : 1;
  const typeWord = tokens.at(type);
  if (typeWord?.kind === 'word' && FRENCH_STREET_TYPES.has(typeWord.norm))
    return frenchNumberedStreet(tokens, type);
  let k = 1;
  if (tokens.at(k)?.kind === 'word' && DIRECTIONS.has(tokens.at(k)!.norm)) {
    k++;
    if (isPunct(tokens.at(k), '.')) k++;
  }
  let names = 0;
  while (names < 4) {
    const t = tokens.at(k);
    // Numbered streets: "5th St", "42nd Avenue", "1st Street".
    if (t?.kind === 'number') {
      const suffix = tokens.at(k + 1);
      if (suffix?.start !== t.end || !ORDINAL_SUFFIXES.has(suffix.norm)) return undefined;
      names++;
      k += 2;
      continue;
    }
    if (t?.kind !== 'word' || !/^[\p{Lu}]/u.test(t.text)) return undefined;
    names++;
    k++;
    // "Sainte-Catherine St W": a hyphenated name is one name, never the suffix.
    const past = hyphenatedRest(tokens, k);
    if (past > k) {
      k = past;
      continue;
    }
    // The suffix's abbreviation dot ("Ln.") is left out, as sentence punctuation would be.
    if (STREET_SUFFIXES.has(t.norm) && names > 1) {
      // "918 Maple Grove Rd": the first suffix was the name's ("Grove"), the second the street's.
      const second = tokens.at(k);
      if (second?.kind === 'word' && STREET_SUFFIXES.has(second.norm) && UPPER_START.test(second.text)) k++;
      // "12 Gardiner Street Upper": Dublin's upper and lower halves of a street.
      const half = tokens.at(k);
      if (half?.kind === 'word' && (half.text === 'Upper' || half.text === 'Lower')) k++;
      // "1600 Pennsylvania Ave NW", "88 Queen Street West": a compass point after the suffix, in
      // capitals or spelled out.
      const quadrant = tokens.at(k);
      if (
        quadrant?.kind === 'word' &&
        DIRECTIONS.has(quadrant.norm) &&
        (quadrant.text === quadrant.text.toUpperCase() ||
          (quadrant.text.length > 2 && UPPER_START.test(quadrant.text)))
      )
        k++;
      return complements(tokens, k);
    }
  }
  return undefined;
}

/**
 * A word after the house number (past an ordinal mark or a unit letter, "26A", and blanks): the
 * cheap test before tokenizing, since most numbers in a chat are not house numbers.
 */
function wordFollows(text: string, end: number): boolean {
  let i = end;
  const c = text.charCodeAt(i);
  if (c === 0xba || c === 0xaa || c === 0xb0 || isAsciiLetterCode(c)) i++;
  // "4521, rue Saint-Denis".
  else if (c === 44) i++;
  while (
    i < text.length &&
    (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 160)
  )
    i++;
  return i < text.length && isLetterCode(text.charCodeAt(i));
}

/** "Flat 3, 27 Baker Street", "Apt 4B, 350 Fifth Avenue": a British-style unit before the house number. */
const UNIT_BEFORE = /(?:^|[^\p{L}])((?:flat|apartment|apt|unit|suite|ste)\.?\s*\d{1,4}[A-Za-z]?,?\s+)$/iu;

/** Length of the unit written before the house number at `start`, or 0. */
function unitBefore(text: string, start: number): number {
  return UNIT_BEFORE.exec(text.slice(Math.max(0, start - 24), start))?.[1]!.length ?? 0;
}

/** A unit, a slash or hyphen, then the house number: the house number's group. */
function unitSlashHouse(text: string, run: NumberRun): DigitGroup | undefined {
  const groups = run.groups;
  if (groups.length !== 2 || groups[0]!.end - groups[0]!.start > 4) return undefined;
  if (groups[1]!.start !== groups[0]!.end + 1) return undefined;
  // "5/22 Kingsford Street" in Australia, "1204-88 Queens Quay W" in Canada.
  const separator = text.charCodeAt(groups[0]!.end);
  return separator === 47 || separator === 45 ? groups[1] : undefined;
}

function endOf(tokens: Tokens, index: number): number {
  return tokens.at(index - 1)!.end;
}

/**
 * Street addresses in the three languages: a street-type word, a name and a house number (or an
 * English house number, a name and a street suffix), then the complements that follow. Each
 * attempt parses a bounded slice, so the whole scan stays linear.
 */
export const streetAddressRecognizer: Recognizer = {
  name: 'street-address',
  types: ['STREET_ADDRESS'],
  wordClasses: WORD_CLASSES,
  detect(doc: AnalyzedText, _context, sink: Entity[]) {
    const text = doc.text;
    // Typed addresses found, in text order: the house numbers inside them start no address of their own.
    const typedSpans: Entity[] = [];
    const typed = (doc.classes & WordClass.STREET_TYPE) !== 0;
    for (const w of typed ? (doc.words as readonly Word[]) : []) {
      const covered = typedSpans[typedSpans.length - 1];
      if ((covered !== undefined && w.start < covered.end) || (w.classes & WordClass.STREET_TYPE) === 0)
        continue;
      // typedStreet's first test, before any tokenizing: "r", "c", "via", "est" are common words,
      // and a letter after digits ends a code ("Seat 14C. Fare").
      if (!UPPER_START.test(text[w.start]!) && !LOWER_CASE_STREET_TYPES.has(w.norm)) continue;
      if (w.start > 0 && isDigitCode(text.charCodeAt(w.start - 1))) continue;
      const tokens = new Tokens(text, w.start);
      const end = typedStreet(tokens);
      if (end === undefined) continue;
      const address: Entity = {
        type: 'STREET_ADDRESS',
        start: w.start,
        end: endOf(tokens, end),
        score: SCORE,
        recognizer: 'street-address',
      };
      sink.push(address);
      typedSpans.push(address);
    }
    // An English-style address ends in a street suffix ("Maple Drive"); Quebec's starts with a type.
    if ((doc.classes & (WordClass.STREET_SUFFIX | WordClass.STREET_TYPE)) === 0) return;
    // Without a suffix only Quebec's form can follow a number: its type word is checked before tokenizing.
    const frenchOnly = (doc.classes & WordClass.STREET_SUFFIX) === 0;
    for (const run of doc.runs) {
      const first = run.groups[0]!;
      if (typedSpans.some((a) => first.start >= a.start && first.start < a.end)) continue;
      if (run.start !== first.start) continue;
      if (first.start > 0 && /[\p{L}\d]/u.test(text[first.start - 1]!)) continue;
      const g = unitSlashHouse(text, run) ?? first;
      if (g.end - g.start > 5 || !wordFollows(text, g.end)) continue;
      if (frenchOnly && !FRENCH_STREET_TYPES.has(doc.words[doc.wordIndexAt(g.end)]?.norm ?? '')) continue;
      const tokens = new Tokens(text, g.start);
      const end = numberedStreet(tokens);
      if (end === undefined) continue;
      sink.push({
        type: 'STREET_ADDRESS',
        start: g === first ? g.start - unitBefore(text, g.start) : first.start,
        end: endOf(tokens, end),
        score: SCORE,
        recognizer: 'street-address',
      });
    }
  },
};
