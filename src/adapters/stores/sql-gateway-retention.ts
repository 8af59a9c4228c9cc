import { sql, type DeleteResult, type Kysely } from 'kysely';
import type { Retained, RetentionStore } from '../../gateway/gateway-retention.js';
import type { GatewayTables } from './gateway-schema.js';
import type { VeilDatabase } from './schema.js';

type Db = Kysely<VeilDatabase & GatewayTables>;

/**
 * One batch of deletes per kind, chosen by a subquery (both databases lack `DELETE … LIMIT` in their
 * default builds). States are literals, not parameters, so the planners can match the partial
 * indexes of migrations 0006 and 0008.
 */
const DELETE_BATCH: Record<Retained, (db: Db, cutoff: number, limit: number) => Promise<DeleteResult>> = {
  inbox: (db, cutoff, limit) =>
    db
      .deleteFrom('gateway_inbox')
      .where('seq', 'in', (eb) =>
        eb
          .selectFrom('gateway_inbox')
          .select('seq')
          .where('state', '=', sql.lit('done'))
          .where('received_at', '<', cutoff)
          .limit(limit),
      )
      .executeTakeFirst(),
  outbox: (db, cutoff, limit) =>
    db
      .deleteFrom('gateway_outbox')
      .where('seq', 'in', (eb) =>
        eb
          .selectFrom('gateway_outbox')
          .select('seq')
          .where('finished_at', '<', cutoff)
          .where('state', 'in', [sql.lit('delivered'), sql.lit('rejected')])
          .limit(limit),
      )
      .executeTakeFirst(),
  outboundJobs: (db, cutoff, limit) =>
    db
      .deleteFrom('gateway_outbound_jobs')
      .where('seq', 'in', (eb) =>
        eb
          .selectFrom('gateway_outbound_jobs')
          .select('seq')
          .where('finished_at', '<', cutoff)
          .where('state', 'in', [sql.lit('done'), sql.lit('failed')])
          .limit(limit),
      )
      .executeTakeFirst(),
  // WhatsApp message ids are unique across tenants, so the id alone picks the row.
  outbound: (db, cutoff, limit) =>
    db
      .deleteFrom('gateway_outbound')
      .where('channel_message_id', 'in', (eb) =>
        eb
          .selectFrom('gateway_outbound')
          .select('channel_message_id')
          .where('created_at', '<', cutoff)
          .limit(limit),
      )
      .executeTakeFirst(),
  segments: (db, cutoff, limit) =>
    db
      .deleteFrom('gateway_segments')
      .where('id', 'in', (eb) =>
        eb.selectFrom('gateway_segments').select('id').where('closed_at', '<', cutoff).limit(limit),
      )
      .executeTakeFirst(),
};

/** The retention sweep's deletes, on SQLite or PostgreSQL. */
export class SqlGatewayRetention implements RetentionStore {
  readonly #db: Db;

  constructor(db: Kysely<VeilDatabase>) {
    this.#db = db.withTables<GatewayTables>();
  }

  async deleteFinished(what: Retained, cutoff: number, limit: number): Promise<number> {
    const result = await DELETE_BATCH[what](this.#db, cutoff, limit);
    return Number(result.numDeletedRows);
  }
}
