/**
 * Token-bucket limit on reveals per principal: `capacity` reveals at once, refilled at
 * `perMinute`. Time comes from an injected clock so the limits are testable without waiting.
 */
export interface RateLimitOptions {
  readonly capacity: number;
  readonly perMinute: number;
  readonly clock: () => number;
}

/** Above this many principals, full buckets are dropped so memory stays bounded. */
const MAX_TRACKED = 10_000;

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  take(principal: string, cost: number): RateDecision {
    const now = this.options.clock();
    const perMs = this.options.perMinute / 60_000;
    if (this.buckets.size >= MAX_TRACKED && !this.buckets.has(principal)) this.prune(now, perMs);
    const bucket = this.buckets.get(principal) ?? { tokens: this.options.capacity, at: now };
    bucket.tokens = Math.min(this.options.capacity, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(principal, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    const missing = cost - bucket.tokens;
    return { ok: false, retryAfterSeconds: perMs > 0 ? Math.ceil(missing / perMs / 1000) : Infinity };
  }

  /** Forgets principals whose bucket has refilled: they would start full anyway. */
  private prune(now: number, perMs: number): void {
    for (const [principal, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= this.options.capacity) this.buckets.delete(principal);
    }
  }

  /** Principals currently tracked (for tests and metrics). */
  get tracked(): number {
    return this.buckets.size;
  }
}
