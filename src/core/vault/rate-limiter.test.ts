import { describe, it, expect } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows the burst, refuses beyond it with a retry time, and refills with the clock', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ capacity: 10, perMinute: 60, clock: () => now });
    expect(limiter.take('alice', 10)).toEqual({ ok: true });
    expect(limiter.take('alice', 1)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('bob', 5)).toEqual({ ok: true });
    now += 3_000;
    expect(limiter.take('alice', 3)).toEqual({ ok: true });
    expect(limiter.take('alice', 1).ok).toBe(false);
  });

  it('keeps memory bounded: refilled principals are forgotten once many are tracked', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 5, perMinute: 60, clock: () => now });
    for (let i = 0; i < 10_000; i++) limiter.take(`p${i}`, 1);
    expect(limiter.tracked).toBe(10_000);
    now += 60_000;
    limiter.take('newcomer', 1);
    expect(limiter.tracked).toBe(1);
  });
});
