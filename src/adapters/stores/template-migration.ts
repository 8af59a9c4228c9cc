import type { Kysely, Migration } from 'kysely';
import type { SqlFlavor } from './schema.js';

/** Template lifecycle tables (status, history, send decisions, customer window); listed in migrations.ts. */
export function templateMigration(flavor: SqlFlavor): Migration {
  const serial = flavor === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      // Current state per template and language: what sends read at send time.
      await db.schema
        .createTable('template_status')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('template_id', 'text')
        .addColumn('category', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('status_at', 'bigint')
        .addColumn('quality', 'text')
        .addColumn('quality_at', 'bigint')
        .addPrimaryKeyConstraint('template_status_pk', ['name', 'language'])
        .execute();

      await db.schema
        .createTable('template_status_history')
        .addColumn('seq', serial, (c) => c.primaryKey().notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('template_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('previous', 'text')
        .addColumn('reason', 'text')
        .addColumn('detail', 'text')
        .addColumn('event_at', 'bigint', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('template_status_history_key')
        .on('template_status_history')
        .columns(['name', 'language', 'seq'])
        .execute();

      await db.schema
        .createTable('template_send_decisions')
        .addColumn('seq', serial, (c) => c.primaryKey().notNull())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('requested_name', 'text', (c) => c.notNull())
        .addColumn('requested_language', 'text', (c) => c.notNull())
        .addColumn('chosen_kind', 'text')
        .addColumn('chosen_name', 'text')
        .addColumn('chosen_language', 'text')
        .addColumn('fell_back', 'integer', (c) => c.notNull())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('error_code', 'text')
        .addColumn('message_id', 'text')
        .execute();
      await db.schema
        .createIndex('template_send_decisions_tenant')
        .on('template_send_decisions')
        .columns(['tenant', 'seq'])
        .execute();

      // Last customer message per customer (digits of the number): the 24-hour window.
      await db.schema
        .createTable('template_customer_window')
        .addColumn('customer', 'text', (c) => c.primaryKey())
        .addColumn('last_message_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
