import { describe, it, expect } from 'vitest';
import { ExpirySweeper } from './expiry-sweeper.js';

describe('ExpirySweeper', () => {
  it('sweeps in bounded batches until a short one, on each tick of the injected timer', async () => {
    let backlog = 2500;
    const calls: number[] = [];
    let tick: (() => void) | undefined;
    const sweeper = new ExpirySweeper({
      intervalMs: 60_000,
      batch: 1000,
      sweep: async (limit) => {
        const n = Math.min(limit, backlog);
        backlog -= n;
        calls.push(n);
        return n;
      },
      timers: { setInterval: (fn) => (tick = fn), clearInterval: () => (tick = undefined) },
    });
    sweeper.start();
    expect(tick).toBeDefined();
    expect(await sweeper.tick()).toBe(2500);
    expect(calls).toEqual([1000, 1000, 500]);
    backlog = 3;
    expect(await sweeper.tick()).toBe(3);
    await sweeper.stop();
    expect(tick).toBeUndefined();
  });

  it('reports failures and keeps going on the next tick', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const sweeper = new ExpirySweeper({
      intervalMs: 1000,
      sweep: async () => {
        if (fail) throw new Error('database away');
        return 0;
      },
      onError: (e) => errors.push(e),
      timers: { setInterval: () => 1, clearInterval: () => undefined },
    });
    expect(await sweeper.tick()).toBe(0);
    expect(errors).toHaveLength(1);
    fail = false;
    expect(await sweeper.tick()).toBe(0);
    expect(errors).toHaveLength(1);
  });
});
