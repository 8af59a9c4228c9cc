import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const level = z.enum(['plain', 'masked', 'redacted']);
const typeName = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'an upper-case type such as CREDIT_CARD');

/**
 * Who may see what (VEIL_REVEAL_POLICY, YAML or JSON): per role a default level and per-type
 * exceptions; roles not listed see `redacted`. `eraseRoles` may shred subjects and delete tokens.
 */
export const vaultPolicySchema = z
  .object({
    roles: z.record(
      z.string().min(1),
      z.object({ default: level, types: z.record(typeName, level).optional() }).strict(),
    ),
    eraseRoles: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

export type VaultPolicyConfig = z.infer<typeof vaultPolicySchema>;

export function loadVaultPolicy(file: string): VaultPolicyConfig {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`reveal policy ${file}: ${(error as Error).message}`);
  }
  const parsed = vaultPolicySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`reveal policy ${file} is invalid: ${problems}`);
  }
  return parsed.data;
}
