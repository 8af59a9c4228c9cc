import type { GatewayStore } from './gateway-store.js';
import type { LeaseKeeper } from './lease-keeper.js';
import type { FencedGatewayWrites } from './lease-store.js';

/**
 * The gateway store as one lease holder sees it: pending rows only of the buckets it holds, and the
 * writes that finish work (protected, delivered) fenced by its leases. Everything else goes to the
 * plain store unchanged.
 *
 * A Proxy rather than a class listing every method: the store interface grows with new flows, and
 * each new method should reach the plain store without this file having to follow.
 */
export function leasedGatewayStore(
  base: GatewayStore,
  writes: FencedGatewayWrites,
  keeper: LeaseKeeper,
): GatewayStore {
  const overrides: Partial<GatewayStore> = {
    // Holding every bucket (always so alone on SQLite), the plain store's reads are the same rows.
    pendingInbox: (limit, afterSeq = 0) => {
      const buckets = keeper.workable();
      return buckets ? writes.pendingInbox(limit, afterSeq, buckets) : base.pendingInbox(limit, afterSeq);
    },
    pendingOutbox: (limit, afterSeq = 0) => {
      const buckets = keeper.workable();
      return buckets ? writes.pendingOutbox(limit, afterSeq, buckets) : base.pendingOutbox(limit, afterSeq);
    },
    moveToOutbox: async (done) => {
      await writes.moveToOutbox(done, keeper.fence());
    },
    markDelivered: async (seqs, at) => {
      await writes.markDelivered(seqs, at, keeper.fence());
    },
  };
  return new Proxy(base, {
    get(target, property, receiver) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof GatewayStore];
      const value: unknown = Reflect.get(target, property, receiver);
      // Methods run on the plain store itself (its private fields are not reachable through a proxy).
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
