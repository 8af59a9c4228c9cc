import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * The tenants file (VEIL_TENANTS_FILE, YAML or JSON): each tenant ties one WhatsApp business number
 * (phone-number id, app secret, verify and access tokens) to one Genesys Cloud org's OAuth client and
 * Open Messaging integration, plus how its messages are protected. Any secret may be written as
 * `env:NAME` to take it from the environment instead of the file. Validated at start, all problems
 * reported at once.
 */

/** Genesys regions (contracts §2a): env → `login.<host>` / `api.<host>`. */
export const GENESYS_REGIONS: Readonly<Record<string, string>> = {
  us_east_1: 'mypurecloud.com',
  eu_west_1: 'mypurecloud.ie',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  eu_central_1: 'mypurecloud.de',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  ap_northeast_2: 'apne2.pure.cloud',
  eu_west_2: 'euw2.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  eu_central_2: 'euc2.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
};

const secret = z.string().min(1, 'must not be empty');
const MB = 1024 * 1024;
const MEDIA_NOTICE = '📎 {type} received (protected): {token}';
const MEDIA_FAILED_NOTICE = '📎 {type} not received: it could not be checked safely';
const digits = z.string().regex(/^[0-9]+$/, 'digits only');
const typeName = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'an upper-case type such as CREDIT_CARD');
const operatorName = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'an operator name such as tokenize');

/** How a trigger-opened secure segment closes, and which encryption config it carries. */
const segmentOpening = {
  closeAfterMessages: z.number().int().min(1).max(1000).optional(),
  ttlSeconds: z.number().int().min(1).max(86_400).optional(),
  config: z.string().min(1).optional(),
};

const tenantSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, . _ - (at most 64)'),
    whatsapp: z
      .object({
        phoneNumberId: digits,
        wabaId: digits.optional(),
        appSecret: secret,
        verifyToken: secret,
        accessToken: secret,
        graphUrl: z.url().default('https://graph.facebook.com'),
        apiVersion: z
          .string()
          .regex(/^v[0-9]+\.[0-9]+$/, 'a Graph version such as v23.0')
          .default('v23.0'),
      })
      .strict(),
    genesys: z
      .object({
        region: z.enum(Object.keys(GENESYS_REGIONS) as [string, ...string[]]).optional(),
        /** Explicit base URLs (the sandbox's simulator); override `region`. */
        loginUrl: z.url().optional(),
        apiUrl: z.url().optional(),
        clientId: z.string().min(1),
        clientSecret: secret,
        integrationId: z.string().min(1),
        webhookSecret: secret,
      })
      .strict()
      .refine((g) => g.region !== undefined || (g.loginUrl !== undefined && g.apiUrl !== undefined), {
        message: 'give a region, or both loginUrl and apiUrl',
      }),
    identity: z
      .object({
        /** `masked`: a pseudonym as the identity key, the masked number (+55 11 *****-4321) in the display name. */
        id: z.enum(['phone', 'opaque', 'masked']).default('phone'),
        name: z.enum(['as-is', 'masked', 'omit']).default('as-is'),
      })
      .strict()
      .default({ id: 'phone', name: 'as-is' }),
    encryption: z
      .object({
        /** The config every conversation uses. */
        default: z.string().min(1),
        configs: z.record(
          z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
          z
            .object({
              /** Whose messages are protected: customer text before the platform, agent text before the customer. */
              authors: z.array(z.enum(['customer', 'agent'])).default(['customer', 'agent']),
              defaultOperator: operatorName.default('tokenize'),
              byType: z.record(typeName, operatorName).default({}),
              /** Only these types are acted on; absent means every detected type. */
              types: z.array(typeName).min(1).optional(),
              /**
               * Customer media downloaded, sealed in the blob store, replaced by a token notice.
               * Absent means true (see encryptionConfig): media is protected unless a config says no.
               */
              media: z.boolean().optional(),
            })
            .strict(),
        ),
      })
      .strict()
      .refine((e) => e.configs[e.default] !== undefined, { message: 'default names no config in configs' })
      .default({
        default: 'standard',
        configs: {
          standard: { authors: ['customer', 'agent'], defaultOperator: 'tokenize', byType: {} },
        },
      }),
    /** Data actions on tokens with a backend (see docs/gateway.md); header values may be `env:NAME`. */
    actions: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'lower-case letters, digits and -'),
        z
          .object({
            method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'),
            url: z.string().regex(/^https?:\/\//, 'an http(s) URL template'),
            headers: z.record(z.string(), z.string()).default({}),
            /** JSON body template; an object is written as JSON. */
            body: z
              .union([z.string(), z.record(z.string(), z.unknown())])
              .transform((b) => (typeof b === 'string' ? b : JSON.stringify(b)))
              .optional(),
            response: z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/), z.string().min(1)),
            timeoutMs: z.number().int().min(100).max(30_000).default(10_000),
          })
          .strict(),
      )
      .default({}),
    secureSegments: z
      .object({
        /** What the platform sees for a vaulted message; `{token}` is replaced by its token. */
        notice: z.string().includes('{token}').default('🔒 secure input received: {token}'),
        /** Lifetime of a segment opened without `ttlSeconds`. */
        defaultTtlSeconds: z.number().int().min(1).max(86_400).default(600),
        /** A bot message carrying this marker opens a segment for its customer; the marker is stripped. */
        botMarker: z
          .object({ marker: z.string().min(1).max(100), ...segmentOpening })
          .strict()
          .optional(),
        /** Text matching `pattern` (RE2) from one of `authors` opens a segment for the customer. */
        keywordRules: z
          .array(
            z
              .object({
                name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
                pattern: z.string().min(1).max(1000),
                authors: z
                  .array(z.enum(['customer', 'agent', 'bot']))
                  .min(1)
                  .default(['customer']),
                ignoreCase: z.boolean().default(true),
                ...segmentOpening,
              })
              .strict(),
          )
          .default([]),
      })
      .strict()
      .default({ notice: '🔒 secure input received: {token}', defaultTtlSeconds: 600, keywordRules: [] }),
    media: z
      .object({
        /** What the platform sees instead of protected media; `{type}` and `{token}` are replaced. */
        notice: z.string().includes('{token}').default(MEDIA_NOTICE),
        /** What the platform sees when protected media could not be taken safely. */
        failedNotice: z.string().min(1).default(MEDIA_FAILED_NOTICE),
        /** Larger media is not downloaded (the failure notice goes instead); WhatsApp allows up to 100 MB. */
        maxBytes: z
          .number()
          .int()
          .min(1024)
          .max(100 * MB)
          .default(16 * MB),
        /** Lifetime of stored media (its MEDIA token); absent: kept until the customer is erased. */
        ttlSeconds: z.number().int().min(60).optional(),
        /** https hosts besides the Graph origin that may receive the access token with a download. */
        downloadHosts: z.array(z.string().regex(/^[a-z0-9.-]+$/)).default(['lookaside.fbsbx.com']),
      })
      .strict()
      .default({
        notice: MEDIA_NOTICE,
        failedNotice: MEDIA_FAILED_NOTICE,
        maxBytes: 16 * MB,
        downloadHosts: ['lookaside.fbsbx.com'],
      }),
    outbound: z
      .object({
        /** What to do with sensitive data an agent pastes into a reply. */
        agentData: z.enum(['allow', 'mask', 'block']).default('mask'),
        blockNotice: z.string().min(1).default('Message not sent: it contained sensitive data.'),
        /** Tokens in a bot's text revealed to their own customer, per type and level; others never. */
        botReveal: z.record(typeName, z.enum(['plain', 'masked'])).default({}),
        /** What replaces a token in a bot's text that is not revealed. */
        botHidden: z.string().max(100).default('[protected]'),
      })
      .strict()
      .default({
        agentData: 'mask',
        blockNotice: 'Message not sent: it contained sensitive data.',
        botReveal: {},
        botHidden: '[protected]',
      }),
  })
  .strict();

const fileSchema = z.object({ tenants: z.array(tenantSchema).min(1, 'at least one tenant') }).strict();

export type TenantConfig = z.infer<typeof tenantSchema> & {
  readonly genesys: { readonly loginUrl: string; readonly apiUrl: string };
};

const SECRET_FIELDS = [
  ['whatsapp', 'appSecret'],
  ['whatsapp', 'verifyToken'],
  ['whatsapp', 'accessToken'],
  ['genesys', 'clientSecret'],
  ['genesys', 'webhookSecret'],
] as const;

/** Parses and checks a tenants document (already read from YAML/JSON). */
export function parseTenants(raw: unknown, env: NodeJS.ProcessEnv = process.env): TenantConfig[] {
  const problems: string[] = [];
  const resolved = resolveEnvReferences(raw, env, problems);
  const parsed = fileSchema.safeParse(resolved);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  if (problems.length > 0 || !parsed.success) throw new Error(`invalid tenants: ${problems.join('; ')}`);
  const tenants = parsed.data.tenants.map((t) => {
    const host = t.genesys.region === undefined ? undefined : GENESYS_REGIONS[t.genesys.region];
    return {
      ...t,
      genesys: {
        ...t.genesys,
        loginUrl: t.genesys.loginUrl ?? `https://login.${host}`,
        apiUrl: t.genesys.apiUrl ?? `https://api.${host}`,
      },
    };
  });
  tenants.forEach((t, index) => {
    const configs = t.encryption.configs;
    const named = [
      ['secureSegments.botMarker.config', t.secureSegments.botMarker?.config],
      ...t.secureSegments.keywordRules.map(
        (rule, i) => [`secureSegments.keywordRules.${i}.config`, rule.config] as const,
      ),
    ] as const;
    for (const [at, config] of named)
      if (config !== undefined && configs[config] === undefined)
        problems.push(`tenants.${index}.${at}: names no config in encryption.configs`);
  });
  for (const [field, get] of [
    ['id', (t: TenantConfig) => t.id],
    ['whatsapp.phoneNumberId', (t: TenantConfig) => t.whatsapp.phoneNumberId],
    ['genesys.integrationId', (t: TenantConfig) => t.genesys.integrationId],
  ] as const) {
    const seen = new Set<string>();
    for (const t of tenants) {
      if (seen.has(get(t))) problems.push(`tenants: two tenants share ${field} ${get(t)}`);
      seen.add(get(t));
    }
  }
  if (problems.length > 0) throw new Error(`invalid tenants: ${problems.join('; ')}`);
  return tenants;
}

export function loadTenantsFile(file: string, env: NodeJS.ProcessEnv = process.env): TenantConfig[] {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`tenants file ${file}: ${(error as Error).message}`);
  }
  try {
    return parseTenants(raw, env);
  } catch (error) {
    throw new Error(`tenants file ${file}: ${(error as Error).message}`);
  }
}

/** VEIL_TENANTS_FILE, when set. */
export function tenantsFileFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.VEIL_TENANTS_FILE;
}

/** Replaces `env:NAME` in the secret fields with the variable's value; a missing variable is a problem. */
function resolveEnvReferences(raw: unknown, env: NodeJS.ProcessEnv, problems: string[]): unknown {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { tenants?: unknown }).tenants))
    return raw;
  const tenants = (raw as { tenants: unknown[] }).tenants.map((tenant, index) => {
    if (typeof tenant !== 'object' || tenant === null) return tenant;
    const copy: Record<string, unknown> = { ...(tenant as Record<string, unknown>) };
    for (const [section, field] of SECRET_FIELDS) {
      const part = copy[section];
      if (typeof part !== 'object' || part === null) continue;
      const value = (part as Record<string, unknown>)[field];
      if (typeof value !== 'string' || !value.startsWith('env:')) continue;
      const name = value.slice(4);
      const fromEnv = env[name];
      if (fromEnv === undefined || fromEnv === '')
        problems.push(`tenants.${index}.${section}.${field}: environment variable ${name} is not set`);
      copy[section] = { ...(part as Record<string, unknown>), [field]: fromEnv ?? '' };
    }
    const actions = copy.actions;
    if (typeof actions === 'object' && actions !== null) {
      copy.actions = Object.fromEntries(
        Object.entries(actions as Record<string, unknown>).map(([name, action]) => {
          const headers = (action as { headers?: unknown } | null)?.headers;
          if (typeof headers !== 'object' || headers === null) return [name, action];
          const resolved = Object.fromEntries(
            Object.entries(headers as Record<string, unknown>).map(([header, value]) => {
              if (typeof value !== 'string' || !value.startsWith('env:')) return [header, value];
              const fromEnv = env[value.slice(4)];
              if (fromEnv === undefined || fromEnv === '')
                problems.push(
                  `tenants.${index}.actions.${name}.headers.${header}: environment variable ${value.slice(4)} is not set`,
                );
              return [header, fromEnv ?? ''];
            }),
          );
          return [name, { ...(action as Record<string, unknown>), headers: resolved }];
        }),
      );
    }
    return copy;
  });
  return { ...(raw as Record<string, unknown>), tenants };
}
