import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlFlavor } from './schema.js';

/** The gateway's tables; listed in migrations.ts after the vault's. */
export function gatewayMigration(flavor: SqlFlavor): Migration {
  const serial = flavor === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('gateway_inbox')
        .addColumn('seq', serial, (c) => c.primaryKey().notNull())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('conversation', 'text', (c) => c.notNull())
        .addColumn('payload', 'text')
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addUniqueConstraint('gateway_inbox_message', ['tenant', 'message_id'])
        .execute();
      // Partial: only work still to do is indexed, so the index stays small as history grows.
      await db.schema
        .createIndex('gateway_inbox_pending')
        .on('gateway_inbox')
        .column('seq')
        .where(sql.ref('state'), '=', 'pending')
        .execute();

      await db.schema
        .createTable('gateway_outbox')
        .addColumn('seq', serial, (c) => c.primaryKey().notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('conversation', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .addUniqueConstraint('gateway_outbox_message', ['tenant', 'id'])
        .execute();
      await db.schema
        .createIndex('gateway_outbox_pending')
        .on('gateway_outbox')
        .column('seq')
        .where(sql.ref('state'), '=', 'pending')
        .execute();

      await db.schema
        .createTable('gateway_pseudonyms')
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('customer', 'text', (c) => c.notNull())
        .addColumn('pseudonym', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('gateway_pseudonyms_pk', ['tenant', 'customer'])
        .addUniqueConstraint('gateway_pseudonyms_reverse', ['tenant', 'pseudonym'])
        .execute();

      await db.schema
        .createTable('gateway_outbound')
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('channel_message_id', 'text', (c) => c.notNull())
        .addColumn('platform_message_id', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('receipt', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('gateway_outbound_pk', ['tenant', 'channel_message_id'])
        .execute();
    },
  };
}

/** Secure segments (listed after 0002_gateway): stretches of a conversation where every customer message is vaulted whole. */
export function gatewaySegmentsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('gateway_segments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('customer', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('max_messages', 'integer')
        .addColumn('expires_at', 'bigint')
        .addColumn('messages', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('opened_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_at', 'bigint')
        .addColumn('close_reason', 'text')
        .execute();
      await db.schema
        .createIndex('gateway_segments_open')
        .on('gateway_segments')
        .columns(['tenant', 'customer'])
        .where(sql.ref('closed_at'), 'is', null)
        .execute();
    },
  };
}

/**
 * Conversation flows (listed after 0004_gateway_segments): the encryption config a segment carries
 * and what opened it, and the encryption config chosen per conversation.
 */
export function gatewayFlowsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('gateway_segments').addColumn('config', 'text').execute();
      await db.schema.alterTable('gateway_segments').addColumn('opened_by', 'text').execute();
      await db.schema
        .createTable('gateway_conversation_configs')
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('customer', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('gateway_conversation_configs_pk', ['tenant', 'customer'])
        .execute();
    },
  };
}

/** The outbound outbox (listed after 0006_gateway_leases): agents' and bots' messages and receipts, sent by a worker. */
export function gatewayOutboundJobsMigration(flavor: SqlFlavor): Migration {
  const serial = flavor === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('gateway_outbound_jobs')
        .addColumn('seq', serial, (c) => c.primaryKey().notNull())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('lane', 'text', (c) => c.notNull())
        .addColumn('payload', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .addUniqueConstraint('gateway_outbound_jobs_key', ['tenant', 'kind', 'key'])
        .execute();
      await db.schema
        .createIndex('gateway_outbound_jobs_pending')
        .on('gateway_outbound_jobs')
        .column('seq')
        .where(sql.ref('state'), '=', 'pending')
        .execute();
    },
  };
}

/**
 * Indexes for the retention sweep's newer kinds (finished outbound jobs, outbound records, closed
 * segments), partial where only finished rows qualify.
 */
export function gatewayRetentionIndexesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('gateway_outbound_jobs_finished')
        .on('gateway_outbound_jobs')
        .column('finished_at')
        .where(sql.ref('finished_at'), 'is not', null)
        .execute();
      await db.schema
        .createIndex('gateway_outbound_created')
        .on('gateway_outbound')
        .column('created_at')
        .execute();
      await db.schema
        .createIndex('gateway_segments_closed')
        .on('gateway_segments')
        .column('closed_at')
        .where(sql.ref('closed_at'), 'is not', null)
        .execute();
    },
  };
}
