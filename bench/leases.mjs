// bench:leases — what lease fencing costs on the gateway's hot writes, beside the same writes unfenced.
//
// Per database (SQLite always; PostgreSQL when the test server answers): BENCH_N messages (default
// 20,000) go inbox → outbox → delivered in batches of 128, once through the plain store (baseline)
// and once through the fenced writes a lease holder makes (the fence checked inside each UPDATE),
// alternating rounds so both see the same machine load. Reports messages/s and CPU-ms per 1,000
// messages of this process, and the cost of one lease tick (heartbeat + renew + rebalance).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist', 'src', p);
if (!existsSync(dist('adapters/stores/sql-lease-store.js'))) {
  console.error('bench: building dist/ first (npx tsc -p tsconfig.json)');
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}
const { SqlVaultStore } = await import(dist('adapters/stores/sql-vault-store.js'));
const { openSqliteDatabase } = await import(dist('adapters/stores/sqlite-database.js'));
const { openPostgresDatabase } = await import(dist('adapters/stores/postgres-database.js'));
const { SqlGatewayStore } = await import(dist('adapters/stores/sql-gateway-store.js'));
const { SqlLeaseStore } = await import(dist('adapters/stores/sql-lease-store.js'));
const { LeaseKeeper } = await import(dist('gateway/lease-keeper.js'));

const N = Number(process.env.BENCH_N ?? 20_000);
const BATCH = 128;
const ROUNDS = 4;
const PG_URL =
  process.env.VEIL_TEST_DATABASE_URL ?? 'postgres://veil_test:veil_test@127.0.0.1:5432/veil_test';

/** One round: `count` messages through addInbox → moveToOutbox → markDelivered, with the given writes. */
async function round(store, writes, tag, count) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i += BATCH) {
    const n = Math.min(BATCH, count - i);
    const events = Array.from({ length: n }, (_, k) => ({
      tenant: 't',
      messageId: `${tag}-${i + k}`,
      conversation: `c${(i + k) % 256}`,
      payload: '{"text":"x"}',
      receivedAt: 1,
    }));
    await store.addInbox(events);
    const inbox = await writes.pending(n);
    await writes.move(
      inbox.map((r) => ({
        inboxSeq: r.seq,
        outbox: { id: r.messageId, tenant: 't', conversation: r.conversation, body: '{}', createdAt: 2 },
      })),
    );
    const outbox = await writes.pendingOut(n);
    await writes.deliver(outbox.map((r) => r.seq));
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function measure(name, db, flavor) {
  const store = new SqlGatewayStore(db);
  const leases = new SqlLeaseStore(db, flavor);
  const keeper = new LeaseKeeper({ store: leases, heartbeatMs: 0 });
  await keeper.tick();
  const plain = {
    pending: (n) => store.pendingInbox(n),
    move: (done) => store.moveToOutbox(done),
    pendingOut: (n) => store.pendingOutbox(n),
    deliver: (seqs) => store.markDelivered(seqs, 3),
  };
  const fenced = {
    pending: (n) => store.pendingInbox(n),
    move: (done) => leases.moveToOutbox(done, keeper.fence()),
    pendingOut: (n) => store.pendingOutbox(n),
    deliver: (seqs) => leases.markDelivered(seqs, 3, keeper.fence()),
  };
  const per = Math.ceil(N / ROUNDS);
  const totals = { plain: { seconds: 0, cpuMs: 0 }, fenced: { seconds: 0, cpuMs: 0 } };
  await round(store, plain, 'warm-p', 512);
  await round(store, fenced, 'warm-f', 512);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [mode, writes] of r % 2 === 0
      ? [
          ['plain', plain],
          ['fenced', fenced],
        ]
      : [
          ['fenced', fenced],
          ['plain', plain],
        ]) {
      const result = await round(store, writes, `${mode}-${r}`, per);
      totals[mode].seconds += result.seconds;
      totals[mode].cpuMs += result.cpuMs;
    }
  }
  const ticks = 50;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ticks; i++) await keeper.tick();
  const tickMs = Number(process.hrtime.bigint() - t0) / 1e6 / ticks;
  const total = per * ROUNDS;
  const line = (mode) =>
    `  ${mode.padEnd(22)} ${String(Math.round(total / totals[mode].seconds)).padStart(7)} msg/s   ` +
    `${(totals[mode].cpuMs / (total / 1000)).toFixed(1).padStart(6)} CPU-ms per 1k (bench process)`;
  console.log(`${name}: ${total} messages, batches of ${BATCH}, ${keeper.status().held} buckets held`);
  console.log(line('plain'));
  console.log(line('fenced'));
  console.log(`  lease tick (heartbeat + renew + rebalance): ${tickMs.toFixed(2)} ms`);
  await keeper.stop({ release: true });
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (2 cores shared: compare modes within a run)`,
);
const dir = mkdtempSync(path.join(tmpdir(), 'veil-bench-leases-'));
try {
  const sqlite = await SqlVaultStore.open(openSqliteDatabase(path.join(dir, 'veil.db')), 'sqlite');
  await measure('SQLite', sqlite.db, 'sqlite');
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
const reachable = await admin.connect().then(
  () => true,
  () => false,
);
if (!reachable) console.log('PostgreSQL: not reachable, skipped');
else {
  const schema = `veil_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  try {
    const store = await SqlVaultStore.open(
      openPostgresDatabase({ url: PG_URL, schema, maxConnections: 4 }),
      'postgres',
    );
    await measure('PostgreSQL', store.db, 'postgres');
    await store.close();
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
