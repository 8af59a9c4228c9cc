import type { ColumnType, Generated } from 'kysely';

/** Integers that PostgreSQL's driver returns as strings (int8): read as string | number, written as number. */
type BigIntColumn = ColumnType<string | number, number, number>;
type NullableBigInt = ColumnType<string | number | null, number | null, number | null>;

export interface VaultTokensTable {
  tenant: string;
  token: string;
  type: string;
  mode: string;
  subject_id: string | null;
  conversation_id: string | null;
  retention_class: string | null;
  created_at: BigIntColumn;
  expires_at: NullableBigInt;
  data_key_id: string;
  sealed: Uint8Array;
}

export interface VaultDataKeysTable {
  id: string;
  tenant: string;
  purpose: string;
  /** '' when the key has no subject, so the unique index treats "no subject" as one value. */
  subject_key: string;
  generation: number;
  kek_id: string;
  kek_version: number;
  wrapped: Uint8Array | null;
  uses: BigIntColumn;
  created_at: BigIntColumn;
  destroyed_at: NullableBigInt;
}

export interface VaultAuditTable {
  seq: Generated<number>;
  id: string;
  at: BigIntColumn;
  tenant: string;
  principal: string;
  action: string;
  target: string | null;
  type: string | null;
  purpose: string | null;
  level: string | null;
  outcome: string;
}

export interface ApiKeysTable {
  id: string;
  tenant: string;
  /** JSON array of role names. */
  roles: string;
  /** Hex SHA-256 of the secret part. */
  secret_hash: string;
  label: string | null;
  created_at: BigIntColumn;
  revoked_at: NullableBigInt;
}

export interface VeilDatabase {
  vault_tokens: VaultTokensTable;
  vault_data_keys: VaultDataKeysTable;
  vault_audit: VaultAuditTable;
  api_keys: ApiKeysTable;
}

export type SqlFlavor = 'sqlite' | 'postgres';
