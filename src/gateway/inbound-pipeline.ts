import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { backoffMs, defaultBackoff, type BackoffOptions } from './backoff.js';
import type { ChannelMessage, TenantMessage } from './channel-message.js';
import { CircuitBreaker, defaultBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import type {
  GatewayStore,
  InboxRecord,
  NewOutboxMessage,
  OutboxRecord,
  SecureSegment,
} from './gateway-store.js';
import type { GatewayTenant } from './gateway-tenant.js';
import { platformMessageFor } from './platform-message-builder.js';
import { keywordTrigger } from './secure-segment-triggers.js';
import type { OpenSegmentRequest } from './secure-segments.js';
import type { DeliveryOutcome, PlatformMessage } from './platform-message.js';
import { Semaphore } from './semaphore.js';
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
  | { readonly type: 'protect-failed'; readonly tenant: string; readonly id: string; readonly code: string }
  /** Protected media given up for good (digest mismatch, too large…): a failure notice went instead. */
  | { readonly type: 'media-failed'; readonly tenant: string; readonly id: string; readonly code: string };

export interface InboundPipelineOptions {
  readonly store: GatewayStore;
  readonly tenants: ReadonlyMap<string, GatewayTenant>;
  readonly protector: TextProtector;
  /** Opens a secure segment when a customer's text trips a keyword rule (no keyword rules without it). */
  readonly openSegment?: (
    tenant: string,
    customer: string,
    request: OpenSegmentRequest,
  ) => Promise<SecureSegment>;
  readonly clock?: () => number;
  readonly random?: () => number;
  /** Waits before a retry; resolves early when `signal` aborts (tests pass one that records and returns). */
  readonly delay?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Deliveries in flight at once, across conversations (default 64). */
  readonly maxInFlight?: number;
  /** Outbox rows held in memory, queued in lanes (default 10,000); the rest waits in the store. */
  readonly maxQueued?: number;
  /**
   * Several processes on one PostgreSQL database: a conversation is this process's to work on only
   * while `owns` says so (a lease on its bucket, see lease-keeper.ts); without it, everything is.
   */
  readonly ownership?: { owns(tenant: string, conversation: string): boolean };
  /** Looks for work this often even without a webhook (needed with several processes: another one may store). */
  readonly pollMs?: number;
  readonly batchSize?: number;
  readonly backoff?: BackoffOptions;
  readonly breaker?: CircuitBreakerOptions;
  readonly onEvent?: (event: GatewayEvent) => void;
}

interface Lane {
  readonly tenant: string;
  readonly conversation: string;
  readonly queue: OutboxRecord[];
}

/** An inbox row protected: its outbox message (null: nothing to deliver). */
interface ProtectedRow {
  readonly inboxSeq: number;
  readonly outbox: NewOutboxMessage | null;
}

/** A message with media waiting to be protected beside the passes. */
interface MediaRow {
  readonly key: string;
  readonly row: InboxRecord;
  readonly message: ChannelMessage;
  readonly maybeSecure: boolean;
  readonly config: string | undefined;
}

/** Messages with media protected at once, beside the passes (each may be downloading). */
const MAX_MEDIA_IN_FLIGHT = 8;
const MEDIA_RETRY_MS = 1_000;

/** Longest stretch of protection work before the event loop gets a turn. */
const YIELD_AFTER_MS = 2;

/** Outbox rows read per query. */
const OUTBOX_PAGE = 500;

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
 * with jitter, `Retry-After`, circuit breaker) before the next, while other conversations go on;
 * a semaphore bounds the deliveries in flight across lanes.
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
  /**
   * Rows this process finished, and whether their state is written yet. A read must not requeue
   * them: until the mark is written they still read as pending, and a page read that began before
   * it was written may still show them so. A written mark is forgotten when the next scan begins.
   */
  readonly #finished = new Map<number, 'marking' | 'marked'>();
  /** Every pending outbox row at or below this sequence number is queued in a lane or finished. */
  #cursor = 0;
  /**
   * Set when rows below the cursor may be pending again (buckets gained, rows given back); the next
   * pass starts from 0. A flag, not `#cursor = 0` at once: a pass reading meanwhile would move the
   * cursor on past the rows it has to find.
   */
  #readFromStart = false;
  readonly #toMark: number[] = [];
  /** Conversations whose head message (with media) is being protected beside the passes. */
  readonly #media = new Map<string, { readonly row: InboxRecord; readonly task: Promise<void> }>();
  /**
   * Media messages protected and waiting for the runner's next outbox write: the runner stays the
   * only writer of the outbox, so outbox rows become visible in sequence order (the cursor relies on it).
   */
  readonly #mediaReady: { readonly key: string; readonly done: ProtectedRow }[] = [];
  /** Conversations whose media protection failed, and when it may be tried again. */
  readonly #mediaRetryAt = new Map<string, number>();
  #flushing: Promise<void> | undefined;
  #saturated = false;
  readonly #inFlight: Semaphore;
  readonly #abort = new AbortController();
  #running: Promise<void> | undefined;
  #dirty = false;
  #closed = false;
  #retryTimer: NodeJS.Timeout | undefined;
  #poll: NodeJS.Timeout | undefined;
  #idleWaiters: Array<() => void> = [];

  constructor(options: InboundPipelineOptions) {
    this.#o = options;
    this.#clock = options.clock ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#delay = options.delay ?? abortableDelay;
    this.#inFlight = new Semaphore(options.maxInFlight ?? 64);
    // Every waiting lane listens for shutdown on this one signal.
    setMaxListeners(0, this.#abort.signal);
    if (options.pollMs !== undefined) {
      this.#poll = setInterval(() => this.kick(), options.pollMs);
      this.#poll.unref();
    }
  }

  /** True when this process may work on the conversation (always, without leases); the outbound worker shares it. */
  owns(tenant: string, conversation: string): boolean {
    return this.#mine(tenant, conversation);
  }

  #mine(tenant: string, conversation: string): boolean {
    return this.#o.ownership?.owns(tenant, conversation) ?? true;
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

  /** Reads the whole outbox again (buckets just gained may hold rows below the cursor). */
  rescan(): void {
    this.#readFromStart = true;
    this.kick();
  }

  /** True while a matching conversation has deliveries queued or in flight, or marks wait to be written. */
  busyWith(matches: (tenant: string, conversation: string) => boolean): boolean {
    if (this.#flushing || this.#toMark.length > 0) return true;
    for (const { row } of this.#media.values()) if (matches(row.tenant, row.conversation)) return true;
    for (const lane of this.#lanes.values()) if (matches(lane.tenant, lane.conversation)) return true;
    return false;
  }

  /**
   * Resolves when nothing is queued or in flight (for tests, benchmarks and shutdown); messages held
   * back because their protection failed may still wait in the inbox for their retry.
   */
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
    clearInterval(this.#poll);
    await this.#running;
    await Promise.allSettled([...this.#media.values()].map((m) => m.task));
    await Promise.allSettled([...this.#laneRuns]);
    await this.#flushing;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  #notifyIdle(): void {
    // A message held back by a failed protection waits on a timer and does not count as work.
    if (this.#running || this.#lanes.size > 0 || this.#flushing || this.#media.size > 0) return;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  async #run(): Promise<void> {
    while (this.#dirty && !this.#closed) {
      // One event-loop turn first: webhooks arriving together are then protected as one batch
      // (a handful of queries for the lot instead of per message).
      await new Promise((resolve) => setImmediate(resolve));
      this.#dirty = false;
      await this.#protectPending();
      await this.#scheduleDeliveries();
    }
  }

  /**
   * Protects pending inbox rows in arrival order. A row that cannot be protected stays in the inbox
   * (fail closed: nothing unprotected goes out) and holds back only its own conversation, whose later
   * rows must not overtake it; other conversations go on, and the row is tried again a second later.
   */
  async #protectPending(): Promise<void> {
    const batchSize = this.#o.batchSize ?? 128;
    const held = new Set<string>();
    // Conversations waiting behind their own media download: their later rows wait too, in order.
    const behindMedia = new Set<string>();
    let after = 0;
    for (;;) {
      if (this.#closed) return;
      const ready = this.#mediaReady.splice(0);
      const all = await this.#o.store.pendingInbox(batchSize, after).catch((error: unknown) => {
        this.#mediaReady.unshift(...ready);
        throw error;
      });
      if (all.length === 0 && ready.length === 0) break;
      if (all.length > 0) after = all[all.length - 1]!.seq;
      const rows = all.filter((r) => this.#mine(r.tenant, r.conversation));
      const done: ProtectedRow[] = ready.map((r) => r.done);
      // One query per batch and tenant finds the customers that may have a secure segment open.
      const secure = new Map<string, Set<string>>();
      // Likewise the conversations that chose their own encryption config (only where there is a choice).
      const chosen = new Map<string, Map<string, string>>();
      for (const tenant of new Set(rows.map((r) => r.tenant))) {
        const customers = rows.filter((r) => r.tenant === tenant).map((r) => r.conversation);
        secure.set(tenant, await this.#o.store.customersWithOpenSegments(tenant, customers));
        if ((this.#o.tenants.get(tenant)?.configs?.size ?? 0) > 1)
          chosen.set(tenant, await this.#o.store.conversationConfigs(tenant, customers));
      }
      const mediaRows: MediaRow[] = [];
      let slice = performance.now();
      for (const row of rows) {
        // On SQLite every await here settles at once (the driver is synchronous), so a page of rows
        // would run as one long task and every webhook and delivery would wait behind it: give the
        // event loop a turn every couple of milliseconds of work.
        if (performance.now() - slice > YIELD_AFTER_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
        const key = laneKey(row.tenant, row.conversation);
        if (held.has(key) || behindMedia.has(key)) continue;
        if (this.#media.has(key) || (this.#mediaRetryAt.get(key) ?? 0) > performance.now()) {
          behindMedia.add(key);
          continue;
        }
        const maybeSecure = secure.get(row.tenant)?.has(row.conversation) ?? false;
        const config = chosen.get(row.tenant)?.get(row.conversation);
        let message: ChannelMessage;
        try {
          message = JSON.parse(row.payload) as ChannelMessage;
          // A download can take seconds: it runs beside the pass, and only its own conversation waits.
          // It starts once this page's outbox write is done, so the messages before it go out first.
          if (message.media !== undefined) {
            behindMedia.add(key);
            if (this.#media.size + mediaRows.length < MAX_MEDIA_IN_FLIGHT)
              mediaRows.push({ key, row, message, maybeSecure, config });
            continue;
          }
          done.push({ inboxSeq: row.seq, outbox: await this.#protectRow(row, message, maybeSecure, config) });
        } catch (error) {
          held.add(key);
          this.#protectFailed(row, error);
        }
      }
      try {
        await this.#o.store.moveToOutbox(done);
      } catch (error) {
        this.#mediaReady.unshift(...ready);
        throw error;
      }
      // Their conversations' next messages may go now: another pass reads them.
      for (const { key } of ready) this.#media.delete(key);
      if (ready.length > 0) this.#dirty = true;
      for (const media of mediaRows) this.#protectMediaRow(media);
      // A short page was the end: rows stored since were announced by a kick, which runs another pass.
      if (all.length < batchSize) break;
    }
    if (held.size > 0) this.#retryLater(1_000);
  }

  #protectFailed(row: InboxRecord, error: unknown): void {
    const code = (error as { code?: unknown }).code;
    this.#o.onEvent?.({
      type: 'protect-failed',
      tenant: row.tenant,
      id: row.messageId,
      code: typeof code === 'string' ? code : 'unexpected',
    });
  }

  /**
   * Protects one message with media beside the passes; the next pass writes it to the outbox. Its
   * conversation's later rows stay in the inbox until then; a failure leaves the row pending, tried
   * again a second later, like any protection failure.
   */
  #protectMediaRow({ key, row, message, maybeSecure, config }: MediaRow): void {
    const task = (async () => {
      try {
        const outbox = await this.#protectRow(row, message, maybeSecure, config);
        this.#mediaRetryAt.delete(key);
        // The conversation stays held until the runner has written this to the outbox.
        this.#mediaReady.push({ key, done: { inboxSeq: row.seq, outbox } });
        this.kick();
      } catch (error) {
        // Not at once, even if other webhooks wake the worker meanwhile: the Graph API is not hammered.
        this.#mediaRetryAt.set(key, performance.now() + MEDIA_RETRY_MS);
        this.#media.delete(key);
        this.#protectFailed(row, error);
        this.#retryLater(MEDIA_RETRY_MS);
        this.#notifyIdle();
      }
    })();
    this.#media.set(key, { row, task });
  }

  async #protectRow(
    row: InboxRecord,
    channelMessage: ChannelMessage,
    maybeSecure: boolean,
    config: string | undefined,
  ): Promise<NewOutboxMessage | null> {
    const tenant = this.#o.tenants.get(row.tenant);
    if (!tenant) return null; // a tenant removed from the configuration: nothing to deliver to
    let segment = maybeSecure
      ? await this.#o.store.activeSegment(tenant.id, row.conversation, this.#clock())
      : undefined;
    const trigger =
      segment || !tenant.triggers || !this.#o.openSegment
        ? undefined
        : keywordTrigger(tenant.triggers, 'customer', channelMessage.text);
    // Opened before this message is protected: the message that tripped the rule is vaulted whole too.
    if (trigger) segment = await this.#o.openSegment!(tenant.id, row.conversation, trigger);
    const message = await platformMessageFor(channelMessage, tenant, {
      protector: this.#o.protector,
      secure: segment !== undefined,
      encryption: config === undefined ? undefined : tenant.configs?.get(config),
      pseudonym: (customer) => this.#o.store.pseudonymFor(tenant.id, customer, () => `veil-${randomUUID()}`),
    });
    if (segment) await this.#o.store.countSegmentMessage(segment.id, this.#clock());
    return {
      id: message.id,
      tenant: tenant.id,
      conversation: row.conversation,
      body: JSON.stringify(message),
      createdAt: this.#clock(),
    };
  }

  /**
   * Queues every pending outbox row (up to `maxQueued`) in its conversation's lane. New rows always
   * get higher sequence numbers, so a cursor remembers how far the outbox has been read and each
   * row is read once; the cursor goes back to 0 only when a lane gives rows back (store failure).
   */
  async #scheduleDeliveries(): Promise<void> {
    const maxQueued = this.#o.maxQueued ?? 10_000;
    for (const [seq, state] of this.#finished) if (state === 'marked') this.#finished.delete(seq);
    this.#saturated = false;
    if (this.#readFromStart) {
      this.#readFromStart = false;
      this.#cursor = 0;
    }
    while (!this.#closed) {
      if (this.#taken.size >= maxQueued) {
        this.#saturated = true;
        return;
      }
      const rows = await this.#o.store.pendingOutbox(OUTBOX_PAGE, this.#cursor);
      if (rows.length === 0) return;
      for (const row of rows) {
        this.#cursor = row.seq;
        if (this.#taken.has(row.seq) || this.#finished.has(row.seq)) continue;
        if (!this.#mine(row.tenant, row.conversation)) continue;
        this.#taken.add(row.seq);
        const key = laneKey(row.tenant, row.conversation);
        const lane = this.#lanes.get(key);
        if (lane) lane.queue.push(row);
        else this.#startLane(key, row);
      }
      // A short page was the end (outbox rows are written by this runner, or announced by a kick).
      if (rows.length < OUTBOX_PAGE) return;
    }
  }

  #startLane(key: string, first: OutboxRecord): void {
    const lane: Lane = { tenant: first.tenant, conversation: first.conversation, queue: [first] };
    this.#lanes.set(key, lane);
    const run = (async () => {
      for (let row = lane.queue.shift(); row && !this.#closed; row = lane.queue.shift()) {
        // A lease lost, lapsed or being handed back: the rest of the lane is the next owner's, in
        // order; should the lease come back, the rows are read again from the start.
        if (!this.#mine(row.tenant, row.conversation)) {
          lane.queue.unshift(row);
          this.#readFromStart = true;
          break;
        }
        await this.#deliver(row);
        this.#taken.delete(row.seq);
      }
    })()
      .catch(() => {
        // A store failure: the rows stay pending in the database; read them again from the start.
        this.#readFromStart = true;
      })
      .finally(() => {
        for (const row of lane.queue) this.#taken.delete(row.seq);
        this.#lanes.delete(key);
        this.#laneRuns.delete(run);
        // Rows left in the store (memory bound reached, or given back) need another read.
        if (!this.#closed && (this.#readFromStart || this.#saturated)) this.kick();
        else this.#notifyIdle();
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
      this.#finished.set(row.seq, 'marked');
      return;
    }
    const message = JSON.parse(row.body) as PlatformMessage;
    const breaker = this.#breaker(row.tenant);
    let attempts = row.attempts;
    // Retries stop when the lease goes: the row stays pending for the bucket's next owner.
    while (!this.#closed && this.#mine(row.tenant, row.conversation)) {
      const wait = breaker.waitMs();
      if (wait > 0) {
        await this.#delay(wait, this.#abort.signal);
        continue;
      }
      await this.#inFlight.acquire();
      let outcome: DeliveryOutcome;
      try {
        outcome = await tenant.platform.deliver(message);
      } finally {
        this.#inFlight.release();
      }
      attempts += 1;
      if (outcome.kind === 'delivered') {
        breaker.success();
        this.#markDelivered(row.seq);
        this.#o.onEvent?.({ type: 'delivered', tenant: row.tenant, id: row.id, attempts });
        return;
      }
      if (outcome.kind === 'rejected') {
        breaker.success(); // the platform answered: it is up
        await this.#o.store.markRejected(row.seq, this.#clock(), outcome.reason);
        this.#finished.set(row.seq, 'marked');
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

  /**
   * Deliveries are marked in batches (one UPDATE per event-loop turn, not one per message). A crash
   * before the flush only means a redelivery, which the stable message id makes harmless.
   */
  #markDelivered(seq: number): void {
    this.#toMark.push(seq);
    this.#finished.set(seq, 'marking');
    this.#flushing ??= (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      while (this.#toMark.length > 0) {
        const seqs = this.#toMark.splice(0);
        await this.#o.store.markDelivered(seqs, this.#clock()).catch(() => undefined);
        // Written, or failed and left pending: either way the next scan may read the row as it is.
        for (const done of seqs) this.#finished.set(done, 'marked');
      }
    })().finally(() => {
      this.#flushing = undefined;
      this.#notifyIdle();
    });
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
