import type { Entity } from './entity.js';
import { countBefore } from './halving.js';

/**
 * Spans already found with high confidence by recognizers that ran earlier. A later, costlier
 * recognizer skips candidates inside them: a piece of a card number is not worth a phone-number
 * parse. The overlap resolution would drop such candidates anyway; this only saves the work.
 */
export function claimedSpans(
  found: readonly Entity[],
  minScore: number,
): (start: number, end: number) => boolean {
  // A message holds a handful of entities: a scan beats sorting them. A long text may hold thousands,
  // and is searched by halving instead, so that the checks stay linear overall.
  const claims = found.filter((e) => e.score >= minScore);
  if (claims.length === 0) return () => false;
  if (claims.length <= FEW) {
    const inside = (offset: number) => claims.some((e) => offset >= e.start && offset < e.end);
    return (start, end) => inside(start) || inside(end - 1);
  }
  claims.sort((a, b) => a.start - b.start);
  // furthestEnd[k]: the furthest end among claims 0..k, so one look answers "does any claim that
  // starts at or before this offset reach past it?"
  const furthestEnd = new Array<number>(claims.length);
  let furthest = -1;
  for (let k = 0; k < claims.length; k++) furthestEnd[k] = furthest = Math.max(furthest, claims[k]!.end);
  const inside = (offset: number) => {
    const starting = countBefore(claims.length, (k) => claims[k]!.start <= offset);
    return starting > 0 && furthestEnd[starting - 1]! > offset;
  };
  return (start, end) => inside(start) || inside(end - 1);
}

/** Up to this many claims are scanned one by one. */
const FEW = 8;
