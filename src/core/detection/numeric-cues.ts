import type { AnalyzedText } from './analyzed-text.js';
import { type Cue, nearestCueBefore, OTHER } from './cues.js';
import type { RecognizerContext } from './recognizer.js';

/** How far back, in words, a cue may stand from the value it introduces. */
export const CUE_WINDOW = 6;

/** What the nearest preceding cue says about a value of `type`. */
export type CueVerdict = 'supports' | 'vetoes' | 'other-type' | 'none';

/**
 * The nearest cue before the value at `start`, not reaching past the previous number run: in
 * "CEP 01310-100, liguei do 11 3722-9952" the postal-code cue belongs to the first number only.
 */
export function cueBefore(
  doc: AnalyzedText,
  context: RecognizerContext,
  start: number,
  window = CUE_WINDOW,
  kind?: string,
): Cue | undefined {
  const cue = nearestCueBefore(doc, context.cues, start, window, previousRunEnd(doc, start), kind);
  return cue === undefined || !cueOnEarlierLine(doc, cue, start) ? cue : undefined;
}

/** How far a cue's line end is looked for; past it, the cue counts as another line's. */
const LINE_REACH = 200;

/**
 * A line holds one remark: a cue on an earlier line speaks of the value only when the value opens
 * its own line ("Meu telefone:\n11 98765-4321"), not when the line has words of its own before it
 * ("...como contato\nPagamento recusado no 3404 251512 71952").
 */
function cueOnEarlierLine(doc: AnalyzedText, cue: Cue, start: number): boolean {
  const text = doc.text;
  const cueEnd = doc.words[doc.wordIndexAt(start) - 1 - cue.distance]!.end;
  if (start - cueEnd > LINE_REACH) return true;
  let lineBreak = start - 1;
  while (lineBreak >= cueEnd && text.charCodeAt(lineBreak) !== 10) lineBreak--;
  if (lineBreak < cueEnd) return false;
  return doc.wordIndexAt(lineBreak) < doc.wordIndexAt(start);
}

/** End of the last number run that ends before `offset` (runs are in text order). */
export function previousRunEnd(doc: AnalyzedText, offset: number): number {
  const runs = doc.runs;
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runs[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -1 : runs[lo - 1]!.end;
}

/** A cue saying the value is something else ("pedido", "protocolo", "CEP") binds only the value right after it. */
const VETO_DISTANCE = 3;

export function verdictFor(cue: Cue | undefined, type: string): CueVerdict {
  if (cue === undefined) return 'none';
  if (cue.kind === type) return 'supports';
  if (cue.kind === OTHER) return cue.distance < VETO_DISTANCE ? 'vetoes' : 'none';
  return 'other-type';
}

/** Score adjustment shared by the numeric recognizers. */
export function cueAdjustment(verdict: CueVerdict): number {
  switch (verdict) {
    case 'supports':
      return 0.25;
    case 'other-type':
      return -0.25;
    default:
      return 0;
  }
}
