import type { WrappedKey } from './key-provider.js';

export type TokenMode = 'random' | 'deterministic' | 'format-preserving';
export const TOKEN_MODES: readonly TokenMode[] = ['random', 'deterministic', 'format-preserving'];

/** One vaulted value. `sealed` is the AES-256-GCM envelope; everything else is metadata. */
export interface TokenRecord {
  readonly tenant: string;
  readonly token: string;
  readonly type: string;
  readonly mode: TokenMode;
  readonly subjectId: string | null;
  readonly conversationId: string | null;
  readonly retentionClass: string | null;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly dataKeyId: string;
  readonly sealed: Uint8Array;
}

export type TokenMetadata = Omit<TokenRecord, 'sealed'>;

/**
 * `value`: the tenant's key for values without a subject (new generation when its use budget is spent).
 * `subject`: one per subject, destroyed on erasure. `index`: keys deterministic tokens. `fpe`: FF1 key.
 */
export type DataKeyPurpose = 'value' | 'subject' | 'index' | 'fpe';

export interface DataKeyRecord {
  readonly id: string;
  readonly tenant: string;
  readonly purpose: DataKeyPurpose;
  readonly subjectId: string | null;
  readonly generation: number;
  readonly kekId: string;
  readonly kekVersion: number;
  /** Null once destroyed (crypto-shredding). */
  readonly wrapped: Uint8Array | null;
  readonly uses: number;
  readonly createdAt: number;
  readonly destroyedAt: number | null;
}

export interface VaultStats {
  readonly tokens: number;
  readonly tokensByType: Readonly<Record<string, number>>;
  readonly tokensByMode: Readonly<Record<string, number>>;
  readonly expiredTokens: number;
  readonly dataKeys: number;
  readonly destroyedDataKeys: number;
  /** `kekId@version` → live data keys wrapped by it. */
  readonly dataKeysByKek: Readonly<Record<string, number>>;
  readonly auditEvents: number;
}

/**
 * Persistence of tokens and wrapped data keys. Every implementation runs `describeTokenStore`
 * (test-support/token-store-contract.ts) against a real database.
 */
export interface TokenStore {
  /** `ignore` keeps an existing row with the same (tenant, token); `replace` overwrites it. */
  putTokens(records: readonly TokenRecord[], onConflict: 'ignore' | 'replace'): Promise<void>;
  getTokens(tenant: string, tokens: readonly string[]): Promise<Map<string, TokenRecord>>;
  /** Tokens plus the data keys that seal them, in one round trip (the reveal path). */
  getTokensWithKeys(
    tenant: string,
    tokens: readonly string[],
  ): Promise<{ tokens: Map<string, TokenRecord>; keys: Map<string, DataKeyRecord> }>;
  deleteToken(tenant: string, token: string): Promise<boolean>;
  /** Deletes up to `limit` tokens whose expiry is at or before `now`; returns how many. */
  deleteExpired(now: number, limit: number): Promise<number>;

  getDataKeys(ids: readonly string[]): Promise<Map<string, DataKeyRecord>>;
  /** The highest generation for (tenant, purpose, subject), destroyed or not. */
  latestDataKey(
    tenant: string,
    purpose: DataKeyPurpose,
    subjectId: string | null,
  ): Promise<DataKeyRecord | undefined>;
  /** False when another writer created the same (tenant, purpose, subject, generation) first. */
  insertDataKey(record: DataKeyRecord): Promise<boolean>;
  /** Atomically adds to the use counter; returns the new total. */
  addDataKeyUses(id: string, count: number): Promise<number>;
  /** Forgets the wrapped material of every live key of the subject; returns their ids. */
  destroySubjectKeys(tenant: string, subjectId: string, at: number): Promise<string[]>;
  countDataKeysToRewrap(kekId: string, belowVersion: number): Promise<number>;
  /** Live keys wrapped by a version below `belowVersion`, ordered by id after `afterId`. */
  listDataKeysToRewrap(
    kekId: string,
    belowVersion: number,
    afterId: string,
    limit: number,
  ): Promise<DataKeyRecord[]>;
  /** Compare-and-set on the KEK version, so concurrent rewraps never lose an update. */
  updateWrappedKey(id: string, expectedKekVersion: number, wrapped: WrappedKey): Promise<boolean>;
  /** Live data keys per KEK version. */
  kekVersionsInUse(kekId: string): Promise<Map<number, number>>;

  stats(now: number): Promise<VaultStats>;
  close(): Promise<void>;
}
