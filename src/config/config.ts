import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_RETENTION_DAYS } from '../gateway/gateway-retention.js';

/**
 * The one configuration schema. Every field names its environment variable and default; nothing
 * outside src/config reads process.env. Parsed once, frozen.
 */
const configSchema = z.object({
  /** VEIL_DATA_DIR: where all state lives (default ./data). */
  dataDir: z.string().min(1),
  /** VEIL_LOG_LEVEL */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** VEIL_DEFAULT_REGION: default region for phone numbers without a country code. */
  defaultRegion: z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166 region such as BR'),
  /** VEIL_HASH_KEY: key for the `hash` operator (hex or base64, at least 16 bytes); generated per data dir when absent. */
  hashKey: z.string().optional(),
  /** VEIL_DETECTION_CONFIG: YAML or JSON file with custom types, allow/deny lists and extra cues (see docs/detection.md). */
  detectionConfigFile: z.string().optional(),
  /** VEIL_DATABASE_URL (or VEIL_DATABASE_URL_FILE): postgres://… for a shared vault; absent means SQLite at <dataDir>/veil.db. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  /**
   * VEIL_SQLITE_SYNCHRONOUS: `normal` (default; WAL: a process crash loses no committed transaction,
   * a power loss may lose the last ones) or `full` (an fsync per commit: power-loss durable, slower).
   */
  sqliteSynchronous: z.enum(['normal', 'full']),
  /** VEIL_KEY_PROVIDER: where key-encryption keys live: `local` (keyring file) or `pkcs11` (HSM). */
  keyProvider: z.enum(['local', 'pkcs11']),
  /** VEIL_KEYRING_FILE: the local provider's keyring (default <dataDir>/keyring.json, mode 0600). */
  keyringFile: z.string().min(1),
  /** VEIL_KEK_ID: name of the key-encryption key that wraps the vault's data keys. */
  kekId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  /** VEIL_PKCS11_MODULE: the PKCS#11 library (default SoftHSM2's). */
  pkcs11Module: z.string().min(1),
  /** VEIL_PKCS11_TOKEN_LABEL: the token to use (or VEIL_PKCS11_SLOT, a slot id). */
  pkcs11TokenLabel: z.string().optional(),
  /** VEIL_PKCS11_SLOT */
  pkcs11Slot: z.coerce.number().int().nonnegative().optional(),
  /** VEIL_PKCS11_PIN (or VEIL_PKCS11_PIN_FILE): the user PIN. */
  pkcs11Pin: z.string().optional(),
  /** VEIL_DEFAULT_TENANT: tenant for CLI use without --tenant. */
  defaultTenant: z.string().min(1).max(200),
  /** VEIL_TOKEN_MODE: default token kind of the `tokenize` operator. */
  tokenMode: z.enum(['random', 'deterministic', 'format-preserving']),
  /** VEIL_REVEAL_RATE_PER_MINUTE and VEIL_REVEAL_BURST: reveals allowed per principal. */
  revealRatePerMinute: z.coerce.number().positive(),
  revealBurst: z.coerce.number().int().positive(),
  /** VEIL_REVEAL_POLICY: YAML or JSON file of reveal levels per role and type (see docs/vault.md). */
  revealPolicyFile: z.string().optional(),
  /** VEIL_HTTP_BODY_LIMIT: largest accepted request body in bytes (default 1 MiB). */
  httpBodyLimit: z.coerce.number().int().positive(),
  /** VEIL_WHATSAPP_GRAPH_URL: Graph API base URL (Meta's, or the sandbox simulator's). */
  whatsappGraphUrl: z.url(),
  /** VEIL_WHATSAPP_API_VERSION: Graph API version in request paths. */
  whatsappApiVersion: z.string().regex(/^v[0-9]+\.[0-9]+$/, 'a Graph version such as v23.0'),
  /** VEIL_WHATSAPP_ACCESS_TOKEN (or VEIL_WHATSAPP_ACCESS_TOKEN_FILE): system-user token for Graph calls. */
  whatsappAccessToken: z.string().min(1).optional(),
  /** VEIL_WHATSAPP_WABA_ID: the WhatsApp Business Account whose templates Veil manages. */
  whatsappWabaId: z
    .string()
    .regex(/^[0-9]+$/)
    .optional(),
  /** VEIL_WHATSAPP_PHONE_NUMBER_ID: the business number messages are sent from. */
  whatsappPhoneNumberId: z
    .string()
    .regex(/^[0-9]+$/)
    .optional(),
  /** VEIL_GATEWAY_RETENTION_DAYS: how long finished inbox (dedup) and outbox rows are kept (default 8, over Meta's 7-day retries). */
  gatewayRetentionDays: z.coerce.number().positive(),
  /** VEIL_GATEWAY_LEASE_TTL_SECONDS: how long a stopped process's conversations wait before another takes them (default 15). */
  gatewayLeaseTtlSeconds: z.coerce.number().min(1),
  /** VEIL_TEMPLATES_DIR: the template definitions folder `POST /v1/messages/template` sends from. */
  templatesDir: z.string().min(1).optional(),
  /** VEIL_TEMPLATE_ALERT_WEBHOOK_URL: where template rejection/pause/disable alerts are POSTed (optional). */
  templateAlertWebhookUrl: z.url().optional(),
  /** VEIL_TEMPLATE_ALERT_WEBHOOK_SECRET (or …_FILE): HMAC key signing those alerts (X-Veil-Signature-256). */
  templateAlertWebhookSecret: z.string().min(16).optional(),
});

export type VeilConfig = Readonly<z.infer<typeof configSchema>>;

export interface ConfigOverrides {
  readonly dataDir?: string | undefined;
  readonly detectionConfigFile?: string | undefined;
}

export function loadConfig(
  overrides: ConfigOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
): VeilConfig {
  const dataDir = path.resolve(overrides.dataDir ?? env.VEIL_DATA_DIR ?? './data');
  const parsed = configSchema.safeParse({
    dataDir,
    logLevel: env.VEIL_LOG_LEVEL ?? 'info',
    defaultRegion: (env.VEIL_DEFAULT_REGION ?? 'BR').toUpperCase(),
    hashKey: env.VEIL_HASH_KEY,
    detectionConfigFile: overrides.detectionConfigFile ?? env.VEIL_DETECTION_CONFIG,
    databaseUrl: secret(env, 'VEIL_DATABASE_URL'),
    sqliteSynchronous: (env.VEIL_SQLITE_SYNCHRONOUS ?? 'normal').toLowerCase(),
    keyProvider: env.VEIL_KEY_PROVIDER ?? 'local',
    keyringFile: path.resolve(env.VEIL_KEYRING_FILE ?? path.join(dataDir, 'keyring.json')),
    kekId: env.VEIL_KEK_ID ?? 'veil-kek',
    pkcs11Module: env.VEIL_PKCS11_MODULE ?? '/usr/lib/softhsm/libsofthsm2.so',
    pkcs11TokenLabel: env.VEIL_PKCS11_TOKEN_LABEL,
    pkcs11Slot: env.VEIL_PKCS11_SLOT,
    pkcs11Pin: secret(env, 'VEIL_PKCS11_PIN'),
    defaultTenant: env.VEIL_DEFAULT_TENANT ?? 'default',
    tokenMode: env.VEIL_TOKEN_MODE ?? 'random',
    revealRatePerMinute: env.VEIL_REVEAL_RATE_PER_MINUTE ?? 600,
    revealBurst: env.VEIL_REVEAL_BURST ?? 100,
    revealPolicyFile: env.VEIL_REVEAL_POLICY,
    httpBodyLimit: env.VEIL_HTTP_BODY_LIMIT ?? 1_048_576,
    whatsappGraphUrl: env.VEIL_WHATSAPP_GRAPH_URL ?? 'https://graph.facebook.com',
    whatsappApiVersion: env.VEIL_WHATSAPP_API_VERSION ?? 'v23.0',
    whatsappAccessToken: secret(env, 'VEIL_WHATSAPP_ACCESS_TOKEN'),
    whatsappWabaId: env.VEIL_WHATSAPP_WABA_ID,
    whatsappPhoneNumberId: env.VEIL_WHATSAPP_PHONE_NUMBER_ID,
    gatewayRetentionDays: env.VEIL_GATEWAY_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
    gatewayLeaseTtlSeconds: env.VEIL_GATEWAY_LEASE_TTL_SECONDS ?? 15,
    templatesDir: env.VEIL_TEMPLATES_DIR === undefined ? undefined : path.resolve(env.VEIL_TEMPLATES_DIR),
    templateAlertWebhookUrl: env.VEIL_TEMPLATE_ALERT_WEBHOOK_URL,
    templateAlertWebhookSecret: secret(env, 'VEIL_TEMPLATE_ALERT_WEBHOOK_SECRET'),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return Object.freeze(parsed.data);
}

/** A secret from NAME, or from the file NAME_FILE names (Docker/Kubernetes secrets), trailing newline dropped. */
function secret(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  return env[name];
}
