import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../adapters/stores/postgres-database.js';
import { SqlGatewayStore } from '../adapters/stores/sql-gateway-store.js';
import { SqlLeaseStore } from '../adapters/stores/sql-lease-store.js';
import {
  postgresStore,
  TEST_DATABASE_URL,
  type StoreUnderTest,
} from '../adapters/stores/test-support/databases.js';
import { encryptionConfig } from './encryption-config.js';
import type { GatewayTenant } from './gateway-tenant.js';
import { InboundPipeline } from './inbound-pipeline.js';
import { bucketOf, LEASE_BUCKETS } from './lease-buckets.js';
import { LeaseKeeper } from './lease-keeper.js';
import { leasedGatewayStore } from './leased-gateway-store.js';
import type { DeliveryOutcome, PlatformMessage } from './platform-message.js';

const MESSAGES = 300;
const CUSTOMERS = 12;
const TTL = 10_000;

/** What the platform saw, in arrival order, and by which process. */
interface Arrival {
  readonly by: string;
  readonly message: PlatformMessage;
}

/**
 * Two gateway "processes" on one PostgreSQL schema: each with its own connection pool, lease keeper
 * and pipeline, wired as compose-gateway.ts wires them. Lease time is a shared fake clock; keepers
 * tick when the test says, so nothing waits on timers.
 */
describe('scale-out on PostgreSQL with leases', () => {
  let underTest: Promise<StoreUnderTest | undefined> | undefined;
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await (await underTest)?.cleanup();
  });

  let now = 1_000;
  const clock = () => now;

  async function startProcess(
    name: string,
    deliver: (message: PlatformMessage) => Promise<DeliveryOutcome>,
  ): Promise<{ pipeline: InboundPipeline; keeper: LeaseKeeper } | undefined> {
    underTest ??= postgresStore();
    const opened = await underTest;
    if (!opened) return undefined; // PostgreSQL not provisioned: skipped with a notice
    const db = openPostgresDatabase({ url: TEST_DATABASE_URL, schema: opened.schema!, maxConnections: 4 });
    closers.push(() => db.destroy());
    const leases = new SqlLeaseStore(db, 'postgres');
    const tenant: GatewayTenant = {
      id: 't',
      identity: { id: 'phone', name: 'as-is' },
      encryption: encryptionConfig('s', { authors: ['customer'], defaultOperator: 'redact', byType: {} }),
      platform: { deliver },
      secureNotice: '{token}',
    };
    const keeper: LeaseKeeper = new LeaseKeeper({
      store: leases,
      owner: name,
      ttlMs: TTL,
      heartbeatMs: 0,
      clock,
      busy: (bucket) => pipeline.busyWith((t, c) => bucketOf(t, c) === bucket),
      onGained: () => pipeline.rescan(),
    });
    const pipeline: InboundPipeline = new InboundPipeline({
      store: leasedGatewayStore(new SqlGatewayStore(db), leases, keeper),
      ownership: keeper,
      tenants: new Map([['t', tenant]]),
      protector: { protect: async (text) => text, vaultWhole: async (text) => text },
      clock,
    });
    closers.push(() => pipeline.close());
    return { pipeline, keeper };
  }

  /** Messages `#from` … of one test run (`run` keeps ids apart: the schema is shared by the tests). */
  const batch = (run: string, from: number, count: number) =>
    Array.from({ length: count }, (_, k) => ({
      tenant: 't',
      message: {
        id: `${run}-m${from + k}`,
        customer: `55${(from + k) % CUSTOMERS}`,
        sentAt: 0,
        type: 'text' as const,
        text: `#${from + k}`,
      },
    }));

  /** Per customer, the numbers in the order the platform first saw them (later copies are dedup'd by id). */
  function firstArrivals(arrivals: readonly Arrival[]): Map<string, number[]> {
    const seen = new Set<string>();
    const byCustomer = new Map<string, number[]>();
    for (const { message } of arrivals) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      const list = byCustomer.get(message.sender.id) ?? [];
      list.push(Number(message.text.slice(1)));
      byCustomer.set(message.sender.id, list);
    }
    return byCustomer;
  }

  async function resetLeases(): Promise<void> {
    const db = (await underTest!)!.store.db.withTables<{
      gateway_leases: { owner: string | null; expires_at: number };
      gateway_workers: { id: string };
    }>();
    await db.updateTable('gateway_leases').set({ owner: null, expires_at: 0 }).execute();
    await db.deleteFrom('gateway_workers').execute();
  }

  it('two processes split the buckets, each message is delivered once, in order per conversation', async () => {
    const arrivals: Arrival[] = [];
    let allDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allDone = resolve));
    const platform = (by: string) => async (message: PlatformMessage) => {
      arrivals.push({ by, message });
      if (arrivals.length === MESSAGES) allDone();
      return { kind: 'delivered' } as const;
    };
    const a = await startProcess('A', platform('A'));
    const b = await startProcess('B', platform('B'));
    if (!a || !b) return;
    await resetLeases();

    // A starts alone and takes every bucket; B joins; A hands half back; B claims it.
    await a.keeper.tick();
    expect(a.keeper.status()).toEqual({ alive: 1, held: LEASE_BUCKETS });
    await b.keeper.tick();
    expect(b.keeper.status()).toEqual({ alive: 2, held: 0 });
    await a.keeper.tick();
    await b.keeper.tick();
    expect(a.keeper.status().held).toBe(LEASE_BUCKETS / 2);
    expect(b.keeper.status().held).toBe(LEASE_BUCKETS / 2);

    // Every webhook reaches A (one load-balancer target); B finds its share in the store.
    for (let i = 0; i < MESSAGES; i += 10) await a.pipeline.receive(batch('split', i, 10));
    b.pipeline.kick();
    await done;
    await Promise.all([a.pipeline.idle(), b.pipeline.idle()]);

    expect(arrivals).toHaveLength(MESSAGES);
    expect(new Set(arrivals.map((d) => d.message.id)).size).toBe(MESSAGES);
    expect(new Set(arrivals.map((d) => d.by))).toEqual(new Set(['A', 'B'])); // the work is shared
    for (let c = 0; c < CUSTOMERS; c++) {
      const mine = arrivals.filter((d) => d.message.sender.id === `+55${c}`);
      expect(new Set(mine.map((d) => d.by)).size).toBe(1); // one process per conversation
      const numbers = mine.map((d) => Number(d.message.text.slice(1)));
      expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    }
  });

  it('a process that stops loses its buckets after the TTL; the other delivers the rest, its late write is fenced', async () => {
    const arrivals: Arrival[] = [];
    const unique = new Set<string>();
    let allDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allDone = resolve));
    const record = (by: string, message: PlatformMessage) => {
      arrivals.push({ by, message });
      unique.add(message.id);
      if (unique.size === MESSAGES) allDone();
    };
    // B delivers a few messages, then hangs inside a delivery (a paused process) until released.
    const attemptedByB = new Set<string>();
    let hung: () => void = () => undefined;
    const bHangs = new Promise<void>((resolve) => (hung = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const a = await startProcess('A2', async (message) => {
      record('A', message);
      return { kind: 'delivered' };
    });
    const b = await startProcess('B2', async (message) => {
      attemptedByB.add(message.id);
      if (attemptedByB.size > 5) {
        hung();
        await released;
      }
      record('B', message);
      return { kind: 'delivered' };
    });
    if (!a || !b) return;
    await resetLeases();
    await a.keeper.tick();
    await b.keeper.tick();
    await a.keeper.tick();
    await b.keeper.tick();
    expect(b.keeper.status().held).toBe(LEASE_BUCKETS / 2);

    for (let i = 0; i < MESSAGES; i += 10) await a.pipeline.receive(batch('takeover', i, 10));
    b.pipeline.kick();
    await bHangs;

    // B stops renewing (it is stuck); its leases expire and A, ticking on, takes every bucket.
    now += TTL;
    await a.keeper.tick();
    expect(a.keeper.status()).toEqual({ alive: 1, held: LEASE_BUCKETS });
    expect(b.keeper.owns('t', '550')).toBe(false); // B's own view: its lease ran out
    await done;
    await a.pipeline.idle();

    // B wakes up: its delivery completes (a copy the platform drops by id), its bookkeeping is fenced.
    const before = (await (await underTest!)!.store.db
      .withTables<{ gateway_outbox: { seq: number; state: string; finished_at: number | null } }>()
      .selectFrom('gateway_outbox')
      .select(['state', 'finished_at'])
      .orderBy('seq')
      .execute()) as { state: string; finished_at: string | number | null }[];
    now += 1; // so any write of B's would show in finished_at
    release();
    await b.pipeline.idle();
    const after = (await (await underTest!)!.store.db
      .withTables<{ gateway_outbox: { seq: number; state: string; finished_at: number | null } }>()
      .selectFrom('gateway_outbox')
      .select(['state', 'finished_at'])
      .orderBy('seq')
      .execute()) as { state: string; finished_at: string | number | null }[];
    expect(after).toEqual(before); // nothing B wrote after the takeover landed

    expect(unique.size).toBe(MESSAGES); // nothing lost
    const counts = new Map<string, number>();
    for (const { message } of arrivals) counts.set(message.id, (counts.get(message.id) ?? 0) + 1);
    const copies = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    // Only what B had in hand can arrive twice, and the stable id lets the platform drop the copy.
    for (const id of copies) expect(attemptedByB.has(id)).toBe(true);
    expect(arrivals.filter((d) => d.by === 'B').length).toBeGreaterThan(0);
    for (const numbers of firstArrivals(arrivals).values())
      expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    const pending = await (await underTest!)!.store.db
      .withTables<{ gateway_outbox: { state: string } }>()
      .selectFrom('gateway_outbox')
      .select('state')
      .where('state', '=', 'pending')
      .execute();
    expect(pending).toEqual([]);
  });
});
