import type { Kysely, Selectable } from 'kysely';
import type { ApiKeyRecord, ApiKeyRepository } from '../../core/vault/api-keys.js';
import type { ApiKeysTable, VeilDatabase } from './schema.js';

/** API keys in the vault database (same migrations); secrets only as digests. */
export class SqlApiKeyStore implements ApiKeyRepository {
  constructor(private readonly db: Kysely<VeilDatabase>) {}

  async insertApiKey(record: ApiKeyRecord): Promise<void> {
    await this.db
      .insertInto('api_keys')
      .values({
        id: record.id,
        tenant: record.tenant,
        roles: JSON.stringify(record.roles),
        secret_hash: record.secretHash,
        label: record.label,
        created_at: record.createdAt,
        revoked_at: record.revokedAt,
      })
      .execute();
  }

  async findApiKey(id: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async listApiKeys(tenant?: string): Promise<ApiKeyRecord[]> {
    let query = this.db.selectFrom('api_keys').selectAll().orderBy('created_at');
    if (tenant !== undefined) query = query.where('tenant', '=', tenant);
    return (await query.execute()).map(fromRow);
  }

  async revokeApiKey(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function fromRow(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    tenant: row.tenant,
    roles: JSON.parse(row.roles) as string[],
    secretHash: row.secret_hash,
    label: row.label,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
