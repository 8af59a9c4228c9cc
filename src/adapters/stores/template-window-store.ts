import type { Kysely } from 'kysely';
import type { CustomerWindowRecorder, CustomerWindowSource } from '../../core/templates/lifecycle-ports.js';
import { customerKey } from '../../core/templates/lifecycle-ports.js';
import type { VeilDatabase } from './schema.js';
import { GroupCommit } from './group-commit.js';
import type { TemplateTables } from './template-tables.js';

interface WindowUpdate {
  readonly customer: string;
  readonly at: number;
}

/** Rows per statement, well under both databases' bound-parameter limits. */
const CHUNK = 200;

/**
 * The last customer message per customer, for the 24-hour window. The templates area owns this
 * table until the gateway feeds the window from its inbox; the upsert never moves a window back.
 */
export class SqlCustomerWindowStore implements CustomerWindowSource, CustomerWindowRecorder {
  readonly #db: Kysely<VeilDatabase & TemplateTables>;

  constructor(db: Kysely<VeilDatabase>) {
    this.#db = db.withTables<TemplateTables>();
  }

  /**
   * Customer messages of the same event-loop turn (concurrent webhooks) are recorded in one
   * transaction (group commit); each caller's promise settles once it has committed.
   */
  recordCustomerMessage(customer: string, at: Date): Promise<void> {
    return this.#record.submit({ customer: customerKey(customer), at: at.getTime() });
  }

  readonly #record = new GroupCommit<WindowUpdate, void>(async (updates) => {
    // One row per customer (the latest message): PostgreSQL refuses to update a row twice in one
    // statement, and the window only ever moves forward anyway.
    const latest = new Map<string, number>();
    for (const { customer, at } of updates) latest.set(customer, Math.max(at, latest.get(customer) ?? at));
    const rows = [...latest].map(([customer, at]) => ({ customer, last_message_at: at }));
    const upsert = (db: Kysely<VeilDatabase & TemplateTables>, chunk: typeof rows) =>
      db
        .insertInto('template_customer_window')
        .values(chunk)
        .onConflict((oc) =>
          oc
            .column('customer')
            .doUpdateSet({ last_message_at: (eb) => eb.ref('excluded.last_message_at') })
            .where('template_customer_window.last_message_at', '<', (eb) =>
              eb.ref('excluded.last_message_at'),
            ),
        )
        .execute();
    if (rows.length <= CHUNK) await upsert(this.#db, rows);
    else
      await this.#db.transaction().execute(async (tx) => {
        for (let i = 0; i < rows.length; i += CHUNK) await upsert(tx, rows.slice(i, i + CHUNK));
      });
    return [];
  });

  async lastCustomerMessageAt(customer: string): Promise<Date | undefined> {
    const row = await this.#db
      .selectFrom('template_customer_window')
      .select('last_message_at')
      .where('customer', '=', customerKey(customer))
      .executeTakeFirst();
    return row ? new Date(Number(row.last_message_at)) : undefined;
  }
}
