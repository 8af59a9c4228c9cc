import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { bucketOf, LEASE_BUCKETS } from '../../gateway/lease-buckets.js';
import { gatewayLeasesMigration } from './gateway-lease-migration.js';
import { gatewayMigration } from './gateway-migration.js';
import { openSqliteDatabase } from './sqlite-database.js';

const dir = mkdtempSync(path.join(tmpdir(), 'veil-lease-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Rows {
  gateway_inbox: {
    seq: number;
    tenant: string;
    message_id: string;
    conversation: string;
    payload: string | null;
    received_at: number;
    state: string;
    bucket: number;
  };
  gateway_outbox: {
    seq: number;
    id: string;
    tenant: string;
    conversation: string;
    body: string;
    state: string;
    attempts: number;
    next_attempt_at: number;
    created_at: number;
    bucket: number;
  };
  gateway_leases: { bucket: number; owner: string | null; epoch: number };
}

describe('migration 0006_gateway_leases', () => {
  it('gives rows still to do their bucket and creates one free lease per bucket', async () => {
    const db = openSqliteDatabase(path.join(dir, 'veil.db')) as unknown as Kysely<Rows>;
    // The database as an older Veil left it: gateway tables without buckets, work still pending.
    await gatewayMigration('sqlite').up(db as unknown as Kysely<unknown>);
    const conversations = ['5511', '5521', '5531', '5541'];
    await db
      .insertInto('gateway_inbox')
      .values(
        conversations.map((conversation, i) => ({
          tenant: 't',
          message_id: `m${i}`,
          conversation,
          payload: '{}',
          received_at: 0,
          state: i === 0 ? 'done' : 'pending',
        })) as never,
      )
      .execute();
    await db
      .insertInto('gateway_outbox')
      .values(
        conversations.map((conversation, i) => ({
          id: `m${i}`,
          tenant: 't',
          conversation,
          body: '{}',
          state: 'pending',
          attempts: 0,
          next_attempt_at: 0,
          created_at: 0,
        })) as never,
      )
      .execute();

    await gatewayLeasesMigration().up(db as unknown as Kysely<unknown>);

    const inbox = await db
      .selectFrom('gateway_inbox')
      .select(['conversation', 'state', 'bucket'])
      .orderBy('seq')
      .execute();
    for (const row of inbox)
      expect(row.bucket).toBe(row.state === 'pending' ? bucketOf('t', row.conversation) : 0);
    const outbox = await db.selectFrom('gateway_outbox').select(['conversation', 'bucket']).execute();
    for (const row of outbox) expect(row.bucket).toBe(bucketOf('t', row.conversation));
    expect(new Set(outbox.map((r) => r.bucket)).size).toBeGreaterThan(1); // not all in bucket 0 by chance
    const leases = await db.selectFrom('gateway_leases').selectAll().orderBy('bucket').execute();
    expect(leases).toHaveLength(LEASE_BUCKETS);
    expect(leases.every((l, i) => l.bucket === i && l.owner === null && Number(l.epoch) === 0)).toBe(true);
    await db.destroy();
  });
});
