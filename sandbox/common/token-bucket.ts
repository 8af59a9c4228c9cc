/**
 * A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. Used for the
 * vendors' throughput limits (Meta's 80 messages/s per number, the per-user pair limit,
 * Genesys' 300 requests/minute per token).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes one token if available; otherwise returns the seconds until one is. */
  take(now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    const missing = 1 - this.tokens;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / this.refillPerSecond)) };
  }
}

/** Buckets keyed by a string (a recipient, a token), created on first use. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {}

  take(key: string, now: number): ReturnType<TokenBucket['take']> {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.capacity, this.refillPerSecond, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now);
  }

  reset(): void {
    this.buckets.clear();
  }
}
