import { CompiledQuery, sql, type Compilable, type Kysely, type Selectable } from 'kysely';
import type { AuditEvent, AuditLog } from '../../core/vault/audit.js';
import type { WrappedKey } from '../../core/vault/key-provider.js';
import type {
  DataKeyPurpose,
  DataKeyRecord,
  TokenMode,
  TokenRecord,
  TokenStore,
  VaultStats,
} from '../../core/vault/token-store.js';
import { CompiledQueries } from './compiled-queries.js';
import { migrateToLatest } from './migrations.js';
import type { SqlFlavor, VaultDataKeysTable, VaultTokensTable, VeilDatabase } from './schema.js';

/** Rows per statement: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500;

/**
 * The vault's TokenStore and AuditLog over Kysely: one code path for SQLite and PostgreSQL.
 */
export class SqlVaultStore implements TokenStore, AuditLog {
  private readonly insertSql = new Map<string, string>();
  private readonly compiled = new CompiledQueries();

  constructor(
    readonly db: Kysely<VeilDatabase>,
    readonly flavor: SqlFlavor,
  ) {}

  static async open(db: Kysely<VeilDatabase>, flavor: SqlFlavor): Promise<SqlVaultStore> {
    await migrateToLatest(db as Kysely<unknown>, flavor);
    return new SqlVaultStore(db, flavor);
  }

  async putTokens(records: readonly TokenRecord[], onConflict: 'ignore' | 'replace'): Promise<void> {
    if (records.length === 0) return;
    const write = async (db: Kysely<VeilDatabase>) => {
      for (let i = 0; i < records.length; i += CHUNK) {
        const rows = records.slice(i, i + CHUNK).map(toTokenRow);
        await this.insertRows(db, `tokens:${onConflict}`, rows, () =>
          db
            .insertInto('vault_tokens')
            .values(rows)
            .onConflict((oc) => {
              const target = oc.columns(['tenant', 'token']);
              return onConflict === 'ignore'
                ? target.doNothing()
                : target.doUpdateSet((eb) => ({
                    type: eb.ref('excluded.type'),
                    mode: eb.ref('excluded.mode'),
                    subject_id: eb.ref('excluded.subject_id'),
                    conversation_id: eb.ref('excluded.conversation_id'),
                    retention_class: eb.ref('excluded.retention_class'),
                    created_at: eb.ref('excluded.created_at'),
                    expires_at: eb.ref('excluded.expires_at'),
                    data_key_id: eb.ref('excluded.data_key_id'),
                    sealed: eb.ref('excluded.sealed'),
                  }));
            }),
        );
      }
    };
    if (records.length <= CHUNK) await write(this.db);
    else await this.db.transaction().execute(write);
  }

  /**
   * Multi-row inserts are the hot path, and Kysely rebuilds and recompiles the same statement for
   * every batch. The SQL text Kysely compiles is kept per (statement, row count) and reused with
   * the new rows' values; it is cached only after checking that Kysely laid the parameters out row
   * by row in column order, which is what the reuse supplies.
   */
  private async insertRows(
    db: Kysely<VeilDatabase>,
    name: string,
    rows: readonly Record<string, unknown>[],
    build: () => Compilable,
  ): Promise<void> {
    const columns = Object.keys(rows[0]!);
    const key = `${name}:${rows.length}:${columns.join(',')}`;
    const parameters = rows.flatMap((row) => columns.map((c) => row[c]));
    // Kysely turns an undefined value into DEFAULT (one parameter fewer): such batches are compiled afresh.
    const cached = parameters.includes(undefined) ? undefined : this.insertSql.get(key);
    if (cached !== undefined) {
      await db.executeQuery(CompiledQuery.raw(cached, parameters));
      return;
    }
    const compiled = build().compile();
    if (
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((p, i) => p === parameters[i])
    ) {
      if (this.insertSql.size >= 256) this.insertSql.clear();
      this.insertSql.set(key, compiled.sql);
    }
    await db.executeQuery(compiled);
  }

  async getTokens(tenant: string, tokens: readonly string[]): Promise<Map<string, TokenRecord>> {
    const found = new Map<string, TokenRecord>();
    for (let i = 0; i < tokens.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('vault_tokens')
        .selectAll()
        .where('tenant', '=', tenant)
        .where('token', 'in', tokens.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) found.set(row.token, fromTokenRow(row));
    }
    return found;
  }

  async getTokensWithKeys(
    tenant: string,
    tokens: readonly string[],
  ): Promise<{ tokens: Map<string, TokenRecord>; keys: Map<string, DataKeyRecord> }> {
    const found = new Map<string, TokenRecord>();
    const keys = new Map<string, DataKeyRecord>();
    for (let i = 0; i < tokens.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('vault_tokens as t')
        .leftJoin('vault_data_keys as k', 'k.id', 't.data_key_id')
        .selectAll('t')
        .select([
          'k.id as k_id',
          'k.tenant as k_tenant',
          'k.purpose as k_purpose',
          'k.subject_key as k_subject_key',
          'k.generation as k_generation',
          'k.kek_id as k_kek_id',
          'k.kek_version as k_kek_version',
          'k.wrapped as k_wrapped',
          'k.uses as k_uses',
          'k.created_at as k_created_at',
          'k.destroyed_at as k_destroyed_at',
        ])
        .where('t.tenant', '=', tenant)
        .where('t.token', 'in', tokens.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) {
        found.set(row.token, fromTokenRow(row));
        if (row.k_id !== null && !keys.has(row.k_id)) {
          keys.set(
            row.k_id,
            fromKeyRow({
              id: row.k_id,
              tenant: row.k_tenant!,
              purpose: row.k_purpose!,
              subject_key: row.k_subject_key!,
              generation: row.k_generation!,
              kek_id: row.k_kek_id!,
              kek_version: row.k_kek_version!,
              wrapped: row.k_wrapped,
              uses: row.k_uses!,
              created_at: row.k_created_at!,
              destroyed_at: row.k_destroyed_at,
            }),
          );
        }
      }
    }
    return { tokens: found, keys };
  }

  async deleteToken(tenant: string, token: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('vault_tokens')
      .where('tenant', '=', tenant)
      .where('token', '=', token)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async deleteExpired(now: number, limit: number): Promise<number> {
    const due = await this.db
      .selectFrom('vault_tokens')
      .select(['tenant', 'token'])
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', now)
      .limit(limit)
      .execute();
    const byTenant = new Map<string, string[]>();
    for (const row of due) byTenant.set(row.tenant, [...(byTenant.get(row.tenant) ?? []), row.token]);
    let deleted = 0;
    for (const [tenant, tokens] of byTenant) {
      for (let i = 0; i < tokens.length; i += CHUNK) {
        const result = await this.db
          .deleteFrom('vault_tokens')
          .where('tenant', '=', tenant)
          .where('token', 'in', tokens.slice(i, i + CHUNK))
          .where('expires_at', '<=', now)
          .executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      }
    }
    return deleted;
  }

  async getDataKeys(ids: readonly string[]): Promise<Map<string, DataKeyRecord>> {
    const found = new Map<string, DataKeyRecord>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('vault_data_keys')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) found.set(row.id, fromKeyRow(row));
    }
    return found;
  }

  async latestDataKey(
    tenant: string,
    purpose: DataKeyPurpose,
    subjectId: string | null,
  ): Promise<DataKeyRecord | undefined> {
    // Run on every write of a subject's value (erasure must be seen at once), so compiled once; and
    // `limit 1` as a literal: with a bound limit SQLite took about three times as long for this row.
    const subject = subjectId ?? '';
    const { rows } = await this.compiled.run(this.db, 'latest-data-key', [tenant, purpose, subject], () =>
      this.db
        .selectFrom('vault_data_keys')
        .selectAll()
        .where('tenant', '=', tenant)
        .where('purpose', '=', purpose)
        .where('subject_key', '=', subject)
        .orderBy('generation', 'desc')
        .limit(sql.lit(1)),
    );
    return rows[0] ? fromKeyRow(rows[0]) : undefined;
  }

  async insertDataKey(record: DataKeyRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('vault_data_keys')
      .values({
        id: record.id,
        tenant: record.tenant,
        purpose: record.purpose,
        subject_key: record.subjectId ?? '',
        generation: record.generation,
        kek_id: record.kekId,
        kek_version: record.kekVersion,
        wrapped: record.wrapped,
        uses: record.uses,
        created_at: record.createdAt,
        destroyed_at: record.destroyedAt,
      })
      .onConflict((oc) => oc.columns(['tenant', 'purpose', 'subject_key', 'generation']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async addDataKeyUses(id: string, count: number): Promise<number> {
    const row = await this.db
      .updateTable('vault_data_keys')
      .set({ uses: sql<number>`uses + ${count}` })
      .where('id', '=', id)
      .returning('uses')
      .executeTakeFirstOrThrow();
    return Number(row.uses);
  }

  async destroySubjectKeys(tenant: string, subjectId: string, at: number): Promise<string[]> {
    const rows = await this.db
      .updateTable('vault_data_keys')
      .set({ wrapped: null, destroyed_at: at })
      .where('tenant', '=', tenant)
      .where('purpose', '=', 'subject')
      .where('subject_key', '=', subjectId)
      .where('wrapped', 'is not', null)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async countDataKeysToRewrap(kekId: string, belowVersion: number): Promise<number> {
    const row = await this.db
      .selectFrom('vault_data_keys')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('kek_id', '=', kekId)
      .where('kek_version', '<', belowVersion)
      .where('wrapped', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listDataKeysToRewrap(
    kekId: string,
    belowVersion: number,
    afterId: string,
    limit: number,
  ): Promise<DataKeyRecord[]> {
    const rows = await this.db
      .selectFrom('vault_data_keys')
      .selectAll()
      .where('kek_id', '=', kekId)
      .where('kek_version', '<', belowVersion)
      .where('wrapped', 'is not', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(fromKeyRow);
  }

  async updateWrappedKey(id: string, expectedKekVersion: number, wrapped: WrappedKey): Promise<boolean> {
    const result = await this.db
      .updateTable('vault_data_keys')
      .set({ kek_id: wrapped.kekId, kek_version: wrapped.kekVersion, wrapped: wrapped.ciphertext })
      .where('id', '=', id)
      .where('kek_version', '=', expectedKekVersion)
      .where('wrapped', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async kekVersionsInUse(kekId: string): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom('vault_data_keys')
      .select((eb) => ['kek_version', eb.fn.countAll().as('n')])
      .where('kek_id', '=', kekId)
      .where('wrapped', 'is not', null)
      .groupBy('kek_version')
      .execute();
    return new Map(rows.map((r) => [Number(r.kek_version), Number(r.n)]));
  }

  async stats(now: number): Promise<VaultStats> {
    const byType = await this.db
      .selectFrom('vault_tokens')
      .select((eb) => ['type', eb.fn.countAll().as('n')])
      .groupBy('type')
      .execute();
    const byMode = await this.db
      .selectFrom('vault_tokens')
      .select((eb) => ['mode', eb.fn.countAll().as('n')])
      .groupBy('mode')
      .execute();
    const expired = await this.db
      .selectFrom('vault_tokens')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('expires_at', '<=', now)
      .executeTakeFirstOrThrow();
    const keys = await this.db
      .selectFrom('vault_data_keys')
      .select((eb) => [
        'kek_id',
        'kek_version',
        sql<number>`sum(case when wrapped is null then 1 else 0 end)`.as('destroyed'),
        eb.fn.countAll().as('n'),
      ])
      .groupBy(['kek_id', 'kek_version'])
      .execute();
    const audit = await this.db
      .selectFrom('vault_audit')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const dataKeysByKek: Record<string, number> = {};
    let dataKeys = 0;
    let destroyed = 0;
    for (const k of keys) {
      const live = Number(k.n) - Number(k.destroyed);
      dataKeys += Number(k.n);
      destroyed += Number(k.destroyed);
      if (live > 0) dataKeysByKek[`${k.kek_id}@${k.kek_version}`] = live;
    }
    const tokensByType = Object.fromEntries(byType.map((r) => [r.type, Number(r.n)]));
    return {
      tokens: Object.values(tokensByType).reduce((a, b) => a + b, 0),
      tokensByType,
      tokensByMode: Object.fromEntries(byMode.map((r) => [r.mode, Number(r.n)])),
      expiredTokens: Number(expired.n),
      dataKeys,
      destroyedDataKeys: destroyed,
      dataKeysByKek,
      auditEvents: Number(audit.n),
    };
  }

  async append(events: readonly AuditEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += CHUNK) {
      const rows = events.slice(i, i + CHUNK).map((e) => ({ ...e }));
      await this.insertRows(this.db, 'audit', rows, () => this.db.insertInto('vault_audit').values(rows));
    }
  }

  async list(filter: { readonly tenant?: string; readonly limit: number }): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('vault_audit').selectAll().orderBy('seq', 'desc').limit(filter.limit);
    if (filter.tenant !== undefined) query = query.where('tenant', '=', filter.tenant);
    const rows = await query.execute();
    return rows.map(({ seq: _seq, at, ...rest }) => ({ ...rest, at: Number(at) }) as AuditEvent);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function toTokenRow(r: TokenRecord) {
  return {
    tenant: r.tenant,
    token: r.token,
    type: r.type,
    mode: r.mode,
    subject_id: r.subjectId,
    conversation_id: r.conversationId,
    retention_class: r.retentionClass,
    created_at: r.createdAt,
    expires_at: r.expiresAt,
    data_key_id: r.dataKeyId,
    sealed: r.sealed,
  };
}

function fromTokenRow(row: Selectable<VaultTokensTable>): TokenRecord {
  return {
    tenant: row.tenant,
    token: row.token,
    type: row.type,
    mode: row.mode as TokenMode,
    subjectId: row.subject_id,
    conversationId: row.conversation_id,
    retentionClass: row.retention_class,
    createdAt: Number(row.created_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    dataKeyId: row.data_key_id,
    sealed: row.sealed,
  };
}

function fromKeyRow(row: Selectable<VaultDataKeysTable>): DataKeyRecord {
  return {
    id: row.id,
    tenant: row.tenant,
    purpose: row.purpose as DataKeyPurpose,
    subjectId: row.subject_key === '' ? null : row.subject_key,
    generation: Number(row.generation),
    kekId: row.kek_id,
    kekVersion: Number(row.kek_version),
    wrapped: row.wrapped,
    uses: Number(row.uses),
    createdAt: Number(row.created_at),
    destroyedAt: row.destroyed_at === null ? null : Number(row.destroyed_at),
  };
}
