import type { AnalyzedText, NumberRun } from './analyzed-text.js';
import { isLetterCode } from './analyzed-text.js';

/**
 * A candidate value: consecutive digit groups of one run. Recognizers of numeric types read these
 * instead of running their own patterns over the whole text. What several recognizers ask of the
 * same span (its digits, separators, grouping) is worked out once, on first request.
 */
export class NumberSpan {
  readonly start: number;
  readonly end: number;
  readonly digitCount: number;
  #digits: string | undefined;
  #text: string | undefined;
  #separators: string[] | undefined;
  #grouping: string | undefined;

  constructor(
    private readonly source: string,
    readonly run: NumberRun,
    readonly first: number,
    readonly last: number,
  ) {
    this.prefixed = first === 0 && prefixedRun(source, run);
    this.start = this.prefixed ? run.start : run.groups[first]!.start;
    this.end = run.groups[last]!.end;
    this.digitCount = run.digitOffsets[last + 1]! - run.digitOffsets[first]!;
  }

  /** The span's digits alone. */
  get digits(): string {
    return (this.#digits ??= this.run.digits.slice(
      this.run.digitOffsets[this.first],
      this.run.digitOffsets[this.last + 1],
    ));
  }

  /**
   * The span starts with the run's leading "+", or with a "(" closed inside the run ("(11)
   * 98765-4321"): a phone number's shape, not an identifier's. A value in parentheses,
   * "(103.138.000-52)", is not prefixed, and its span leaves the parenthesis out.
   */
  readonly prefixed: boolean;

  /** The text of the span, separators included (sliced on demand: most spans are rejected before). */
  get text(): string {
    return (this.#text ??= this.source.slice(this.start, this.end));
  }

  /** The separators between the span's groups, e.g. [".", ".", "-"] for 123.456.789-09. */
  get separators(): readonly string[] {
    if (this.#separators === undefined) {
      const out: string[] = [];
      const groups = this.run.groups;
      for (let k = this.first; k < this.last; k++)
        out.push(this.source.slice(groups[k]!.end, groups[k + 1]!.start));
      this.#separators = out;
    }
    return this.#separators;
  }

  /** Group lengths in digits, joined: "3,3,3,2". */
  get grouping(): string {
    return (this.#grouping ??= groupLengthsOf(this).join(','));
  }
}

function prefixedRun(text: string, run: NumberRun): boolean {
  const first = run.groups[0]!;
  if (run.start === first.start) return false;
  if (text.charCodeAt(run.start) === 43 || text.charCodeAt(run.start + 1) === 43) return true;
  // Closed inside the run: "(11) 98765-4321", "(0xx11) 98765-4321".
  const last = run.groups[run.groups.length - 1]!;
  return text.slice(first.end, last.start).includes(')');
}

/**
 * The spans of the message being detected, made on first request and shared: several numeric
 * recognizers read the same span (11 digits for CPF and phone, 14 for CNPJ, card and phone), and
 * what one works out of it (digits, separators) the next one reuses. One message at a time, as
 * the engine detects them.
 */
let spansOfDoc: AnalyzedText | undefined;
let spansByRun: (NumberSpan | undefined)[][] = [];

function spanAt(doc: AnalyzedText, runIndex: number, first: number, last: number): NumberSpan {
  if (spansOfDoc !== doc) {
    spansOfDoc = doc;
    spansByRun = [];
  }
  const slots = (spansByRun[runIndex] ??= []);
  const slot = first * MAX_GROUPS + (last - first);
  return (slots[slot] ??= new NumberSpan(doc.text, doc.runs[runIndex]!, first, last));
}

/**
 * Every span of up to MAX_GROUPS consecutive groups whose digit count lies in [minDigits, maxDigits],
 * in text order (by run, then first group, then last). A span that starts the run also takes the
 * run's leading "+" or "(".
 */
export function numberSpans(doc: AnalyzedText, minDigits: number, maxDigits: number): NumberSpan[] {
  const spans: NumberSpan[] = [];
  const runs = doc.runs;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (run.digitCount < minDigits) continue;
    const offsets = run.digitOffsets;
    const groupCount = run.groups.length;
    for (let first = 0; first < groupCount; first++) {
      for (let last = first; last < groupCount && last - first < MAX_GROUPS; last++) {
        const length = offsets[last + 1]! - offsets[first]!;
        if (length > maxDigits) break;
        if (length >= minDigits) spans.push(spanAt(doc, r, first, last));
      }
    }
  }
  return spans;
}

/** Longest span, in groups, that recognizers consider: enough for "+55 (11) 9 8765-4321". */
export const MAX_GROUPS = 8;

/** True when a letter touches the span: "BR830120731", "A2751278", "v1.2.3". */
export function gluedToLetters(doc: AnalyzedText, start: number, end: number): boolean {
  const t = doc.text;
  return (
    (start > 0 && isLetterCode(t.charCodeAt(start - 1))) ||
    (end < t.length && isLetterCode(t.charCodeAt(end)))
  );
}

/**
 * Every span of up to MAX_GROUPS groups with a digit count in [minDigits, maxDigits], longest span
 * first for each starting group; when `visit` accepts a span, the spans inside it are not visited.
 * For recognizers whose check is costly (phone numbers).
 */
export function forEachLongestNumberSpan(
  doc: AnalyzedText,
  minDigits: number,
  maxDigits: number,
  visit: (span: NumberSpan) => boolean,
): void {
  const runs = doc.runs;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (run.digitCount < minDigits) continue;
    const offsets = run.digitOffsets;
    const groupCount = run.groups.length;
    for (let first = 0; first < groupCount; first++) {
      const lastLimit = Math.min(groupCount - 1, first + MAX_GROUPS - 1);
      for (let last = lastLimit; last >= first; last--) {
        const length = offsets[last + 1]! - offsets[first]!;
        if (length < minDigits) break;
        if (length > maxDigits) continue;
        if (visit(spanAt(doc, r, first, last))) {
          first = last;
          break;
        }
      }
    }
  }
}

/** Group lengths in digits, e.g. [3, 3, 3, 2]. */
export function groupLengthsOf(span: NumberSpan): number[] {
  const out: number[] = [];
  const groups = span.run.groups;
  for (let k = span.first; k <= span.last; k++) out.push(groups[k]!.end - groups[k]!.start);
  return out;
}
