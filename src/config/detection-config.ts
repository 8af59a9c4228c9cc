import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Upper-case type names: canonical ones or an organisation's own (EMPLOYEE_ID, POLICY_NUMBER...). */
const typeName = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'an upper-case name such as EMPLOYEE_ID');

const customTypeSchema = z.object({
  type: typeName,
  pattern: z.string().min(1),
  flags: z
    .string()
    .regex(/^[imsy]*$/, 'RE2 flags among i, m, s')
    .default(''),
  validator: z.enum(['none', 'luhn', 'cpf', 'cnpj', 'ssn']).default('none'),
  context: z.array(z.string().min(1)).default([]),
  score: z.number().min(0).max(1).default(0.6),
  contextScore: z.number().min(0).max(1).optional(),
});

/** The detection section of Veil's configuration file (YAML or JSON). */
export const detectionConfigSchema = z
  .object({
    defaultRegion: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    minScore: z.number().min(0).max(1).optional(),
    /** Values never reported: the bot's and agents' own names. */
    allowList: z.array(z.string().min(1)).default([]),
    /** Values always reported, by type. */
    denyList: z.record(typeName, z.array(z.string().min(1))).default({}),
    /** Extra cue words by type (or OTHER), merged with the built-in ones. */
    cues: z.record(z.string(), z.array(z.string().min(1))).default({}),
    customTypes: z.array(customTypeSchema).default([]),
  })
  .strict();

export type DetectionConfig = z.infer<typeof detectionConfigSchema>;

/** Reads and validates a detection configuration file, naming each problem with its path. */
export function loadDetectionConfig(file: string): DetectionConfig {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`cannot read detection config ${file}: ${(error as Error).message}`);
  }
  const parsed = detectionConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`invalid detection config ${file}: ${problems}`);
  }
  return parsed.data;
}
