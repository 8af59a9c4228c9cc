import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import {
  gatewayFlowsMigration,
  gatewayMigration,
  gatewayOutboundJobsMigration,
  gatewayRetentionIndexesMigration,
  gatewaySegmentsMigration,
} from './gateway-migration.js';
import { gatewayLeasesMigration } from './gateway-lease-migration.js';
import type { SqlFlavor } from './schema.js';
import { templateMigration } from './template-migration.js';

/**
 * One schema for both databases. The few type names that differ (bytes, auto-increment) are the
 * only place the flavour shows; everything else is the same Kysely schema-builder code.
 */
function migrations(flavor: SqlFlavor): Record<string, Migration> {
  const bytes = flavor === 'postgres' ? 'bytea' : 'blob';
  return {
    '0001_vault': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('vault_data_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('tenant', 'text', (c) => c.notNull())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('subject_key', 'text', (c) => c.notNull())
          .addColumn('generation', 'integer', (c) => c.notNull())
          .addColumn('kek_id', 'text', (c) => c.notNull())
          .addColumn('kek_version', 'integer', (c) => c.notNull())
          .addColumn('wrapped', sql.raw(bytes))
          .addColumn('uses', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('destroyed_at', 'bigint')
          .addUniqueConstraint('vault_data_keys_slot', ['tenant', 'purpose', 'subject_key', 'generation'])
          .execute();
        await db.schema
          .createIndex('vault_data_keys_kek')
          .on('vault_data_keys')
          .columns(['kek_id', 'kek_version', 'id'])
          .execute();

        await db.schema
          .createTable('vault_tokens')
          .addColumn('tenant', 'text', (c) => c.notNull())
          .addColumn('token', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('mode', 'text', (c) => c.notNull())
          .addColumn('subject_id', 'text')
          .addColumn('conversation_id', 'text')
          .addColumn('retention_class', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint')
          .addColumn('data_key_id', 'text', (c) => c.notNull())
          .addColumn('sealed', sql.raw(bytes), (c) => c.notNull())
          .addPrimaryKeyConstraint('vault_tokens_pk', ['tenant', 'token'])
          // SQLite: keep rows inside the primary-key b-tree (one tree to update per insert, not two).
          .$call((t) => (flavor === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
          .execute();
        // Partial: only rows with an expiry are indexed, so tokens without TTL cost no index upkeep.
        await db.schema
          .createIndex('vault_tokens_expiry')
          .on('vault_tokens')
          .column('expires_at')
          .where(sql.ref('expires_at'), 'is not', null)
          .execute();

        await db.schema
          .createTable('vault_audit')
          .addColumn('seq', flavor === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey().notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('tenant', 'text', (c) => c.notNull())
          .addColumn('principal', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text')
          .addColumn('type', 'text')
          .addColumn('purpose', 'text')
          .addColumn('level', 'text')
          .addColumn('outcome', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('vault_audit_tenant')
          .on('vault_audit')
          .columns(['tenant', 'seq'])
          .execute();

        await db.schema
          .createTable('api_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('tenant', 'text', (c) => c.notNull())
          .addColumn('roles', 'text', (c) => c.notNull())
          .addColumn('secret_hash', 'text', (c) => c.notNull())
          .addColumn('label', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('revoked_at', 'bigint')
          .execute();
      },
    },
    '0002_gateway': gatewayMigration(flavor),
    '0003_templates': templateMigration(flavor),
    '0004_gateway_segments': gatewaySegmentsMigration(),
    '0005_gateway_flows': gatewayFlowsMigration(),
    '0006_gateway_leases': gatewayLeasesMigration(),
    '0007_gateway_outbound_jobs': gatewayOutboundJobsMigration(flavor),
    '0008_gateway_retention_indexes': gatewayRetentionIndexesMigration(),
  };
}

class InlineProvider implements MigrationProvider {
  constructor(private readonly flavor: SqlFlavor) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.flavor);
  }
}

export async function migrateToLatest(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  // PostgreSQL: the migrator looks its tables up by name in every schema unless told which one, so
  // a Veil schema migrating beside another (tests, or two deployments in one database) could take the
  // other's lock table for its own. Pin it to the schema the connection works in.
  const schema =
    flavor === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: new InlineProvider(flavor),
    migrationTableName: 'veil_migrations',
    migrationLockTableName: 'veil_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
