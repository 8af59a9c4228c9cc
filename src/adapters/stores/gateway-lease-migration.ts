import { sql, type Kysely, type Migration } from 'kysely';
import { bucketOf, LEASE_BUCKETS } from '../../gateway/lease-buckets.js';

/**
 * Lease-based work sharing (listed after the gateway's earlier migrations): one lease row per bucket
 * of conversations, the live processes, a bucket on every inbox and outbox row so a process reads
 * and fences only its own, and indexes for the retention sweep.
 */
export function gatewayLeasesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('gateway_leases')
        .addColumn('bucket', 'integer', (c) => c.primaryKey())
        .addColumn('owner', 'text')
        .addColumn('epoch', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('expires_at', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      const buckets = Array.from({ length: LEASE_BUCKETS }, (_, bucket) => ({ bucket }));
      await db
        .withTables<{ gateway_leases: { bucket: number } }>()
        .insertInto('gateway_leases')
        .values(buckets)
        .execute();

      await db.schema
        .createTable('gateway_workers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();

      for (const table of ['gateway_inbox', 'gateway_outbox'] as const) {
        await db.schema
          .alterTable(table)
          .addColumn('bucket', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        // Rows still to do get their real bucket; finished ones are never read by bucket again.
        const typed =
          db.withTables<
            Record<
              typeof table,
              { seq: number; tenant: string; conversation: string; state: string; bucket: number }
            >
          >();
        const pending = await typed
          .selectFrom(table)
          .select(['seq', 'tenant', 'conversation'])
          .where('state', '=', 'pending')
          .execute();
        const byBucket = new Map<number, number[]>();
        for (const row of pending) {
          const bucket = bucketOf(row.tenant, row.conversation);
          byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), Number(row.seq)]);
        }
        for (const [bucket, seqs] of byBucket) {
          for (let i = 0; i < seqs.length; i += 500) {
            await typed
              .updateTable(table)
              .set({ bucket })
              .where('seq', 'in', seqs.slice(i, i + 500))
              .execute();
          }
        }
      }

      // The retention sweep finds old finished rows through these (partial: pending rows cost nothing).
      await db.schema
        .createIndex('gateway_inbox_done')
        .on('gateway_inbox')
        .column('received_at')
        .where(sql.ref('state'), '=', 'done')
        .execute();
      await db.schema
        .createIndex('gateway_outbox_finished')
        .on('gateway_outbox')
        .column('finished_at')
        .where(sql.ref('finished_at'), 'is not', null)
        .execute();
    },
  };
}
