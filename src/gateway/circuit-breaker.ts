/**
 * A circuit breaker per platform: after `threshold` consecutive failures (5xx, network) the
 * circuit opens and callers wait `cooldownMs` before one more try (half-open); a success closes it,
 * another failure reopens it. It keeps a failing platform from being hammered by every conversation.
 */
export interface CircuitBreakerOptions {
  readonly threshold: number;
  readonly cooldownMs: number;
}

export const defaultBreaker: CircuitBreakerOptions = { threshold: 5, cooldownMs: 5_000 };

export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;

  constructor(
    private readonly options: CircuitBreakerOptions,
    private readonly clock: () => number,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.#failures < this.options.threshold) return 'closed';
    return this.clock() < this.#openUntil ? 'open' : 'half-open';
  }

  /** How long a caller should wait before trying; 0 when it may go now. */
  waitMs(): number {
    return this.state === 'open' ? this.#openUntil - this.clock() : 0;
  }

  success(): void {
    this.#failures = 0;
    this.#openUntil = 0;
  }

  failure(): void {
    this.#failures += 1;
    if (this.#failures >= this.options.threshold) this.#openUntil = this.clock() + this.options.cooldownMs;
  }
}
