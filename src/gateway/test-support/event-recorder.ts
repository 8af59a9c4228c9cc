import type { GatewayEvent } from '../inbound-pipeline.js';

/** Collects the pipeline's events and lets a test wait for one (no sleeping). */
export class EventRecorder {
  readonly events: GatewayEvent[] = [];
  #waiters: { predicate: (e: GatewayEvent) => boolean; resolve: (e: GatewayEvent) => void }[] = [];

  readonly onEvent = (event: GatewayEvent): void => {
    this.events.push(event);
    for (const waiter of [...this.#waiters]) {
      if (!waiter.predicate(event)) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  };

  waitFor(predicate: (e: GatewayEvent) => boolean): Promise<GatewayEvent> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ predicate, resolve }));
  }

  of<T extends GatewayEvent['type']>(type: T): Extract<GatewayEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<GatewayEvent, { type: T }> => e.type === type);
  }
}

/**
 * A retry delay the test controls: every requested wait is recorded; `instant` waits return at once,
 * otherwise they stay pending until `release()` (or the pipeline aborts them on close).
 */
export class ControlledDelay {
  readonly requested: number[] = [];
  /** A virtual clock that instant waits move forward (give `clock` to the pipeline). */
  now = Date.UTC(2026, 0, 1);
  readonly clock = (): number => this.now;
  #pending: (() => void)[] = [];

  constructor(public instant: boolean) {}

  readonly delay = (ms: number, signal: AbortSignal): Promise<void> => {
    this.requested.push(ms);
    if (this.instant) this.now += ms;
    if (this.instant || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.#pending.push(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  };

  release(): void {
    for (const resolve of this.#pending.splice(0)) resolve();
  }
}
