import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { InboxRecord, NewOutboxMessage, OutboxRecord } from '../../gateway/gateway-store.js';
import { LEASE_BUCKETS } from '../../gateway/lease-buckets.js';
import type { FencedGatewayWrites, HeldLeases, LeaseFence, LeaseStore } from '../../gateway/lease-store.js';
import { CompiledQueries } from './compiled-queries.js';
import {
  CHUNK,
  insertOutbox,
  pendingInboxRows,
  pendingOutboxRows,
  type BucketFilter,
} from './gateway-rows.js';
import type { GatewayTables } from './gateway-schema.js';
import type { SqlFlavor, VeilDatabase } from './schema.js';

type Tables = VeilDatabase & GatewayTables;
type Db = Kysely<Tables>;

const held = (rows: readonly { bucket: number; epoch: string | number }[]): HeldLeases =>
  new Map(rows.map((r) => [Number(r.bucket), Number(r.epoch)]));

/**
 * A held lease as one number, `epoch × buckets + bucket` (unique per pair since bucket < buckets):
 * the fence is then one `IN` list, which SQLite turns into an index lookup instead of a chain of
 * ORs evaluated for every row written.
 */
const leaseCodes = (fence: LeaseFence): number[] =>
  [...fence.epochs].map(([bucket, epoch]) => epoch * LEASE_BUCKETS + bucket);

/** The fence's parameters, in the order `fenced` binds them. */
const fenceParameters = (fence: LeaseFence): unknown[] => [fence.owner, ...leaseCodes(fence)];

/**
 * The fence as SQL: the row's bucket is leased to the writer at the epoch the writer claimed it at.
 * Checked inside the UPDATE itself, so a takeover between a read and the write cannot slip through.
 */
function fenced(table: 'gateway_inbox' | 'gateway_outbox', fence: LeaseFence): RawBuilder<SqlBool> {
  const codes = leaseCodes(fence).map((code) => sql`${code}`);
  return sql<SqlBool>`exists (select 1 from gateway_leases l where l.bucket = ${sql.ref(`${table}.bucket`)} and l.owner = ${fence.owner} and l.epoch * ${sql.lit(LEASE_BUCKETS)} + l.bucket in (${sql.join(codes)}))`;
}

/**
 * Leases on the gateway's database, and the gateway writes fenced by them. PostgreSQL claims with
 * `FOR UPDATE SKIP LOCKED`, so processes claiming at once take different buckets without waiting on
 * each other; SQLite (one process, one writer) runs the same statements without the locking clause.
 */
export class SqlLeaseStore implements LeaseStore, FencedGatewayWrites {
  readonly #db: Db;
  readonly #flavor: SqlFlavor;
  /** The fenced writes are on the hot path (every message): their SQL is compiled once per shape. */
  readonly #compiled = new CompiledQueries();

  constructor(db: Kysely<VeilDatabase>, flavor: SqlFlavor) {
    this.#db = db.withTables<GatewayTables>();
    this.#flavor = flavor;
  }

  async heartbeat(owner: string, now: number, ttlMs: number): Promise<readonly string[]> {
    await this.#db
      .insertInto('gateway_workers')
      .values({ id: owner, expires_at: now + ttlMs })
      .onConflict((oc) => oc.column('id').doUpdateSet({ expires_at: now + ttlMs }))
      .execute();
    await this.#db.deleteFrom('gateway_workers').where('expires_at', '<=', now).execute();
    const rows = await this.#db.selectFrom('gateway_workers').select('id').orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  async renew(owner: string, now: number, ttlMs: number): Promise<HeldLeases> {
    const rows = await this.#db
      .updateTable('gateway_leases')
      .set({ expires_at: now + ttlMs })
      .where('owner', '=', owner)
      .returning(['bucket', 'epoch'])
      .execute();
    return held(rows);
  }

  async claim(owner: string, now: number, ttlMs: number, max: number): Promise<HeldLeases> {
    if (max <= 0) return new Map();
    const rows = await this.#db
      .updateTable('gateway_leases')
      .set({ owner, epoch: sql<number>`epoch + 1`, expires_at: now + ttlMs })
      .where('bucket', 'in', (eb) =>
        eb
          .selectFrom('gateway_leases')
          .select('bucket')
          .where((w) => w.or([w('owner', 'is', null), w('expires_at', '<=', now)]))
          .orderBy('bucket')
          .limit(max)
          .$if(this.#flavor === 'postgres', (q) => q.forUpdate().skipLocked()),
      )
      // Checked again on the locked row: another claimer may have won it since the subquery read it.
      .where((w) => w.or([w('owner', 'is', null), w('expires_at', '<=', now)]))
      .returning(['bucket', 'epoch'])
      .execute();
    return held(rows);
  }

  async release(owner: string, buckets: readonly number[]): Promise<void> {
    if (buckets.length === 0) return;
    await this.#db
      .updateTable('gateway_leases')
      .set({ owner: null, expires_at: 0 })
      .where('owner', '=', owner)
      .where('bucket', 'in', buckets)
      .execute();
  }

  async evictOthers(owner: string): Promise<void> {
    await this.#db.deleteFrom('gateway_workers').where('id', '<>', owner).execute();
    await this.#db
      .updateTable('gateway_leases')
      .set({ owner: null, expires_at: 0 })
      .where('owner', 'is not', null)
      .where('owner', '<>', owner)
      .execute();
  }

  async leave(owner: string): Promise<void> {
    await this.#db.deleteFrom('gateway_workers').where('id', '=', owner).execute();
  }

  pendingInbox(limit: number, afterSeq: number, buckets: BucketFilter): Promise<InboxRecord[]> {
    return pendingInboxRows(this.#compiled, this.#db, limit, afterSeq, buckets);
  }

  pendingOutbox(limit: number, afterSeq: number, buckets: BucketFilter): Promise<OutboxRecord[]> {
    return pendingOutboxRows(this.#compiled, this.#db, limit, afterSeq, buckets);
  }

  async moveToOutbox(
    done: readonly { readonly inboxSeq: number; readonly outbox: NewOutboxMessage | null }[],
    fence: LeaseFence,
  ): Promise<number> {
    if (done.length === 0 || fence.epochs.size === 0) return 0;
    return this.#db.transaction().execute(async (tx) => {
      // The fenced UPDATE decides which rows this process may still finish; only theirs go out.
      const marked = new Set<number>();
      for (let i = 0; i < done.length; i += CHUNK) {
        const chunk = done.slice(i, i + CHUNK).map((d) => d.inboxSeq);
        const { rows } = await this.#compiled.run(
          tx,
          `lease-inbox-done:${chunk.length}:${fence.epochs.size}`,
          ['done', null, ...chunk, 'pending', ...fenceParameters(fence)],
          () =>
            tx
              .updateTable('gateway_inbox')
              .set({ state: 'done', payload: null })
              .where('seq', 'in', chunk)
              .where('state', '=', 'pending')
              .where(fenced('gateway_inbox', fence))
              .returning('seq'),
        );
        for (const row of rows) marked.add(Number(row.seq));
      }
      const outbox = done.flatMap((d) => (d.outbox && marked.has(d.inboxSeq) ? [d.outbox] : []));
      await insertOutbox(this.#compiled, tx, outbox);
      return marked.size;
    });
  }

  async markDelivered(seqs: readonly number[], at: number, fence: LeaseFence): Promise<number> {
    if (fence.epochs.size === 0) return 0;
    let marked = 0;
    for (let i = 0; i < seqs.length; i += CHUNK) {
      const chunk = seqs.slice(i, i + CHUNK);
      const result = await this.#compiled.run(
        this.#db,
        `lease-outbox-delivered:${chunk.length}:${fence.epochs.size}`,
        ['delivered', at, null, ...chunk, ...fenceParameters(fence)],
        () =>
          this.#db
            .updateTable('gateway_outbox')
            .set({ state: 'delivered', finished_at: at, last_error: null })
            .where('seq', 'in', chunk)
            .where(fenced('gateway_outbox', fence)),
      );
      marked += Number(result.numAffectedRows ?? 0);
    }
    return marked;
  }
}
