/**
 * An in-memory event log with a promise-based wait, so tests await what a simulator did
 * (a webhook delivered, a template reviewed) instead of sleeping.
 */
export interface SimEvent {
  readonly type: string;
}

type Listener<E> = (event: E) => void;

export interface WaitOptions {
  /** Only events at or after this index count (see `mark()`); default: the whole log since reset. */
  readonly since?: number;
  /** Reject after this long (default 10 s) so a broken expectation fails instead of hanging. */
  readonly timeoutMs?: number;
}

export class SimEvents<E extends SimEvent> {
  private log: E[] = [];
  /** Events trimmed from the front to bound memory in long runs (benchmarks, demos). */
  private dropped = 0;
  private readonly listeners = new Set<Listener<E>>();

  constructor(private readonly limit = 50_000) {}

  emit(event: E): void {
    this.log.push(event);
    // Trim in batches of a tenth of the limit so a long run does not pay an O(n) splice per event.
    if (this.log.length > this.limit + Math.ceil(this.limit / 10)) {
      const excess = this.log.length - this.limit;
      this.log.splice(0, excess);
      this.dropped += excess;
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  /** The retained events (the most recent `limit`), oldest first. */
  all(): readonly E[] {
    return this.log;
  }

  /** Position of the next event; pass as `since` to wait only for what happens after now. */
  mark(): number {
    return this.dropped + this.log.length;
  }

  private from(since: number | undefined): E[] {
    return this.log.slice(Math.max(0, (since ?? 0) - this.dropped));
  }

  on(listener: Listener<E>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first matching event already logged (from `since`) or emitted later. */
  waitFor<T extends E>(predicate: (event: E) => event is T, options?: WaitOptions): Promise<T>;
  waitFor(predicate: (event: E) => boolean, options?: WaitOptions): Promise<E>;
  waitFor(predicate: (event: E) => boolean, options: WaitOptions = {}): Promise<E> {
    const found = this.from(options.since).find(predicate);
    if (found) return Promise.resolve(found);
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`simulator event not seen within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.on((event) => {
        if (!predicate(event)) return;
        clearTimeout(timer);
        off();
        resolve(event);
      });
    });
  }

  /** Resolves once `count` matching events exist (from `since`); returns them. */
  async waitForCount(
    predicate: (event: E) => boolean,
    count: number,
    options: WaitOptions = {},
  ): Promise<E[]> {
    const matching = (): E[] => this.from(options.since).filter(predicate);
    if (matching().length >= count) return matching();
    await this.waitFor((event) => predicate(event) && matching().length >= count, {
      ...options,
      since: this.mark(),
    });
    return matching();
  }

  reset(): void {
    this.dropped += this.log.length;
    this.log = [];
  }
}
