import { randomUUID } from 'node:crypto';
import { bucketOf, LEASE_BUCKETS } from './lease-buckets.js';
import type { HeldLeases, LeaseFence, LeaseStore } from './lease-store.js';

export interface LeaseKeeperOptions {
  readonly store: LeaseStore;
  /** This process's id in the lease table (default: a random UUID per start). */
  readonly owner?: string;
  /** How long a lease lives without renewal (default 15 s): how long a dead process's work waits. */
  readonly ttlMs?: number;
  /** Runs `tick()` this often (default a third of the TTL); 0 turns the timer off (tests call tick). */
  readonly heartbeatMs?: number;
  readonly clock?: () => number;
  /** True while the process still has work in flight for the bucket (it is released only once idle). */
  readonly busy?: (bucket: number) => boolean;
  /** Buckets just gained: their pending rows are this process's to read now. */
  readonly onGained?: (buckets: readonly number[]) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Keeps this process's share of the conversation buckets. Each tick: heartbeat (how many processes
 * are alive), renew the leases held, give back buckets beyond a fair share (buckets ÷ processes,
 * the remainder going to the first ones by id) once idle, and claim free or expired ones up to that share. A process that stops renewing loses
 * its buckets after the TTL and the others take them over.
 *
 * A lease is trusted locally only until a fifth of the TTL before it expires in the table, so a
 * process that cannot renew (database unreachable, paused) stops delivering before anyone else may
 * claim; the fencing epoch catches what a pause longer than that still lets through.
 */
export class LeaseKeeper {
  readonly owner: string;
  readonly #o: LeaseKeeperOptions;
  readonly #ttlMs: number;
  readonly #clock: () => number;
  #held: HeldLeases = new Map();
  /** Buckets being handed back: no new work starts in them. */
  readonly #releasing = new Set<number>();
  #validUntil = 0;
  #alive = 1;
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<void> | undefined;
  #stopped = false;

  constructor(options: LeaseKeeperOptions) {
    this.#o = options;
    this.owner = options.owner ?? randomUUID();
    this.#ttlMs = options.ttlMs ?? 15_000;
    this.#clock = options.clock ?? Date.now;
    const every = options.heartbeatMs ?? Math.floor(this.#ttlMs / 3);
    if (every > 0) {
      this.#timer = setInterval(() => void this.tick().catch((e: unknown) => options.onError?.(e)), every);
      this.#timer.unref();
    }
  }

  /** True while this process may start work on the conversation. */
  owns(tenant: string, conversation: string): boolean {
    return this.ownsBucket(bucketOf(tenant, conversation));
  }

  ownsBucket(bucket: number): boolean {
    return this.#held.has(bucket) && !this.#releasing.has(bucket) && this.#clock() < this.#validUntil;
  }

  /** The buckets this process may work on now; null means all of them (no filter needed). */
  workable(): number[] | null {
    if (this.#clock() >= this.#validUntil) return [];
    const buckets = [...this.#held.keys()].filter((b) => !this.#releasing.has(b));
    return buckets.length === LEASE_BUCKETS ? null : buckets;
  }

  /** What a fenced write presents: the epochs this process believes it holds. */
  fence(): LeaseFence {
    return { owner: this.owner, epochs: this.#held };
  }

  /** How many processes were alive at the last heartbeat, and how many buckets this one holds. */
  status(): { readonly alive: number; readonly held: number } {
    return { alive: this.#alive, held: this.#held.size };
  }

  /** One round of heartbeat, renewal, rebalancing; concurrent calls share the round in progress. */
  tick(): Promise<void> {
    this.#ticking ??= this.#tick().finally(() => (this.#ticking = undefined));
    return this.#ticking;
  }

  async #tick(): Promise<void> {
    if (this.#stopped) return;
    const store = this.#o.store;
    const now = this.#clock();
    const alive = await store.heartbeat(this.owner, now, this.#ttlMs);
    this.#alive = Math.max(1, alive.length);
    const rank = Math.max(0, alive.indexOf(this.owner));
    const held = new Map(await store.renew(this.owner, now, this.#ttlMs));
    // Leases that had lapsed locally (a stalled process or database) and were renewed are work to
    // pick up again, like buckets just gained.
    const lapsed = now >= this.#validUntil ? [...held.keys()] : [];
    this.#validUntil = now + this.#ttlMs - Math.floor(this.#ttlMs / 5);

    const fair = Math.floor(LEASE_BUCKETS / this.#alive) + (rank < LEASE_BUCKETS % this.#alive ? 1 : 0);
    // Buckets beyond the fair share are handed back, highest first, so processes converge on
    // disjoint ranges instead of trading the same buckets back and forth.
    const extra = held.size - fair;
    this.#releasing.clear();
    if (extra > 0)
      for (const b of [...held.keys()].sort((x, y) => y - x).slice(0, extra)) this.#releasing.add(b);
    const idle = [...this.#releasing].filter((b) => !(this.#o.busy?.(b) ?? false));
    if (idle.length > 0) {
      await store.release(this.owner, idle);
      for (const bucket of idle) {
        held.delete(bucket);
        this.#releasing.delete(bucket);
      }
    }

    let gained: number[] = [];
    if (held.size < fair) {
      const claimed = await store.claim(this.owner, now, this.#ttlMs, fair - held.size);
      for (const [bucket, epoch] of claimed) held.set(bucket, epoch);
      gained = [...claimed.keys()];
    }
    this.#held = held;
    gained.push(...lapsed.filter((b) => held.has(b)));
    if (gained.length > 0) this.#o.onGained?.(gained);
  }

  /** Stops renewing; with `release` (graceful shutdown) hands every bucket back at once. */
  async stop(options: { readonly release: boolean }): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#ticking?.catch(() => undefined);
    if (options.release) {
      await this.#o.store.release(this.owner, [...this.#held.keys()]);
      await this.#o.store.leave(this.owner);
    }
    this.#held = new Map();
  }
}
