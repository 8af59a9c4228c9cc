import path from 'node:path';
import { z } from 'zod';

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
});

export type VeilConfig = Readonly<z.infer<typeof configSchema>>;

export interface ConfigOverrides {
  readonly dataDir?: string | undefined;
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): VeilConfig {
  const parsed = configSchema.safeParse({
    dataDir: path.resolve(overrides.dataDir ?? env.VEIL_DATA_DIR ?? './data'),
    logLevel: env.VEIL_LOG_LEVEL ?? 'info',
    defaultRegion: (env.VEIL_DEFAULT_REGION ?? 'BR').toUpperCase(),
    hashKey: env.VEIL_HASH_KEY,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return Object.freeze(parsed.data);
}
