import { randomUUID } from 'node:crypto';
import { backoffMs, defaultBackoff, type BackoffOptions } from './backoff.js';
import type { TenantMessage } from './channel-message.js';
import { CircuitBreaker, defaultBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import type { GatewayStore, InboxRecord, NewOutboxMessage, OutboxRecord } from './gateway-store.js';
import type { GatewayTenant } from './gateway-tenant.js';
import { platformMessageFor } from './platform-message-builder.js';
import type { PlatformMessage } from './platform-message.js';
import type { TextProtector } from './text-protector.js';

export type GatewayEvent =
  | { readonly type: 'stored'; readonly count: number; readonly duplicates: number }
  | { readonly type: 'delivered'; readonly tenant: string; readonly id: string; readonly attempts: number }
  | {
      readonly type: 'retry';
      readonly tenant: string;
      readonly id: string;
      readonly delayMs: number;
      readonly reason: string;
    }
  | { readonly type: 'rejected'; readonly tenant: string; readonly id: string; readonly reason: string }
  | { readonly type: 'protect-failed'; readonly tenant: string; readonly id: string; readonly code: string };

export interface InboundPipelineOptions {
  readonly store: GatewayStore;
  readonly tenants: ReadonlyMap<string, GatewayTenant>;
  readonly protector: TextProtector;
  readonly clock?: () => number;
  readonly random?: () => number;
  /** Waits before a retry; resolves early when `signal` aborts (tests pass one that records and returns). */
  readonly delay?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Conversations delivered concurrently (default 64). */
  readonly maxLanes?: number;
  readonly batchSize?: number;
  readonly backoff?: BackoffOptions;
  readonly breaker?: CircuitBreakerOptions;
  readonly onEvent?: (event: GatewayEvent) => void;
}

interface Lane {
  readonly queue: OutboxRecord[];
}

const laneKey = (tenant: string, conversation: string): string => `${tenant}\n${conversation}`;

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/**
 * Customer → platform: inbox (durable, deduplicated) → protect → outbox → deliver.
 *
 * One runner moves inbox rows to the outbox in arrival order, then hands outbox rows to lanes, one
 * lane per conversation: a lane delivers its rows strictly in order, retrying the head (backoff
 * with jitter, `Retry-After`, circuit breaker) before the next, while other conversations go on.
 * Every step is written before the next begins, so a restart resumes from the store; the outbox
 * id (the channel's message id) is what the platform deduplicates on.
 */
export class InboundPipeline {
  readonly #o: InboundPipelineOptions;
  readonly #clock: () => number;
  readonly #random: () => number;
  readonly #delay: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly #breakers = new Map<string, CircuitBreaker>();
  readonly #lanes = new Map<string, Lane>();
  readonly #laneRuns = new Set<Promise<void>>();
  /** Outbox rows queued in a lane or being delivered. */
  readonly #taken = new Set<number>();
  /** Rows finished since the current scan began: a page read before they finished must not requeue them. */
  readonly #finished = new Set<number>();
  readonly #abort = new AbortController();
  #running: Promise<void> | undefined;
  #dirty = false;
  #closed = false;
  #retryTimer: NodeJS.Timeout | undefined;
  #idleWaiters: Array<() => void> = [];

  constructor(options: InboundPipelineOptions) {
    this.#o = options;
    this.#clock = options.clock ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#delay = options.delay ?? abortableDelay;
  }

  /** Stores messages durably (duplicates skipped), then wakes the worker. Resolves once stored. */
  async receive(messages: readonly TenantMessage[]): Promise<number> {
    const now = this.#clock();
    const added = await this.#o.store.addInbox(
      messages.map(({ tenant, message }) => ({
        tenant,
        messageId: message.id,
        conversation: message.customer,
        payload: JSON.stringify(message),
        receivedAt: now,
      })),
    );
    this.#o.onEvent?.({ type: 'stored', count: added, duplicates: messages.length - added });
    if (added > 0) this.kick();
    return added;
  }

  /** Looks for work (call once at start to replay what a previous run left). */
  kick(): void {
    if (this.#closed) return;
    this.#dirty = true;
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
      if (this.#dirty) this.kick();
      else this.#notifyIdle();
    });
  }

  /** Resolves when nothing is stored, queued or in flight (for tests, benchmarks and shutdown). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.#idleWaiters.push(resolve);
      this.#notifyIdle();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#abort.abort();
    clearTimeout(this.#retryTimer);
    await this.#running;
    await Promise.allSettled([...this.#laneRuns]);
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  #notifyIdle(): void {
    if (this.#running || this.#lanes.size > 0 || this.#retryTimer) return;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  async #run(): Promise<void> {
    while (this.#dirty && !this.#closed) {
      this.#dirty = false;
      await this.#protectPending();
      await this.#scheduleDeliveries();
    }
  }

  async #protectPending(): Promise<void> {
    const batchSize = this.#o.batchSize ?? 128;
    for (;;) {
      if (this.#closed) return;
      const rows = await this.#o.store.pendingInbox(batchSize);
      if (rows.length === 0) return;
      const done: { inboxSeq: number; outbox: NewOutboxMessage | null }[] = [];
      for (const row of rows) {
        try {
          done.push({ inboxSeq: row.seq, outbox: await this.#protectRow(row) });
        } catch (error) {
          // Fail closed: the row stays in the inbox, unforwarded, and is tried again later.
          const code = (error as { code?: unknown }).code;
          this.#o.onEvent?.({
            type: 'protect-failed',
            tenant: row.tenant,
            id: row.messageId,
            code: typeof code === 'string' ? code : 'unexpected',
          });
          break;
        }
      }
      await this.#o.store.moveToOutbox(done);
      if (done.length < rows.length) {
        this.#retryLater(1_000);
        return;
      }
    }
  }

  async #protectRow(row: InboxRecord): Promise<NewOutboxMessage | null> {
    const tenant = this.#o.tenants.get(row.tenant);
    if (!tenant) return null; // a tenant removed from the configuration: nothing to deliver to
    const message = await platformMessageFor(JSON.parse(row.payload), tenant, {
      protector: this.#o.protector,
      pseudonym: (customer) => this.#o.store.pseudonymFor(tenant.id, customer, () => `veil-${randomUUID()}`),
    });
    return {
      id: message.id,
      tenant: tenant.id,
      conversation: row.conversation,
      body: JSON.stringify(message),
      createdAt: this.#clock(),
    };
  }

  async #scheduleDeliveries(): Promise<void> {
    const maxLanes = this.#o.maxLanes ?? 64;
    this.#finished.clear();
    // Conversations with no free lane this scan: none of their later rows may overtake them.
    const waiting = new Set<string>();
    let after = 0;
    while (!this.#closed) {
      const rows = await this.#o.store.pendingOutbox(1_000, after);
      if (rows.length === 0) return;
      for (const row of rows) {
        after = row.seq;
        if (this.#taken.has(row.seq) || this.#finished.has(row.seq)) continue;
        const key = laneKey(row.tenant, row.conversation);
        const lane = this.#lanes.get(key);
        if (waiting.has(key)) continue;
        if (lane) {
          lane.queue.push(row);
          this.#taken.add(row.seq);
        } else if (this.#lanes.size < maxLanes) {
          this.#taken.add(row.seq);
          this.#startLane(key, row);
        } else {
          // Every lane busy: this conversation waits for one to finish (which kicks the runner again).
          waiting.add(key);
        }
      }
    }
  }

  #startLane(key: string, first: OutboxRecord): void {
    const lane: Lane = { queue: [first] };
    this.#lanes.set(key, lane);
    const run = (async () => {
      for (let row = lane.queue.shift(); row && !this.#closed; row = lane.queue.shift()) {
        await this.#deliver(row);
        this.#finished.add(row.seq);
        this.#taken.delete(row.seq);
      }
    })()
      .catch(() => undefined) // a store failure: the rows stay pending and are picked up again
      .finally(() => {
        for (const row of lane.queue) this.#taken.delete(row.seq);
        this.#lanes.delete(key);
        this.#laneRuns.delete(run);
        if (!this.#closed) this.kick();
      });
    this.#laneRuns.add(run);
  }

  #breaker(tenant: string): CircuitBreaker {
    let breaker = this.#breakers.get(tenant);
    if (!breaker) {
      breaker = new CircuitBreaker(this.#o.breaker ?? defaultBreaker, this.#clock);
      this.#breakers.set(tenant, breaker);
    }
    return breaker;
  }

  async #deliver(row: OutboxRecord): Promise<void> {
    const tenant = this.#o.tenants.get(row.tenant);
    if (!tenant) {
      await this.#o.store.markRejected(row.seq, this.#clock(), 'unknown tenant');
      return;
    }
    const message = JSON.parse(row.body) as PlatformMessage;
    const breaker = this.#breaker(row.tenant);
    let attempts = row.attempts;
    while (!this.#closed) {
      const wait = breaker.waitMs();
      if (wait > 0) {
        await this.#delay(wait, this.#abort.signal);
        continue;
      }
      const outcome = await tenant.platform.deliver(message);
      attempts += 1;
      if (outcome.kind === 'delivered') {
        breaker.success();
        await this.#o.store.markDelivered(row.seq, this.#clock());
        this.#o.onEvent?.({ type: 'delivered', tenant: row.tenant, id: row.id, attempts });
        return;
      }
      if (outcome.kind === 'rejected') {
        breaker.success(); // the platform answered: it is up
        await this.#o.store.markRejected(row.seq, this.#clock(), outcome.reason);
        this.#o.onEvent?.({ type: 'rejected', tenant: row.tenant, id: row.id, reason: outcome.reason });
        return;
      }
      // A 429 says "later", not "down": it sets the delay but does not trip the breaker.
      if (outcome.retryAfterMs === undefined) breaker.failure();
      const delayMs =
        outcome.retryAfterMs ?? backoffMs(attempts, this.#o.backoff ?? defaultBackoff, this.#random);
      await this.#o.store.markRetry(row.seq, attempts, this.#clock() + delayMs, outcome.reason);
      this.#o.onEvent?.({ type: 'retry', tenant: row.tenant, id: row.id, delayMs, reason: outcome.reason });
      await this.#delay(delayMs, this.#abort.signal);
    }
  }

  #retryLater(ms: number): void {
    if (this.#retryTimer || this.#closed) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.kick();
    }, ms);
    this.#retryTimer.unref();
  }
}
