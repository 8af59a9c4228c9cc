/**
 * How many items of a sorted list come before a point, found by halving: `before(i)` is true for a
 * prefix of the indexes 0..count-1 and false after it. Lookups over a message's words, runs, cues
 * and entities use it so that a long text with many of them stays linear overall.
 */
export function countBefore(count: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
