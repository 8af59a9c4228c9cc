import type { NewOutboxMessage } from './gateway-store.js';
import type { InboxRecord, OutboxRecord } from './gateway-store.js';

/** The buckets a process holds, each with the fencing epoch it got when it claimed the bucket. */
export type HeldLeases = ReadonlyMap<number, number>;

/** What a write must prove: the writer still holds these buckets at these epochs. */
export interface LeaseFence {
  readonly owner: string;
  readonly epochs: HeldLeases;
}

/**
 * Lease rows, one per bucket (owner, expiry, fencing epoch), and the live processes that share them.
 * Every call is one statement (or one short transaction): row locks, never table locks.
 */
export interface LeaseStore {
  /** Records this process as alive until `now + ttlMs`, forgets expired ones; returns the live ids, sorted. */
  heartbeat(owner: string, now: number, ttlMs: number): Promise<readonly string[]>;
  /** Extends every lease the owner still holds; returns those (a bucket taken over is no longer listed). */
  renew(owner: string, now: number, ttlMs: number): Promise<HeldLeases>;
  /** Takes up to `max` free or expired buckets, raising each one's epoch; returns what was taken. */
  claim(owner: string, now: number, ttlMs: number, max: number): Promise<HeldLeases>;
  /** Gives buckets back at once (rebalancing, shutdown), so another process need not wait for expiry. */
  release(owner: string, buckets: readonly number[]): Promise<void>;
  /** Removes the process from the live list (graceful shutdown). */
  leave(owner: string): Promise<void>;
  /**
   * On an embedded database, where one process works alone: forgets every other process and frees
   * their buckets at once, so a restart after a crash need not wait out the dead process's leases.
   * Their epochs rise when claimed again, so anything left of the old process is fenced out.
   */
  evictOthers(owner: string): Promise<void>;
}

/**
 * The gateway writes that only a bucket's lease holder may make, each checking the fence in the
 * same statement that writes (a paused old owner whose lease was taken over writes nothing).
 */
export interface FencedGatewayWrites {
  /** Pending inbox rows of these buckets (null: every bucket), oldest first. */
  pendingInbox(limit: number, afterSeq: number, buckets: readonly number[] | null): Promise<InboxRecord[]>;
  /** Pending outbox rows of these buckets (null: every bucket), oldest first. */
  pendingOutbox(limit: number, afterSeq: number, buckets: readonly number[] | null): Promise<OutboxRecord[]>;
  /** Like GatewayStore.moveToOutbox, for the inbox rows whose bucket the fence still holds; returns how many. */
  moveToOutbox(
    done: readonly { readonly inboxSeq: number; readonly outbox: NewOutboxMessage | null }[],
    fence: LeaseFence,
  ): Promise<number>;
  /** Like GatewayStore.markDelivered, for the rows whose bucket the fence still holds; returns how many. */
  markDelivered(seqs: readonly number[], at: number, fence: LeaseFence): Promise<number>;
}
