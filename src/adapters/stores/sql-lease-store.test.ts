import { afterAll, describe, expect, it } from 'vitest';
import { bucketOf, LEASE_BUCKETS } from '../../gateway/lease-buckets.js';
import { LeaseKeeper } from '../../gateway/lease-keeper.js';
import { openPostgresDatabase } from './postgres-database.js';
import { SqlGatewayStore } from './sql-gateway-store.js';
import { SqlLeaseStore } from './sql-lease-store.js';
import {
  postgresStore,
  sqliteStore,
  TEST_DATABASE_URL,
  type StoreUnderTest,
} from './test-support/databases.js';

const TTL = 10_000;

describe('leases on PostgreSQL', () => {
  // One schema for the suite (Kysely's migrator and fresh schemas side by side do not mix); each
  // test works on its own conversations and resets the lease rows it uses.
  let underTest: Promise<StoreUnderTest | undefined> | undefined;
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await (await underTest)?.cleanup();
  });
  /** A "process": its own connection pool to the shared schema. */
  const openProcess = async () => {
    underTest ??= postgresStore();
    const opened = await underTest;
    if (!opened) return undefined;
    const db = openPostgresDatabase({ url: TEST_DATABASE_URL, schema: opened.schema!, maxConnections: 2 });
    closers.push(() => db.destroy());
    return { leases: new SqlLeaseStore(db, 'postgres'), gateway: new SqlGatewayStore(db) };
  };
  const resetLeases = async () => {
    const opened = await underTest!;
    await opened!.store.db
      .withTables<{ gateway_leases: { owner: string | null; expires_at: number } }>()
      .updateTable('gateway_leases')
      .set({ owner: null, expires_at: 0 })
      .execute();
    await opened!.store.db
      .withTables<{ gateway_workers: { id: string } }>()
      .deleteFrom('gateway_workers')
      .execute();
  };

  it('fencing: after a takeover the old owner can neither protect nor mark delivered', async () => {
    const a = await openProcess();
    const b = await openProcess();
    if (!a || !b) return;
    await resetLeases();
    const held = await a.leases.claim('A', 0, TTL, LEASE_BUCKETS);
    expect(held.size).toBe(LEASE_BUCKETS);
    const fenceA = { owner: 'A', epochs: held };
    await a.gateway.addInbox([
      { tenant: 't', messageId: 'f1', conversation: 'fence', payload: '{}', receivedAt: 0 },
      { tenant: 't', messageId: 'f2', conversation: 'fence', payload: '{}', receivedAt: 0 },
    ]);
    const [first, second] = await a.leases.pendingInbox(10, 0, [bucketOf('t', 'fence')]);
    const outbox = (id: string) => ({ id, tenant: 't', conversation: 'fence', body: '{}', createdAt: 1 });
    // While A holds the lease its writes go through.
    expect(await a.leases.moveToOutbox([{ inboxSeq: first!.seq, outbox: outbox('f1') }], fenceA)).toBe(1);

    // A pauses past its TTL; B claims everything (the epochs move on).
    expect((await b.leases.claim('B', TTL - 1, TTL, LEASE_BUCKETS)).size).toBe(0); // not expired yet
    const heldB = await b.leases.claim('B', TTL, TTL, LEASE_BUCKETS);
    expect(heldB.size).toBe(LEASE_BUCKETS);
    const bucket = bucketOf('t', 'fence');
    expect(heldB.get(bucket)).toBe(held.get(bucket)! + 1);
    const fenceB = { owner: 'B', epochs: heldB };

    // A wakes up and writes with its old fence: nothing is written.
    expect(await a.leases.moveToOutbox([{ inboxSeq: second!.seq, outbox: outbox('f2') }], fenceA)).toBe(0);
    const [f1] = await a.leases.pendingOutbox(10, 0, [bucket]);
    expect(f1!.id).toBe('f1');
    expect(await a.leases.markDelivered([f1!.seq], 5, fenceA)).toBe(0);
    expect((await a.gateway.counts()).delivered).toBe(0);
    expect((await a.leases.pendingInbox(10, 0, [bucket])).map((r) => r.messageId)).toEqual(['f2']);
    expect((await a.leases.renew('A', TTL + 1, TTL)).size).toBe(0); // its leases are gone

    // B, the owner now, finishes both.
    expect(await b.leases.moveToOutbox([{ inboxSeq: second!.seq, outbox: outbox('f2') }], fenceB)).toBe(1);
    const rows = await b.leases.pendingOutbox(10, 0, [bucket]);
    expect(rows.map((r) => r.id)).toEqual(['f1', 'f2']);
    expect(
      await b.leases.markDelivered(
        rows.map((r) => r.seq),
        6,
        fenceB,
      ),
    ).toBe(2);
    expect((await b.gateway.counts()).delivered).toBe(2);
  });

  it('claims at once from two processes never take the same bucket (FOR UPDATE SKIP LOCKED)', async () => {
    const a = await openProcess();
    const b = await openProcess();
    if (!a || !b) return;
    await resetLeases();
    const [heldA, heldB] = await Promise.all([
      a.leases.claim('A', 0, TTL, 40),
      b.leases.claim('B', 0, TTL, 40),
    ]);
    expect(heldA.size + heldB.size).toBe(LEASE_BUCKETS);
    for (const bucket of heldA.keys()) expect(heldB.has(bucket)).toBe(false);
  });

  it('three processes converge on fair shares; when one leaves, the others take its share', async () => {
    const stores = [await openProcess(), await openProcess(), await openProcess()];
    if (stores.some((s) => !s)) return;
    await resetLeases();
    let now = 1_000;
    const keepers = stores.map(
      (s, i) =>
        new LeaseKeeper({ store: s!.leases, owner: `K${i}`, ttlMs: TTL, heartbeatMs: 0, clock: () => now }),
    );
    // K0 starts alone and takes everything; the others join and each round moves buckets over.
    await keepers[0]!.tick();
    expect(keepers[0]!.status()).toEqual({ alive: 1, held: LEASE_BUCKETS });
    for (let round = 0; round < 3; round++) {
      for (const keeper of keepers.slice(round === 0 ? 1 : 0)) await keeper.tick();
      now += 1_000;
    }
    const shares = keepers.map((k) => k.status().held);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(LEASE_BUCKETS);
    for (const share of shares) expect([21, 22]).toContain(share);
    const owned = keepers.map((k) => (k.workable() ?? []).length);
    expect(owned).toEqual(shares);

    // K2 shuts down gracefully: its buckets come free at once, no TTL to wait for.
    await keepers[2]!.stop({ release: true });
    await keepers[0]!.tick();
    await keepers[1]!.tick();
    expect(keepers[0]!.status()).toEqual({ alive: 2, held: 32 });
    expect(keepers[1]!.status()).toEqual({ alive: 2, held: 32 });
    const k0 = new Set(keepers[0]!.workable());
    expect(keepers[1]!.workable()!.filter((b) => k0.has(b))).toEqual([]);
  });
});

describe('leases on SQLite', () => {
  let underTest: StoreUnderTest | undefined;
  afterAll(async () => {
    await underTest?.cleanup();
  });

  it('one process holds every bucket: no filter, and its fenced writes go through', async () => {
    underTest = await sqliteStore();
    const leases = new SqlLeaseStore(underTest.store.db, 'sqlite');
    const gateway = new SqlGatewayStore(underTest.store.db);
    let now = 0;
    const keeper = new LeaseKeeper({ store: leases, ttlMs: TTL, heartbeatMs: 0, clock: () => now });
    await keeper.tick();
    expect(keeper.status()).toEqual({ alive: 1, held: LEASE_BUCKETS });
    expect(keeper.workable()).toBeNull();
    expect(keeper.owns('t', 'anyone')).toBe(true);
    await gateway.addInbox([
      { tenant: 't', messageId: 'm', conversation: 'c', payload: '{}', receivedAt: 0 },
    ]);
    const [row] = await leases.pendingInbox(10, 0, keeper.workable());
    const outbox = { id: 'm', tenant: 't', conversation: 'c', body: '{}', createdAt: 0 };
    expect(await leases.moveToOutbox([{ inboxSeq: row!.seq, outbox }], keeper.fence())).toBe(1);
    const [pending] = await leases.pendingOutbox(10, 0, keeper.workable());
    expect(await leases.markDelivered([pending!.seq], 1, keeper.fence())).toBe(1);

    // Without renewal the lease is trusted locally only until before its expiry in the table.
    now = TTL - TTL / 5;
    expect(keeper.owns('t', 'anyone')).toBe(false);
    expect(keeper.workable()).toEqual([]);
    await keeper.tick();
    expect(keeper.owns('t', 'anyone')).toBe(true);
  });

  it('a process restarted after a crash takes every bucket back at once, and the dead one is fenced out', async () => {
    underTest ??= await sqliteStore();
    const leases = new SqlLeaseStore(underTest.store.db, 'sqlite');
    const now = 1_000_000;
    const dead = new LeaseKeeper({
      store: leases,
      ttlMs: TTL,
      heartbeatMs: 0,
      owner: 'dead',
      clock: () => now,
    });
    await dead.tick();
    const deadFence = dead.fence();
    const restarted = new LeaseKeeper({
      store: leases,
      ttlMs: TTL,
      heartbeatMs: 0,
      owner: 'new',
      clock: () => now,
    });
    // Without eviction the dead process's unexpired leases and heartbeat would hold half the buckets back.
    await leases.evictOthers('new');
    await restarted.tick();
    expect(restarted.status()).toEqual({ alive: 1, held: LEASE_BUCKETS });
    const gateway = new SqlGatewayStore(underTest.store.db);
    await gateway.addInbox([
      { tenant: 't', messageId: 'late', conversation: 'c', payload: '{}', receivedAt: 0 },
    ]);
    const [row] = await leases.pendingInbox(10, 0, null);
    const outbox = { id: 'late', tenant: 't', conversation: 'c', body: '{}', createdAt: 0 };
    expect(await leases.moveToOutbox([{ inboxSeq: row!.seq, outbox }], deadFence)).toBe(0);
    expect(await leases.moveToOutbox([{ inboxSeq: row!.seq, outbox }], restarted.fence())).toBe(1);
  });
});
