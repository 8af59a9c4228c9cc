import { sql, type Kysely } from 'kysely';
import type { RetentionStore } from '../../gateway/gateway-retention.js';
import type { GatewayTables } from './gateway-schema.js';
import type { VeilDatabase } from './schema.js';

/**
 * The retention sweep's deletes. Each deletes one batch chosen by a subquery (both databases lack
 * `DELETE … LIMIT` in their default builds). The states are literals, not parameters, so the
 * planners can match the partial indexes of migration 0006 (`gateway_inbox_done`,
 * `gateway_outbox_finished`).
 */
export class SqlGatewayRetention implements RetentionStore {
  readonly #db: Kysely<VeilDatabase & GatewayTables>;

  constructor(db: Kysely<VeilDatabase>) {
    this.#db = db.withTables<GatewayTables>();
  }

  async deleteDoneInbox(cutoff: number, limit: number): Promise<number> {
    const result = await this.#db
      .deleteFrom('gateway_inbox')
      .where('seq', 'in', (eb) =>
        eb
          .selectFrom('gateway_inbox')
          .select('seq')
          .where('state', '=', sql.lit('done'))
          .where('received_at', '<', cutoff)
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteFinishedOutbox(cutoff: number, limit: number): Promise<number> {
    const result = await this.#db
      .deleteFrom('gateway_outbox')
      .where('seq', 'in', (eb) =>
        eb
          .selectFrom('gateway_outbox')
          .select('seq')
          .where('finished_at', '<', cutoff)
          .where('state', 'in', [sql.lit('delivered'), sql.lit('rejected')])
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
