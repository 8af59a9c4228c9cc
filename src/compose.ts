import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { VeilConfig } from './config/config.js';
import { loadVaultPolicy } from './config/vault-policy-config.js';
import { LocalKeyProvider } from './adapters/keys/local-key-provider.js';
import { Pkcs11KeyProvider } from './adapters/keys/pkcs11-key-provider.js';
import { openPostgresDatabase } from './adapters/stores/postgres-database.js';
import { SqlApiKeyStore } from './adapters/stores/sql-api-key-store.js';
import { SqlVaultStore } from './adapters/stores/sql-vault-store.js';
import { openSqliteDatabase } from './adapters/stores/sqlite-database.js';
import { maskValue } from './core/protection/mask.js';
import type { Operator } from './core/protection/operator.js';
import { ApiKeys } from './core/vault/api-keys.js';
import type { KeyProvider } from './core/vault/key-provider.js';
import { KeyRotation } from './core/vault/key-rotation.js';
import { encryptOperator, tokenizeOperator } from './core/vault/operators/vault-operators.js';
import { RateLimiter } from './core/vault/rate-limiter.js';
import { RevealPolicy } from './core/vault/reveal-policy.js';
import { Vault } from './core/vault/vault.js';
import { buildApp } from './http/app.js';
import type { TemplateRoutesDeps } from './http/routes/template-routes.js';
import { operationalError } from './core/errors.js';

/**
 * The composition root: configuration → adapters → core. The one place that picks concrete
 * stores and key providers; the CLI, the HTTP app, tests and benchmarks all get their vault here.
 */
export interface VaultRuntime {
  readonly config: VeilConfig;
  readonly vault: Vault;
  readonly rotation: KeyRotation;
  readonly store: SqlVaultStore;
  readonly keys: KeyProvider;
  readonly apiKeys: ApiKeys;
  close(): Promise<void>;
}

export interface OpenVaultOptions {
  readonly clock?: () => number;
  /** A server rather than a CLI command: SQLite then checkpoints on a thread of its own. */
  readonly longRunning?: boolean;
}

export function openKeyProvider(config: VeilConfig): KeyProvider {
  if (config.keyProvider === 'local') return new LocalKeyProvider(config.keyringFile);
  if (config.pkcs11Pin === undefined) {
    throw operationalError(
      'VEIL_ERR_CONFIG_PKCS11_PIN',
      'VEIL_KEY_PROVIDER=pkcs11 needs VEIL_PKCS11_PIN or VEIL_PKCS11_PIN_FILE',
    );
  }
  return new Pkcs11KeyProvider({
    module: config.pkcs11Module,
    tokenLabel: config.pkcs11TokenLabel,
    slot: config.pkcs11Slot,
    pin: config.pkcs11Pin,
  });
}

/** `longRunning`: a server, not a CLI command (SQLite then checkpoints on a thread of its own). */
export async function openVaultStore(config: VeilConfig, longRunning = false): Promise<SqlVaultStore> {
  if (config.databaseUrl)
    return SqlVaultStore.open(openPostgresDatabase({ url: config.databaseUrl }), 'postgres');
  return SqlVaultStore.open(
    openSqliteDatabase(path.join(config.dataDir, 'veil.db'), {
      synchronous: config.sqliteSynchronous,
      backgroundCheckpoints: longRunning,
    }),
    'sqlite',
  );
}

export async function openVault(config: VeilConfig, options: OpenVaultOptions = {}): Promise<VaultRuntime> {
  const clock = options.clock ?? Date.now;
  // Read before anything opens, so a bad policy file fails fast and leaves nothing behind.
  const policy = config.revealPolicyFile ? loadVaultPolicy(config.revealPolicyFile) : undefined;
  const store = await openVaultStore(config, options.longRunning);
  let keys: KeyProvider;
  try {
    keys = openKeyProvider(config);
    await keys.ensureKey(config.kekId);
  } catch (error) {
    await store.close();
    throw error;
  }
  const vault = new Vault({
    store,
    audit: store,
    keys,
    kekId: config.kekId,
    policy: new RevealPolicy(policy?.roles),
    eraseRoles: policy?.eraseRoles,
    limiter: new RateLimiter({ capacity: config.revealBurst, perMinute: config.revealRatePerMinute, clock }),
    mask: maskValue,
    clock,
    defaultMode: 'random',
  });
  return {
    config,
    vault,
    rotation: new KeyRotation({ store, keys, audit: store, kekId: config.kekId, clock }),
    store,
    keys,
    apiKeys: new ApiKeys(new SqlApiKeyStore(store.db), clock),
    async close() {
      await keys.close();
      await store.close();
    },
  };
}

/** The vault's operators for the protection pipeline (`tokenize`, `encrypt`). */
export function vaultOperators(runtime: VaultRuntime): Operator[] {
  const options = { defaultTenant: runtime.config.defaultTenant, mode: runtime.config.tokenMode };
  return [tokenizeOperator(runtime.vault, options), encryptOperator(runtime.vault, options)];
}

/** The HTTP API over an open vault (never listens: the caller decides). */
export function buildVaultApp(
  runtime: VaultRuntime,
  extra: { templates?: TemplateRoutesDeps } = {},
): FastifyInstance {
  return buildApp({
    vault: runtime.vault,
    apiKeys: runtime.apiKeys,
    bodyLimit: runtime.config.httpBodyLimit,
    ...(extra.templates ? { templates: extra.templates } : {}),
  });
}
