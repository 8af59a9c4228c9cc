import type { Entity } from './entity.js';

/**
 * Spans already found with high confidence by recognizers that ran earlier. A later, costlier
 * recognizer skips candidates inside them: a piece of a card number is not worth a phone-number
 * parse. The overlap resolution would drop such candidates anyway; this only saves the work.
 */
export function claimedSpans(
  found: readonly Entity[],
  textLength: number,
  minScore: number,
): (start: number, end: number) => boolean {
  let marks: Uint8Array | undefined;
  for (const e of found) {
    if (e.score < minScore) continue;
    marks ??= new Uint8Array(textLength);
    marks.fill(1, e.start, e.end);
  }
  if (marks === undefined) return () => false;
  const m = marks;
  return (start, end) => m[start] === 1 || m[end - 1] === 1;
}
