/**
 * Conversations are grouped into a fixed number of buckets; a process delivers a conversation only
 * while it holds the lease on the conversation's bucket. A fixed, small number keeps the lease table
 * bounded (one row per bucket, not per conversation) and still splits the work finely enough between
 * a handful of processes.
 */
export const LEASE_BUCKETS = 64;

/** FNV-1a, 32 bits: stable across processes and versions (stored with every inbox and outbox row). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The bucket of one conversation (one customer of one tenant). */
export function bucketOf(tenant: string, conversation: string): number {
  return fnv1a(`${tenant}\n${conversation}`) % LEASE_BUCKETS;
}
