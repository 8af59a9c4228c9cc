import type { Entity } from './entity.js';

/**
 * Spans already found with high confidence by recognizers that ran earlier. A later, costlier
 * recognizer skips candidates inside them: a piece of a card number is not worth a phone-number
 * parse. The overlap resolution would drop such candidates anyway; this only saves the work.
 */
export function claimedSpans(
  found: readonly Entity[],
  minScore: number,
): (start: number, end: number) => boolean {
  // A message holds a handful of entities: a scan beats marking an array as long as the text.
  const claims = found.filter((e) => e.score >= minScore);
  if (claims.length === 0) return () => false;
  const inside = (offset: number) => claims.some((e) => offset >= e.start && offset < e.end);
  return (start, end) => inside(start) || inside(end - 1);
}
