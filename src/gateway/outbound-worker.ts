import { backoffMs, defaultBackoff, type BackoffOptions } from './backoff.js';
import type { GatewayStore, OutboundJob } from './gateway-store.js';

export type JobOutcome =
  | { readonly kind: 'done' }
  /** Worth trying again (429, 5xx, network); `retryAfterMs` when the other side said when. */
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number | undefined }
  /** Cannot succeed (the handler has already reported it). */
  | { readonly kind: 'failed'; readonly reason: string };

export interface JobHandler {
  run(job: OutboundJob): Promise<JobOutcome>;
  /** Called once when a job has used up its attempts (e.g. a `Failed` receipt for a message). */
  giveUp(job: OutboundJob, reason: string): Promise<void>;
}

export interface OutboundWorkerOptions {
  readonly store: GatewayStore;
  readonly handlers: Readonly<Record<OutboundJob['kind'], JobHandler>>;
  /** True when this process works the lane (shards: one process per lane keeps its order). */
  readonly owns?: (tenant: string, lane: string) => boolean;
  readonly clock?: () => number;
  readonly random?: () => number;
  readonly backoff?: BackoffOptions;
  /** Attempts before giving up (default 10: about four minutes with the default backoff). */
  readonly maxAttempts?: number;
  /** Lanes worked at once (default 16); each works its jobs one at a time, in order. */
  readonly concurrency?: number;
  /** Looks for work this often even without a kick (needed with shards: another process stores). */
  readonly pollMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Works the outbound jobs (platform → channel messages, receipts back to the platform) from the
 * store: each lane's head runs alone, so a customer's messages go in order, and a head waiting for its
 * retry holds back only its own lane. Each step is written before the next, so a restart resumes
 * from the store. Delivery to the channel is at-least-once: a crash between the channel's answer and
 * the store's update resends that one message.
 */
export class OutboundWorker {
  readonly #o: OutboundWorkerOptions;
  readonly #clock: () => number;
  #running: Promise<void> | undefined;
  #dirty = false;
  #closed = false;
  #timer: NodeJS.Timeout | undefined;
  #poll: NodeJS.Timeout | undefined;
  #idleWaiters: Array<() => void> = [];
  /** Jobs being run now: a lease on their lane is not handed back until they finish. */
  readonly #working = new Set<OutboundJob>();

  constructor(options: OutboundWorkerOptions) {
    this.#o = options;
    this.#clock = options.clock ?? Date.now;
    if (options.pollMs !== undefined) {
      this.#poll = setInterval(() => this.kick(), options.pollMs);
      this.#poll.unref();
    }
  }

  kick(): void {
    if (this.#closed) return;
    this.#dirty = true;
    this.#running ??= this.#run()
      .catch((error: unknown) => {
        // A store failure: the jobs stay pending; look again shortly.
        this.#o.onError?.(error);
        this.#wakeIn(1_000);
      })
      .finally(() => {
        this.#running = undefined;
        if (this.#dirty) this.kick();
        else for (const resolve of this.#idleWaiters.splice(0)) resolve();
      });
  }

  /** True while a job of a matching lane is running (lease hand-over waits for it). */
  busyWith(matches: (tenant: string, lane: string) => boolean): boolean {
    for (const job of this.#working) if (matches(job.tenant, job.lane)) return true;
    return false;
  }

  /** Resolves when no job is ready to run (jobs waiting for a retry may remain). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.#running) return resolve();
      this.#idleWaiters.push(resolve);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    clearInterval(this.#poll);
    await this.#running;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  async #run(): Promise<void> {
    while (this.#dirty && !this.#closed) {
      this.#dirty = false;
      const now = this.#clock();
      // Every pending job, by lane, oldest first: one read serves many jobs of each lane.
      const lanes = new Map<string, OutboundJob[]>();
      for (let after = 0; ;) {
        const page = await this.#o.store.pendingOutboundJobs(500, after);
        for (const job of page) {
          if (this.#o.owns && !this.#o.owns(job.tenant, job.lane)) continue;
          const lane = `${job.tenant}\n${job.kind}\n${job.lane}`;
          const jobs = lanes.get(lane);
          if (jobs) jobs.push(job);
          else lanes.set(lane, [job]);
        }
        if (page.length < 500) break;
        after = page[page.length - 1]!.seq;
      }
      let wakeAt = Infinity;
      const ready: OutboundJob[][] = [];
      for (const jobs of lanes.values()) {
        if (jobs[0]!.nextAttemptAt <= now) ready.push(jobs);
        else wakeAt = Math.min(wakeAt, jobs[0]!.nextAttemptAt);
      }
      // A pool of lane workers: each takes a lane and works its jobs in order until one must wait.
      let next = 0;
      const workLanes = async (): Promise<void> => {
        while (next < ready.length && !this.#closed) {
          const jobs = ready[next++]!;
          for (const job of jobs) {
            if (this.#closed) return;
            // A lease handed over during the pass: the lane's remaining jobs are another process's now.
            if (this.#o.owns && !this.#o.owns(job.tenant, job.lane)) break;
            const retryAt = await this.#work(job);
            if (retryAt !== undefined) {
              wakeAt = Math.min(wakeAt, retryAt);
              break;
            }
          }
        }
      };
      const concurrency = Math.min(this.#o.concurrency ?? 16, ready.length);
      await Promise.all(Array.from({ length: concurrency }, workLanes));
      if (wakeAt !== Infinity) this.#wakeIn(wakeAt - this.#clock());
    }
  }

  /** Runs one job; returns when to try it again if it must wait, undefined when it is finished. */
  async #work(job: OutboundJob): Promise<number | undefined> {
    this.#working.add(job);
    try {
      return await this.#workOn(job);
    } finally {
      this.#working.delete(job);
    }
  }

  async #workOn(job: OutboundJob): Promise<number | undefined> {
    const handler = this.#o.handlers[job.kind];
    let outcome: JobOutcome;
    try {
      outcome = await handler.run(job);
    } catch (error) {
      this.#o.onError?.(error);
      outcome = { kind: 'retry', reason: 'unexpected error' };
    }
    const now = this.#clock();
    if (outcome.kind !== 'retry') {
      await this.#o.store.finishOutboundJob(
        job.seq,
        outcome.kind === 'done' ? 'done' : 'failed',
        now,
        outcome.kind === 'failed' ? outcome.reason : null,
      );
      return undefined;
    }
    const attempts = job.attempts + 1;
    if (attempts >= (this.#o.maxAttempts ?? 10)) {
      await handler.giveUp(job, outcome.reason);
      await this.#o.store.finishOutboundJob(job.seq, 'failed', now, `gave up: ${outcome.reason}`);
      return undefined;
    }
    const delayMs =
      outcome.retryAfterMs ??
      backoffMs(attempts, this.#o.backoff ?? defaultBackoff, this.#o.random ?? Math.random);
    await this.#o.store.retryOutboundJob(job.seq, attempts, now + delayMs, outcome.reason);
    return now + delayMs;
  }

  #wakeIn(ms: number): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.kick(), Math.max(ms, 0));
    this.#timer.unref();
  }
}
