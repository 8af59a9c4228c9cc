import { afterAll, describe, expect, it } from 'vitest';
import { SqlGatewayStore } from '../adapters/stores/sql-gateway-store.js';
import { SqlLeaseStore } from '../adapters/stores/sql-lease-store.js';
import { sqliteStore, type StoreUnderTest } from '../adapters/stores/test-support/databases.js';
import { encryptionConfig } from './encryption-config.js';
import { InboundPipeline } from './inbound-pipeline.js';
import { bucketOf } from './lease-buckets.js';
import { LeaseKeeper } from './lease-keeper.js';
import { leasedGatewayStore } from './leased-gateway-store.js';
import type { PlatformMessage } from './platform-message.js';

const TTL = 10_000;
let underTest: StoreUnderTest | undefined;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await underTest?.cleanup();
});

describe('a lease that lapses locally (stalled process or database)', () => {
  it('stops the lane mid-way, and once renewed the rest goes out in order', async () => {
    underTest = await sqliteStore();
    const db = underTest.store.db;
    const leases = new SqlLeaseStore(db, 'sqlite');
    let now = 1_000;
    const delivered: string[] = [];
    const keeper: LeaseKeeper = new LeaseKeeper({
      store: leases,
      ttlMs: TTL,
      heartbeatMs: 0,
      clock: () => now,
      busy: (bucket) => pipeline.busyWith((t, c) => bucketOf(t, c) === bucket),
      onGained: () => pipeline.rescan(),
    });
    const pipeline: InboundPipeline = new InboundPipeline({
      store: leasedGatewayStore(new SqlGatewayStore(db), leases, keeper),
      ownership: keeper,
      clock: () => now,
      tenants: new Map([
        [
          't',
          {
            id: 't',
            identity: { id: 'phone', name: 'as-is' },
            encryption: encryptionConfig('s', {
              authors: ['customer'],
              defaultOperator: 'redact',
              byType: {},
            }),
            platform: {
              deliver: async (message: PlatformMessage) => {
                delivered.push(message.text);
                // The process stalls right after the second delivery, past what it trusts its lease for.
                if (delivered.length === 2) now += TTL;
                return { kind: 'delivered' };
              },
            },
            secureNotice: '{token}',
          },
        ],
      ]),
      protector: { protect: async (text) => text, vaultWhole: async (text) => text },
    });
    closers.push(() => pipeline.close());
    await keeper.tick();

    await pipeline.receive(
      Array.from({ length: 5 }, (_, i) => ({
        tenant: 't',
        message: { id: `lapse-${i}`, customer: '5511', sentAt: 0, type: 'text' as const, text: `#${i}` },
      })),
    );
    await pipeline.idle();
    expect(delivered).toEqual(['#0', '#1']); // the lane stopped: the lease was no longer trusted
    expect((await new SqlGatewayStore(db).counts()).outboxPending).toBe(3);

    await keeper.tick(); // renewal works again: the stopped rows are read again and delivered
    await pipeline.idle();
    expect(delivered).toEqual(['#0', '#1', '#2', '#3', '#4']);
  });
});
