import type { AnalyzedText } from './analyzed-text.js';
import { type Cue, nearestCueBefore, OTHER } from './cues.js';
import type { RecognizerContext } from './recognizer.js';

/** How far back, in words, a cue may stand from the value it introduces. */
export const CUE_WINDOW = 6;

/** What the nearest preceding cue says about a value of `type`. */
export type CueVerdict = 'supports' | 'vetoes' | 'other-type' | 'none';

export function cueBefore(doc: AnalyzedText, context: RecognizerContext, start: number, window = CUE_WINDOW): Cue | undefined {
  return nearestCueBefore(doc, context.cues, start, window);
}

export function verdictFor(cue: Cue | undefined, type: string): CueVerdict {
  if (cue === undefined) return 'none';
  if (cue.kind === type) return 'supports';
  if (cue.kind === OTHER) return 'vetoes';
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
