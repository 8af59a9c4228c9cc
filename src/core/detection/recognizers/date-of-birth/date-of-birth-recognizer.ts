import type { AnalyzedText } from '../../analyzed-text.js';
import type { Entity } from '../../entity.js';
import { numberSpans, gluedToLetters, groupLengthsOf, type NumberSpan } from '../../number-spans.js';
import { hasCueOfKind, nearestCueBefore } from '../../cues.js';
import { cueBefore, speakerLabelEnd } from '../../numeric-cues.js';
import type { Recognizer, RecognizerContext } from '../../recognizer.js';
import { lineStartWithin } from '../../text-lines.js';
import { monthOf } from './month-names.js';
import { WORD_CLASSES, WordClass } from '../word-classes.js';

/** How far back a birth cue may stand: "data de nascimento do titular é 22/5/88". */
const BIRTH_WINDOW = 12;

const validDay = (d: number) => d >= 1 && d <= 31;
const validMonth = (m: number) => m >= 1 && m <= 12;
const validYear = (y: string) => y.length === 2 || (Number(y) >= 1900 && Number(y) <= 2099);

/** A numeric date: d/m/y, m/d/y, y-m-d, m/y, or eight plain digits ddmmyyyy / yyyymmdd. */
function numericDate(doc: AnalyzedText, span: NumberSpan): boolean {
  const lengths = groupLengthsOf(span);
  const parts = [];
  for (let k = span.first; k <= span.last; k++) {
    const g = span.run.groups[k]!;
    parts.push(doc.text.slice(g.start, g.end));
  }
  const seps = span.separators;
  if (!seps.every((s) => s === seps[0] && (s === '/' || s === '-' || s === '.'))) return false;
  if (lengths.length === 3) {
    const [a, b, c] = parts.map(Number) as [number, number, number];
    if (lengths[0] === 4) return validYear(parts[0]!) && validMonth(b) && validDay(c);
    if (lengths[0]! > 2 || lengths[1]! > 2 || (lengths[2] !== 2 && lengths[2] !== 4) || !validYear(parts[2]!))
      return false;
    return (validDay(a) && validMonth(b)) || (validMonth(a) && validDay(b));
  }
  if (lengths.length === 2)
    return lengths[0]! <= 2 && lengths[1] === 4 && validMonth(Number(parts[0])) && validYear(parts[1]!);
  if (lengths.length === 1 && lengths[0] === 8) {
    const d = span.digits;
    const dmy = validDay(Number(d.slice(0, 2))) && validMonth(Number(d.slice(2, 4))) && validYear(d.slice(4));
    const ymd = validYear(d.slice(0, 4)) && validMonth(Number(d.slice(4, 6))) && validDay(Number(d.slice(6)));
    return dmy || ymd;
  }
  return false;
}

const DAY_BEFORE = /(\d{1,2})(?:st|nd|rd|th|º|°|o)?\s*(?:de\s+|of\s+|[-/.]\s*)?$/i;
const YEAR_AFTER = /^\s*(?:,\s*|de\s+|del\s+|of\s+|[-/.]\s*)?(\d{4})(?!\d)/i;
/**
 * "5 de mayo del 88", "15 de março de 79", "19 Jun 90", "3-Jun-90": a two-digit year after a day and
 * month, never the hour or count that follows ("19 jun 14h", "19 Jun 10:30").
 */
const SHORT_YEAR_AFTER = /^(?:\s+(?:de|del)\s+|\s+|-)'?\d{2}(?![\d\p{L}])(?![/.:,-]\d)/iu;
const DAY_YEAR_AFTER = /^\s+(\d{1,2})(?:st|nd|rd|th)?(?:(?:,\s*|\s+)(\d{4})(?!\d))?(?!\d)/i;

/** A date found in the text; `full` when it has day, month and year. */
interface FoundDate {
  readonly start: number;
  readonly end: number;
  readonly full: boolean;
}

/** Dates written with a month name: "15 de março de 1992", "July 4, 1981", "14 January 1987", "march 1990". */
function textualDates(doc: AnalyzedText, found: FoundDate[]): void {
  const text = doc.text;
  for (const w of doc.words) {
    if ((w.classes & WordClass.MONTH) === 0) continue;
    const before = text.slice(Math.max(0, w.start - 16), w.start);
    const after = text.slice(w.end, w.end + 24);
    const dayMatch = DAY_BEFORE.exec(before);
    const month = monthOf(w.norm, dayMatch !== null || /^\s*[-/.]?\s*\d/.test(after));
    if (month === undefined) continue;
    let start = w.start;
    let end = w.end;
    let parts = 1;
    if (dayMatch !== null && validDay(Number(dayMatch[1]))) {
      start = w.start - dayMatch[0].length;
      parts++;
    }
    const year = YEAR_AFTER.exec(after) ?? (parts === 2 ? SHORT_YEAR_AFTER.exec(after) : null);
    if (year !== null) {
      end = w.end + year[0].length;
      parts++;
    } else if (dayMatch === null) {
      const dayYear = DAY_YEAR_AFTER.exec(after);
      if (dayYear !== null && validDay(Number(dayYear[1]))) {
        end = w.end + dayYear[0].length;
        parts += dayYear[2] === undefined ? 1 : 2;
      }
    }
    if (parts >= 2) found.push({ start, end, full: parts === 3 });
  }
}

function hasBirthCue(doc: AnalyzedText, context: RecognizerContext, start: number): boolean {
  const cue = cueBefore(doc, context, start, BIRTH_WINDOW);
  if (cue?.kind !== 'DATE_OF_BIRTH') return false;
  // "fecha de nacimiento correcta pero la cita del 12/05/2024": another event's date.
  const valueWord = doc.wordIndexAt(start);
  for (let i = valueWord - cue.distance; i < valueWord; i++)
    if (OTHER_EVENTS.has(doc.words[i]!.norm)) return false;
  return true;
}

/** Events whose dates are no birth dates, named between a birth cue and a date. */
const OTHER_EVENTS = new Set(
  `consulta cita entrega delivery appointment agendamento visita vencimento vence due pagamento payment
  pago compra purchase pedido order viagem viaje voo vuelo flight reserva booking evento event validade
  expiry emissao issued renovacao renewal matricula cirurgia surgery exame exam`.split(/\s+/),
);

/** How far back the start of a line is looked for: a turn longer than this is no short reply. */
const TURN_REACH = 400;

const lineStartNear = (text: string, offset: number): number => lineStartWithin(text, offset, TURN_REACH);

/**
 * "Agent: ...your date of birth and postcode.\nCustomer: 14 February 1979, LS6 2QT": a full date
 * opening a reply in a transcript (the reply's line starts at `lineStart`), when the turn before
 * asked for the date of birth among other things. The reply may start with a word of assent ("sure,
 * June 2 1983") or give what was asked first, capitalised, before a comma ("Gabriela Cevallos
 * Andrade, 15/08/1997", "Raimunda dos Santos, 82714035671, 12/09/1958"), never a sentence of its own
 * ("sure, the renewal date is 3rd of May 2026").
 */
function answersBirthQuestion(
  doc: AnalyzedText,
  context: RecognizerContext,
  date: FoundDate,
  lineStart: number,
): boolean {
  const text = doc.text;
  if (lineStart <= 0) return false;
  const labelEnd = speakerLabelEnd(text, lineStart);
  if (labelEnd === -1 || labelEnd > date.start) return false;
  const questionStart = lineStartNear(text, lineStart - 1);
  if (questionStart === -1) return false;
  const words = doc.words;
  const from = doc.wordIndexAt(labelEnd);
  const to = doc.wordIndexAt(date.start);
  // The question's words: its cue may stand anywhere in the line before.
  const questionWords = doc.wordIndexAt(lineStart) - doc.wordIndexAt(questionStart);
  const asked = nearestCueBefore(doc, context.cues, lineStart, questionWords, questionStart, 'DATE_OF_BIRTH');
  if (asked === undefined) return false;
  if (to - from <= 1) return true;
  if (!/,\s*$/.test(text.slice(words[to - 1]!.end, date.start))) return false;
  for (let i = from; i < to; i++)
    if (!words[i]!.capitalized && (words[i]!.classes & WordClass.NAME_PARTICLE) === 0) return false;
  return true;
}

/** A date is a date of birth only when the text says so ("nasci em", "DOB", "fecha de nacimiento"). */
export const dateOfBirthRecognizer: Recognizer = {
  name: 'date-of-birth',
  types: ['DATE_OF_BIRTH'],
  wordClasses: WORD_CLASSES,
  detect(doc, context, sink: Entity[]) {
    // Every date has digits (a numeric date, or a day or year beside the month's name), and a date
    // of birth has its cue: without both, nothing here can match.
    if (doc.runs.length === 0 || !hasCueOfKind(doc, context.cues, 'DATE_OF_BIRTH')) return;
    const found: FoundDate[] = [];
    for (const span of numberSpans(doc, 4, 8)) {
      if (span.prefixed || gluedToLetters(doc, span.start, span.end)) continue;
      if (numericDate(doc, span))
        found.push({ start: span.start, end: span.end, full: span.last - span.first !== 1 });
    }
    textualDates(doc, found);
    // A reply answers with its first date only.
    let previousLine = -2;
    for (const date of found.sort((a, b) => a.start - b.start)) {
      const line = lineStartNear(doc.text, date.start);
      const firstInLine = line !== previousLine;
      previousLine = line;
      if (
        hasBirthCue(doc, context, date.start) ||
        (date.full && firstInLine && answersBirthQuestion(doc, context, date, line))
      )
        sink.push({
          type: 'DATE_OF_BIRTH',
          start: date.start,
          end: date.end,
          score: 0.85,
          recognizer: 'date-of-birth',
        });
    }
  },
};
