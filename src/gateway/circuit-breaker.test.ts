import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.js';
import { CircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  it('opens after the threshold, half-opens after the cool-down, closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ threshold: 3, cooldownMs: 1000 }, () => now);
    breaker.failure();
    breaker.failure();
    expect(breaker.state).toBe('closed');
    breaker.failure();
    expect(breaker.state).toBe('open');
    expect(breaker.waitMs()).toBe(1000);
    now = 600;
    expect(breaker.waitMs()).toBe(400);
    now = 1000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.waitMs()).toBe(0);
    breaker.failure(); // the trial failed: open again
    expect(breaker.waitMs()).toBe(1000);
    now = 2000;
    breaker.success();
    expect(breaker.state).toBe('closed');
  });
});

describe('backoffMs', () => {
  it('doubles the ceiling per attempt up to the cap, drawing from its upper half', () => {
    const options = { baseMs: 100, capMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, options, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, options, () => 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });
});
