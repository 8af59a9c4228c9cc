import { randomUUID } from 'node:crypto';
import { HttpPoster } from './http-post.js';

/**
 * Delivers signed webhook bodies to a callback with the vendor's retry behaviour. The body bytes
 * are fixed at enqueue time, so every retry and duplicate carries exactly the signed bytes.
 */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  readonly maxAttempts: number;
  /** Wait before the first retry (Meta retries "immediately": 0). */
  readonly firstRetryDelayMs: number;
  /** Wait before the second retry; each later wait grows by `backoffFactor`, capped at `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly backoffFactor: number;
  readonly maxDelayMs: number;
  /** Per-attempt timeout; a timeout counts as a failed attempt. */
  readonly timeoutMs: number;
}

export interface ResponseJudge {
  /** The callback took the delivery. */
  accepted(status: number): boolean;
  /** A failure that the vendor retries (others end the delivery at once). */
  retryable(status: number): boolean;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface DeliveryAttempt {
  readonly at: string;
  readonly status?: number;
  readonly error?: string;
}

export interface DeliveryRecord {
  readonly id: string;
  readonly kind: string;
  readonly url: string;
  readonly orderKey?: string;
  /** Set on deliberate duplicate deliveries: the id of the delivery repeated. */
  readonly duplicateOf?: string;
  state: DeliveryState;
  readonly attempts: DeliveryAttempt[];
  readonly body: string;
}

export type DeliveryEvent =
  | { readonly type: 'webhook.attempt'; readonly delivery: DeliveryRecord; readonly attempt: DeliveryAttempt }
  | { readonly type: 'webhook.delivered'; readonly delivery: DeliveryRecord }
  | { readonly type: 'webhook.failed'; readonly delivery: DeliveryRecord };

export interface DeliveryRequest {
  readonly kind: string;
  readonly url: string;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  /** Deliveries sharing a key are made one after another (a conversation's order); others run concurrently. */
  readonly orderKey?: string;
  /** How many extra identical deliveries to make after the first success. */
  readonly duplicates?: number;
}

/** Wait before retry number `retry` (1-based). */
export function retryDelayMs(policy: RetryPolicy, retry: number): number {
  if (retry <= 1) return policy.firstRetryDelayMs;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.backoffFactor ** (retry - 2));
}

export class WebhookDeliverer {
  private readonly records: DeliveryRecord[] = [];
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waits = new Set<() => void>();
  private readonly poster = new HttpPoster();
  private closed = false;
  /** Records kept for `/__sim/webhooks`; older ones are dropped in long runs. */
  private readonly historyLimit = 10_000;

  constructor(
    private readonly policy: () => RetryPolicy,
    private readonly judge: ResponseJudge,
    private readonly onEvent: (event: DeliveryEvent) => void,
  ) {}

  list(): readonly DeliveryRecord[] {
    return this.records;
  }

  enqueue(request: DeliveryRequest, duplicateOf?: string): DeliveryRecord {
    const record: DeliveryRecord = {
      id: randomUUID(),
      kind: request.kind,
      url: request.url,
      ...(request.orderKey === undefined ? {} : { orderKey: request.orderKey }),
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
      state: 'pending',
      attempts: [],
      body: request.body.toString('utf8'),
    };
    this.records.push(record);
    if (this.records.length > this.historyLimit)
      this.records.splice(0, this.records.length - this.historyLimit);
    const run = async (): Promise<void> => {
      await this.deliver(record, request);
      const duplicates = request.duplicates ?? 0;
      if (record.state === 'delivered' && duplicates > 0 && !this.closed) {
        this.enqueue({ ...request, duplicates: duplicates - 1 }, duplicateOf ?? record.id);
      }
    };
    const key = request.orderKey;
    const previous = key === undefined ? Promise.resolve() : (this.chains.get(key) ?? Promise.resolve());
    const task = previous.then(run, run);
    if (key !== undefined) {
      this.chains.set(key, task);
      void task.then(() => {
        if (this.chains.get(key) === task) this.chains.delete(key);
      });
    }
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
    return record;
  }

  /** Resolves when nothing is pending (deliveries enqueued meanwhile included). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Forgets history; deliveries in progress carry on. */
  clear(): void {
    this.records.length = 0;
  }

  /** Stops retries and aborts requests in flight. */
  async close(): Promise<void> {
    this.closed = true;
    this.poster.close();
    for (const wake of this.waits) wake();
    await Promise.allSettled([...this.inFlight]);
  }

  private async deliver(record: DeliveryRecord, request: DeliveryRequest): Promise<void> {
    const policy = this.policy();
    for (let attemptNumber = 1; attemptNumber <= policy.maxAttempts && !this.closed; attemptNumber += 1) {
      if (attemptNumber > 1) await this.wait(retryDelayMs(policy, attemptNumber - 1));
      if (this.closed) break;
      const attempt = await this.attempt(request, policy.timeoutMs);
      record.attempts.push(attempt);
      this.onEvent({ type: 'webhook.attempt', delivery: record, attempt });
      if (attempt.status !== undefined && this.judge.accepted(attempt.status)) {
        record.state = 'delivered';
        this.onEvent({ type: 'webhook.delivered', delivery: record });
        return;
      }
      if (attempt.status !== undefined && !this.judge.retryable(attempt.status)) break;
    }
    record.state = 'failed';
    this.onEvent({ type: 'webhook.failed', delivery: record });
  }

  private async attempt(request: DeliveryRequest, timeoutMs: number): Promise<DeliveryAttempt> {
    const at = new Date().toISOString();
    const outcome = await this.poster.post(
      request.url,
      request.body,
      { 'content-type': 'application/json', ...request.headers },
      timeoutMs,
    );
    return outcome.status !== undefined
      ? { at, status: outcome.status }
      : { at, error: outcome.error ?? 'error' };
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waits.add(wake);
    });
  }
}
