import type { Kysely } from 'kysely';
import type { CustomerWindowRecorder, CustomerWindowSource } from '../../core/templates/lifecycle-ports.js';
import { customerKey } from '../../core/templates/lifecycle-ports.js';
import type { VeilDatabase } from './schema.js';
import type { TemplateTables } from './template-tables.js';

/**
 * The last customer message per customer, for the 24-hour window. The templates area owns this
 * table until the gateway feeds the window from its inbox; the upsert never moves a window back.
 */
export class SqlCustomerWindowStore implements CustomerWindowSource, CustomerWindowRecorder {
  readonly #db: Kysely<VeilDatabase & TemplateTables>;

  constructor(db: Kysely<VeilDatabase>) {
    this.#db = db.withTables<TemplateTables>();
  }

  async recordCustomerMessage(customer: string, at: Date): Promise<void> {
    await this.#db
      .insertInto('template_customer_window')
      .values({ customer: customerKey(customer), last_message_at: at.getTime() })
      .onConflict((oc) =>
        oc
          .column('customer')
          .doUpdateSet({ last_message_at: (eb) => eb.ref('excluded.last_message_at') })
          .where('template_customer_window.last_message_at', '<', (eb) => eb.ref('excluded.last_message_at')),
      )
      .execute();
  }

  async lastCustomerMessageAt(customer: string): Promise<Date | undefined> {
    const row = await this.#db
      .selectFrom('template_customer_window')
      .select('last_message_at')
      .where('customer', '=', customerKey(customer))
      .executeTakeFirst();
    return row ? new Date(Number(row.last_message_at)) : undefined;
  }
}
