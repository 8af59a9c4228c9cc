import type { Entity } from './entity.js';

/**
 * Keeps a non-overlapping subset: higher score first, then the longer span, then the earlier
 * start, then the type name, so the outcome never depends on recognizer order. Occupancy is a
 * per-character map, so the cost is linear in the total length of the candidates.
 */
const SMALL = 16;

const byRank = (a: Entity, b: Entity): number =>
  b.score - a.score ||
  b.end - b.start - (a.end - a.start) ||
  a.start - b.start ||
  (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

const byStart = (a: Entity, b: Entity): number => a.start - b.start;

function overlapsAny(e: Entity, kept: readonly Entity[]): boolean {
  for (const k of kept) if (e.end > k.start && e.start < k.end) return true;
  return false;
}

export function resolveOverlaps(entities: readonly Entity[], textLength: number): Entity[] {
  if (entities.length <= 1) return [...entities];
  const ranked = [...entities].sort(byRank);
  const kept: Entity[] = [];
  // A message has a handful of candidates: pairwise checks beat a per-character map there.
  if (ranked.length <= SMALL) {
    for (const e of ranked) if (!overlapsAny(e, kept)) kept.push(e);
    return kept.sort(byStart);
  }
  const taken = new Uint8Array(textLength);
  for (const e of ranked) {
    let free = true;
    for (let i = e.start; i < e.end; i++) {
      if (taken[i] === 1) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, e.start, e.end);
    kept.push(e);
  }
  return kept.sort(byStart);
}
