import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import type { VeilDatabase } from './schema.js';
import { SqlGatewayStore } from './sql-gateway-store.js';
import { SqlLeaseStore } from './sql-lease-store.js';
import { SqlVaultStore } from './sql-vault-store.js';

/**
 * The work queues are read on every pass of the gateway's worker, and their tables keep days of
 * finished rows (retention): each read must go through the partial `…_pending` index, never walk the
 * finished rows. The state is spelled as a literal: bound as a parameter, SQLite can match the
 * partial index only by re-planning the statement for each value it is run with.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'veil-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('every pending read of the inbox, the outbox and the outbound jobs uses its partial index', async () => {
  const database = new Database(path.join(dir, 'veil.db'));
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<VeilDatabase>({
    dialect: new SqliteDialect({ database }),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query);
    },
  });
  const vault = await SqlVaultStore.open(db, 'sqlite');
  const gateway = new SqlGatewayStore(vault.db);
  const leases = new SqlLeaseStore(vault.db, 'sqlite');
  statements.length = 0;

  await gateway.pendingInbox(10, 0);
  await gateway.pendingOutbox(10, 5);
  await gateway.pendingOutboundJobs(10, 0);
  await leases.pendingInbox(10, 0, [1, 2]);
  await leases.pendingOutbox(10, 0, [3]);

  const reads = statements.filter((s) => /^select .* where "state" = /.test(s.sql));
  expect(reads).toHaveLength(5);
  for (const read of reads) {
    expect(read.sql).toContain(`"state" = 'pending'`);
    const plan = database
      .prepare(`explain query plan ${read.sql}`)
      .all(...read.parameters)
      .map((row) => (row as { detail: string }).detail)
      .join('; ');
    expect(plan, read.sql).toMatch(/USING (COVERING )?INDEX gateway_\w+_pending/);
  }
  await vault.close();
});
