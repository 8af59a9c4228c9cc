/**
 * Deletes expired tokens in the background, a bounded batch per tick so a large backlog never
 * holds the database for long. Timers are injected so tests drive ticks directly.
 */
export interface SweeperTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface ExpirySweeperOptions {
  readonly sweep: (limit: number) => Promise<number>;
  readonly intervalMs: number;
  readonly batch?: number;
  readonly timers?: SweeperTimers;
  /** Told about failures (never values): the next tick tries again. */
  readonly onError?: (error: unknown) => void;
}

export class ExpirySweeper {
  private handle: unknown;
  private running: Promise<number> | undefined;
  private readonly timers: SweeperTimers;

  constructor(private readonly options: ExpirySweeperOptions) {
    this.timers = options.timers ?? {
      setInterval: (fn, ms) => {
        const h = setInterval(fn, ms);
        h.unref?.();
        return h;
      },
      clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    };
  }

  start(): void {
    if (this.handle !== undefined) return;
    this.handle = this.timers.setInterval(() => void this.tick(), this.options.intervalMs);
  }

  /** One tick: sweeps until a batch comes back short; overlapping ticks share the running sweep. */
  tick(): Promise<number> {
    this.running ??= (async () => {
      const batch = this.options.batch ?? 1000;
      let total = 0;
      try {
        for (;;) {
          const n = await this.options.sweep(batch);
          total += n;
          if (n < batch) break;
        }
      } catch (error) {
        this.options.onError?.(error);
      } finally {
        this.running = undefined;
      }
      return total;
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.handle !== undefined) this.timers.clearInterval(this.handle);
    this.handle = undefined;
    await this.running;
  }
}
