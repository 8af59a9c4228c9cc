/**
 * Token-bucket limit on reveals per principal: `capacity` reveals at once, refilled at
 * `perMinute`. Time comes from an injected clock so the limits are testable without waiting.
 */
export interface RateLimitOptions {
  readonly capacity: number;
  readonly perMinute: number;
  readonly clock: () => number;
}

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  take(principal: string, cost: number): RateDecision {
    const now = this.options.clock();
    const perMs = this.options.perMinute / 60_000;
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
}
