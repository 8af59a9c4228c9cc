import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { AnalyzedText } from '../../analyzed-text.js';
import { claimedSpans } from '../../claims.js';
import type { Entity, Lang } from '../../entity.js';
import {
  forEachLongestNumberSpan,
  gluedToLetters,
  groupLengthsOf,
  type NumberSpan,
} from '../../number-spans.js';
import { cueEndingAt, hasCueOfKind, type CueTable } from '../../cues.js';
import { cueBefore, verdictFor } from '../../numeric-cues.js';
import { fastPhoneVerdict } from './fast-phone-verdict.js';
import { clampScore, ENGINE_CUE_END, type Recognizer, type RecognizerContext } from '../../recognizer.js';

/** Regions tried, after the configured default, for numbers written without a country code. */
const REGIONS_BY_LANG: Record<Lang, readonly CountryCode[]> = {
  pt: ['BR', 'PT'],
  en: ['US', 'GB', 'CA'],
  es: ['ES', 'MX', 'AR', 'CO', 'CL', 'PE'],
};
const ALL_REGIONS: readonly CountryCode[] = ['BR', 'US', 'ES', 'MX', 'AR', 'CO', 'PT', 'GB', 'CL', 'PE'];

/**
 * English-speaking markets served from the same contact centers, tried last. Their national numbers
 * are short enough to match order and ticket numbers, so Australia's and Ireland's are taken only as
 * typed with their trunk "0" ("0412 555 318", "(085) 217 4436"), and India's only when announced.
 */
const TRUNK_ZERO_REGIONS: readonly CountryCode[] = ['AU', 'IE'];
const ANNOUNCED_ONLY_REGIONS: readonly CountryCode[] = ['IN'];

/** Values found this confidently by earlier recognizers (cards, CPFs, IPs...) are not re-read as phones. */
const CLAIM_SCORE = 0.8;

/**
 * "0800 771 2040", "0300 789 6000": Brazil's toll-free and shared-cost lines have no area code. They
 * are a company's, no person's, and the labelling guidelines count a Brazilian number only with one.
 */
const BRAZILIAN_SERVICE_NUMBER = /^0(?:800|300|500|303|900)\d{7}$/;

/** A local number without its area code: "98765-4321", "555-0199"; only with a phone cue. */
const LOCAL_NUMBER = /^\d{3,5}[-. ]\d{4}$/;

/**
 * Digit counts (as typed, trunk and carrier prefixes included) that a national number of each region
 * can have; regions that cannot hold a number of that length are not worth a parse.
 */
const NATIONAL_DIGITS: Partial<Record<CountryCode, readonly number[]>> = {
  BR: [10, 11, 12, 13],
  US: [10, 11],
  CA: [10, 11],
  ES: [9],
  PT: [9],
  MX: [10, 11, 12, 13],
  AR: [10, 11, 12, 13],
  CO: [10, 11],
  GB: [10, 11],
  CL: [9, 10, 11],
  PE: [8, 9, 10],
};

/** Regions to try, by "<default region>|<lang>" and then by digit count * 2 + (everywhere ? 1 : 0). */
const regionCache = new Map<string, (readonly CountryCode[] | undefined)[]>();
/** The same lists by context object: the engine keeps one context per language. */
const regionsByContext = new WeakMap<RecognizerContext, (readonly CountryCode[] | undefined)[]>();

/**
 * The regions to try for a national number of `digits` digits, preferred ones first. A bare digit
 * string with no phone cue is tried only in the default region and the language's regions: written
 * that way, a foreign number is indistinguishable from any other code.
 */
function regionsFor(context: RecognizerContext, digits: number, everywhere: boolean): readonly CountryCode[] {
  let byDigits = regionsByContext.get(context);
  if (byDigits === undefined) {
    const contextKey = context.lang ? `${context.defaultRegion}|${context.lang}` : context.defaultRegion;
    byDigits = regionCache.get(contextKey);
    if (byDigits === undefined) regionCache.set(contextKey, (byDigits = []));
    regionsByContext.set(context, byDigits);
  }
  const slot = digits * 2 + (everywhere ? 1 : 0);
  let regions = byDigits[slot];
  if (regions === undefined) {
    const preferred = context.lang ? REGIONS_BY_LANG[context.lang] : [];
    const candidates = [
      context.defaultRegion as CountryCode,
      ...preferred,
      ...(everywhere ? ALL_REGIONS : []),
    ];
    regions = [...new Set(candidates)].filter((r) => NATIONAL_DIGITS[r]?.includes(digits) ?? true);
    byDigits[slot] = regions;
  }
  return regions;
}

/**
 * What libphonenumber parses: the digits alone, after a leading "+", which is what it would keep of
 * the typed text anyway, without paying for its own extraction (extensions, punctuation). "0xx11" (a
 * trunk prefix with the carrier left blank) reads as the area code alone; "+52 1" drops Mexico's
 * retired mobile "1".
 */
function phoneDigitsText(text: string, digits: string): string {
  const international = text.startsWith('+') || text.startsWith('(+');
  if (/x/i.test(text)) digits = text.replace(/\(?0\s?xx\s?(\d\d)\)?/i, '$1').replace(/\D/g, '');
  else if (international && /^\+52[\s.-]*1[\s.-]+\d\d/.test(text)) digits = `52${digits.slice(3)}`;
  return international ? `+${digits}` : digits;
}

function withDistantRegions(
  regions: readonly CountryCode[],
  span: NumberSpan,
  announced: boolean,
): readonly CountryCode[] {
  const typed = span.text;
  const trunkZero = typed.charCodeAt(0) === 48 || (typed.charCodeAt(0) === 40 && typed.charCodeAt(1) === 48);
  if (!trunkZero && !announced) return regions;
  return [...regions, ...(trunkZero ? TRUNK_ZERO_REGIONS : []), ...(announced ? ANNOUNCED_ONLY_REGIONS : [])];
}

const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const SSN_SHAPE = /^\d{3} ?- ?\d{2} ?- ?\d{4}$/;

type Plausibility = 'valid' | 'possible' | 'none';

/** libphonenumber's verdict on `text` read in `region`, from the fast path whenever it can answer. */
function verdictIn(text: string, region: CountryCode | undefined): Plausibility {
  const fast = fastPhoneVerdict(text, region);
  if (fast !== undefined) return fast;
  const parsed = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : undefined);
  if (parsed === undefined) return 'none';
  return parsed.isValid() ? 'valid' : parsed.isPossible() ? 'possible' : 'none';
}

function plausibility(
  text: string,
  regions: readonly CountryCode[],
  defaultRegion: string,
): { level: Plausibility; inDefault: boolean; possibleIn: readonly CountryCode[] } {
  const international = text.startsWith('+');
  const possibleIn: CountryCode[] = [];
  let possible = false;
  for (const [index, region] of (international ? [undefined] : regions).entries()) {
    const verdict = verdictIn(text, region);
    if (verdict === 'valid')
      return {
        level: 'valid',
        inDefault: international || (index === 0 && region === defaultRegion),
        possibleIn,
      };
    if (verdict === 'possible') {
      possible = true;
      if (region !== undefined) possibleIn.push(region);
    }
  }
  return { level: possible ? 'possible' : 'none', inDefault: false, possibleIn };
}

/**
 * "07700 900377", "(21) 3456-7890": a number of the right length for one of `regions`, typed digit
 * group for digit group as that region prints its numbers. The plan's metadata may not list the
 * range (new allocations, numbers set aside for fiction), but the layout is a phone number's and
 * nothing else's. Only layouts that open with a trunk "0" or an area code in parentheses are
 * formatted: the library's formatting costs tens of microseconds, and order or ticket numbers
 * ("2024-58383") would pay it for nothing.
 */
function writtenAsNational(typed: string, digits: string, regions: readonly CountryCode[]): boolean {
  if (!typed.startsWith('0') && !typed.startsWith('(')) return false;
  for (const region of regions)
    if (parsePhoneNumberFromString(digits, { defaultCountry: region })?.formatNational() === typed)
      return true;
  return false;
}

function leadsWithCountryCode(text: string, span: NumberSpan): boolean {
  const run = span.run;
  const firstGroup = run.groups[0]!;
  return (
    text[run.start] === '+' || (firstGroup.end - firstGroup.start === 1 && text[firstGroup.start] === '1')
  );
}

/** Dotted numbers are phones only in dotted phone layouts ("415.555.0134"), never "23790.12345". */
function dottedLayoutOk(span: NumberSpan, seps: readonly string[]): boolean {
  if (!seps.some((s) => s.includes('.'))) return true;
  const lengths = groupLengthsOf(span);
  return lengths[lengths.length - 1] === 4 && lengths.every((l) => l <= 5);
}

/** Separators of phone numbers: spaces, parentheses, dots and hyphens, or the "xx" of "0xx11". */
function phoneSeparator(sep: string): boolean {
  for (let i = 0; i < sep.length; i++) {
    const c = sep.charCodeAt(i);
    if (c !== 32 && c !== 40 && c !== 41 && c !== 46 && c !== 45) return sep.toLowerCase() === 'xx';
  }
  return true;
}

/** Groups in a row, all of four digits, that make an access key or barcode rather than numbers. */
const KEY_GROUPS = 6;

/**
 * Digits that belong to a longer code: a span joined by a dot to the digits beside it ("34191.79001
 * 01043.510047", a boleto's line), or inside a run of many four-digit groups (an invoice's access
 * key, "3524 0639 4020 9400 0160 ...").
 */
function partOfLongerCode(text: string, span: NumberSpan): boolean {
  const groups = span.run.groups;
  if (span.first > 0 && dotBetween(text, groups[span.first - 1]!.end, groups[span.first]!.start)) return true;
  if (span.last < groups.length - 1 && dotBetween(text, groups[span.last]!.end, groups[span.last + 1]!.start))
    return true;
  if (groups.length < KEY_GROUPS) return false;
  for (const g of groups) if (g.end - g.start !== 4) return false;
  return true;
}

function dotBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 46) return true;
  return false;
}

function phoneShaped(
  doc: AnalyzedText,
  cues: CueTable,
  start: number,
  end: number,
  seps: readonly string[],
): boolean {
  return !gluedToLetters(doc, start, end) && !codeSuffix(doc, cues, start) && seps.every(phoneSeparator);
}

/**
 * "COR-889201457", "INV-20931": digits after capitals and a hyphen end a reference code. A cue typed
 * that way ("TEL-11 98765-4321") still announces a phone.
 */
function codeSuffix(doc: AnalyzedText, cues: CueTable, start: number): boolean {
  const text = doc.text;
  if (start < 3 || text.charCodeAt(start - 1) !== 45) return false;
  const c1 = text.charCodeAt(start - 2);
  const c2 = text.charCodeAt(start - 3);
  if (c1 < 65 || c1 > 90 || c2 < 65 || c2 > 90) return false;
  const index = doc.wordIndexAt(start) - 1;
  const word = doc.words[index];
  if (word === undefined || (word.classes & ENGINE_CUE_END) === 0) return true;
  return cueEndingAt(cues, doc.words, index)?.kind !== 'PHONE';
}

/**
 * "22/07/1979 (81) 98834-5521": inside a longer run, the area code's opening parenthesis is a
 * separator of the run, not part of the span; the number takes it back.
 */
function withOpeningParenthesis(text: string, span: NumberSpan): number {
  const start = span.start;
  if (span.first === 0 || text.charCodeAt(start - 1) !== 40) return start;
  return text.charCodeAt(span.run.groups[span.first]!.end) === 41 ? start - 1 : start;
}

/** Telephone numbers valid (or, with a phone cue, possible) in a real numbering plan, via libphonenumber. */
export const phoneRecognizer: Recognizer = {
  name: 'phone',
  types: ['PHONE'],
  detect(doc, context, sink: Entity[]) {
    const claimed = claimedSpans(sink, CLAIM_SCORE);
    let phoneCue: boolean | undefined;
    forEachLongestNumberSpan(doc, 7, 15, (span) => {
      if (claimed(span.start, span.end) || partOfLongerCode(doc.text, span)) return false;
      // A country code or NANP trunk "1" that starts the run cannot be dropped from the number.
      if (span.first > 0 && leadsWithCountryCode(doc.text, span)) return false;
      // Fewer than nine digits without a "+" is a local number at best, which needs a phone cue.
      if (span.digitCount < 9 && doc.text.charCodeAt(span.start) !== 43) {
        phoneCue ??= hasCueOfKind(doc, context.cues, 'PHONE');
        if (!phoneCue) return false;
      }
      // Dotted quads read as IPv4 addresses and AAA-GG-SSSS as SSNs, never as phone numbers.
      const groups = span.last - span.first + 1;
      if ((groups === 4 && DOTTED_QUAD.test(span.text)) || (groups === 3 && SSN_SHAPE.test(span.text)))
        return false;
      const seps = span.separators;
      if (!phoneShaped(doc, context.cues, span.start, span.end, seps) || !dottedLayoutOk(span, seps))
        return false;
      // "0xx11" arrives as two runs broken by the letters; the run scanner keeps "(0" apart.
      const verdict = verdictFor(cueBefore(doc, context, span.start), 'PHONE', span.digitCount);
      // A "+" is a phone's alone: "cp +63 917 555 0134" is a cell phone, not a postal code.
      if (verdict === 'vetoes' && doc.text.charCodeAt(span.start) !== 43) return false;
      const text = phoneDigitsText(span.text, span.digits);
      const lengths = groupLengthsOf(span);
      if (span.digitCount <= 9 && !span.text.startsWith('+')) {
        // Too short for a full number anywhere but Spain/Portugal (9 digits): a local number needs a cue.
        if (verdict === 'supports' && LOCAL_NUMBER.test(span.text)) {
          sink.push({ type: 'PHONE', start: span.start, end: span.end, score: 0.7, recognizer: 'phone' });
          return true;
        }
        if (span.digitCount < 9) return false;
      }
      if (lengths.some((l) => l > 13)) return false;
      // Nor is any part of it a local number.
      if (BRAZILIAN_SERVICE_NUMBER.test(text)) return true;
      const everywhere = verdict === 'supports' || span.first !== span.last;
      let regions = regionsFor(context, text.length - (text.startsWith('+') ? 1 : 0), everywhere);
      if (everywhere && !text.startsWith('+'))
        regions = withDistantRegions(regions, span, verdict === 'supports');
      const { level, inDefault, possibleIn } = plausibility(text, regions, context.defaultRegion);
      const international = text.startsWith('+');
      if (level === 'none') return false;
      // Only possible, unannounced and national: the region's own layout is the evidence, and it
      // weighs as much as validity elsewhere (more than an 11-digit number's CPF check digits
      // in a grouping no CPF is written in).
      let nationalLayout = false;
      if (level === 'possible' && verdict !== 'supports' && !international) {
        if (span.first === span.last || !writtenAsNational(span.text, text, possibleIn)) return false;
        nationalLayout = true;
      }
      let score =
        level === 'valid' ? (inDefault ? 0.7 : 0.62) : nationalLayout ? 0.62 : international ? 0.6 : 0.55;
      if (verdict === 'supports') score += 0.25;
      if (verdict === 'other-type') score -= 0.3;
      sink.push({
        type: 'PHONE',
        start: withOpeningParenthesis(doc.text, span),
        end: span.end,
        score: clampScore(score),
        recognizer: 'phone',
      });
      // A number taken (valid, or possible and announced) is one number: its pieces are not numbers of their own.
      return true;
    });
  },
};
