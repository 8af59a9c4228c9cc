import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { InboxRecord, NewOutboxMessage, OutboxRecord } from '../../gateway/gateway-store.js';
import { bucketOf } from '../../gateway/lease-buckets.js';
import type { CompiledQueries } from './compiled-queries.js';
import type { GatewayTables } from './gateway-schema.js';
import type { VeilDatabase } from './schema.js';

/**
 * Rows of the gateway's inbox and outbox as both stores read and write them: the plain one (one
 * process) and the lease-fenced one (several), so the two never drift apart.
 */

type Tables = VeilDatabase & GatewayTables;

/**
 * `state = 'pending'` as a literal, never a bound parameter: the pending indexes are partial
 * (`WHERE state = 'pending'`), and SQLite matches a bound value against a partial index only by
 * re-planning the statement every time it runs.
 */
export const PENDING = sql.lit('pending');

/**
 * A page size written into the SQL rather than bound: SQLite answered the pending reads about three
 * times slower with `LIMIT ?` than with the same number spelled out (measured 27 against 8 µs).
 * Checked to be a whole number, since it is not a parameter.
 */
function literalLimit(limit: number): RawBuilder<number> {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`page size must be a positive integer, not ${limit}`);
  return sql.lit(limit);
}

/** Rows per statement, well under both databases' bound-parameter limits. */
export const CHUNK = 200;

const INBOX_COLUMNS = ['seq', 'tenant', 'message_id', 'conversation', 'payload', 'received_at'] as const;
const OUTBOX_COLUMNS = [
  'seq',
  'id',
  'tenant',
  'conversation',
  'body',
  'attempts',
  'next_attempt_at',
  'created_at',
] as const;

function inboxRecordOf(r: {
  seq: number | string;
  tenant: string;
  message_id: string;
  conversation: string;
  payload: string | null;
  received_at: number | string;
}): InboxRecord {
  return {
    seq: Number(r.seq),
    tenant: r.tenant,
    messageId: r.message_id,
    conversation: r.conversation,
    payload: r.payload ?? '{}',
    receivedAt: Number(r.received_at),
  };
}

function outboxRecordOf(r: {
  seq: number | string;
  id: string;
  tenant: string;
  conversation: string;
  body: string;
  attempts: number | string;
  next_attempt_at: number | string;
  created_at: number | string;
}): OutboxRecord {
  return {
    seq: Number(r.seq),
    id: r.id,
    tenant: r.tenant,
    conversation: r.conversation,
    body: r.body,
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    createdAt: Number(r.created_at),
  };
}

/** Which buckets' rows a read takes: a lease holder's list, or null for every bucket (one process). */
export type BucketFilter = readonly number[] | null;

/**
 * Pending inbox rows after `afterSeq`, oldest first, of `buckets` (null: all). Compiled once per
 * page size and bucket count: the worker runs this on every pass.
 */
export async function pendingInboxRows(
  compiled: CompiledQueries,
  db: Kysely<Tables>,
  limit: number,
  afterSeq: number,
  buckets: BucketFilter,
): Promise<InboxRecord[]> {
  if (buckets?.length === 0) return [];
  const { rows } = await compiled.run(
    db,
    `inbox-pending:${limit}:${buckets?.length ?? 'all'}`,
    [afterSeq, ...(buckets ?? [])],
    () =>
      db
        .selectFrom('gateway_inbox')
        .select(INBOX_COLUMNS)
        .where('state', '=', PENDING)
        .where('seq', '>', afterSeq)
        .$if(buckets !== null, (q) => q.where('bucket', 'in', buckets!))
        .orderBy('seq')
        .limit(literalLimit(limit)),
  );
  return rows.map(inboxRecordOf);
}

/** Pending outbox rows after `afterSeq`, oldest first, of `buckets` (null: all); compiled like the inbox read. */
export async function pendingOutboxRows(
  compiled: CompiledQueries,
  db: Kysely<Tables>,
  limit: number,
  afterSeq: number,
  buckets: BucketFilter,
): Promise<OutboxRecord[]> {
  if (buckets?.length === 0) return [];
  const { rows } = await compiled.run(
    db,
    `outbox-pending:${limit}:${buckets?.length ?? 'all'}`,
    [afterSeq, ...(buckets ?? [])],
    () =>
      db
        .selectFrom('gateway_outbox')
        .select(OUTBOX_COLUMNS)
        .where('state', '=', PENDING)
        .where('seq', '>', afterSeq)
        .$if(buckets !== null, (q) => q.where('bucket', 'in', buckets!))
        .orderBy('seq')
        .limit(literalLimit(limit)),
  );
  return rows.map(outboxRecordOf);
}

/** Inserts protected messages into the outbox, pending, in chunks; a message already there is kept. */
export async function insertOutbox(
  compiled: CompiledQueries,
  tx: Transaction<Tables> | Kysely<Tables>,
  messages: readonly NewOutboxMessage[],
): Promise<void> {
  for (let i = 0; i < messages.length; i += CHUNK) {
    const values = messages.slice(i, i + CHUNK).map((m) => ({
      id: m.id,
      tenant: m.tenant,
      conversation: m.conversation,
      body: m.body,
      state: 'pending',
      attempts: 0,
      next_attempt_at: m.createdAt,
      created_at: m.createdAt,
      bucket: bucketOf(m.tenant, m.conversation),
    }));
    await compiled.run(
      tx,
      `outbox-insert:${values.length}`,
      values.flatMap((v) => [
        v.id,
        v.tenant,
        v.conversation,
        v.body,
        v.state,
        v.attempts,
        v.next_attempt_at,
        v.created_at,
        v.bucket,
      ]),
      () =>
        tx
          .insertInto('gateway_outbox')
          .values(values)
          .onConflict((oc) => oc.columns(['tenant', 'id']).doNothing()),
    );
  }
}
