import type { RuleInfo, Violation } from './rule.js';
import { formatPath, runRules } from './rule.js';
import { schemaViolations } from './schema-issues.js';
import type { ParameterInspector } from './inspector.js';
import type { SendBody } from './send-schema.js';
import { sendBodySchema } from './send-schema.js';
import type { LanguageDraft } from './template-schema.js';
import { sendRules } from './rules/send-rules.js';

/** Finds the definition of a template in one language (from a folder, or the provider's list). */
export type DefinitionLookup = (name: string, language: string) => LanguageDraft | undefined;

export const templateKnown: RuleInfo = {
  id: 'send.template-known',
  source: 'confirmed',
  reference: 'contracts.md §1d error 132001 (template does not exist in that language)',
  description: 'With definitions available, the template exists in the requested language.',
  hint: 'Fix the template name or language code, or add that language to the template.',
  severity: 'error',
};

export interface SendResult {
  readonly body?: SendBody;
  readonly violations: readonly Violation[];
}

/**
 * Validates a template messages payload; with `lookup`, also against the template's definition.
 * `requireKnown` makes a template missing from the lookup an error (definitions given explicitly);
 * `inspect` (the detection engine) refuses sensitive data in quick-reply payloads.
 */
export function validateSend(
  raw: unknown,
  lookup?: DefinitionLookup,
  requireKnown = lookup !== undefined,
  inspect?: ParameterInspector,
): SendResult {
  const parsed = sendBodySchema.safeParse(raw);
  if (!parsed.success) return { violations: schemaViolations(parsed.error) };
  const body = parsed.data;
  const definition = lookup?.(body.template.name, body.template.language.code);
  const violations = runRules(sendRules, {
    body,
    ...(definition ? { definition } : {}),
    ...(inspect ? { inspect } : {}),
  });
  if (requireKnown && !definition)
    violations.push({
      rule: templateKnown.id,
      path: formatPath(['template', 'name']),
      message: `no template "${body.template.name}" in ${body.template.language.code}`,
      hint: templateKnown.hint,
      severity: 'error',
    });
  return { body, violations };
}
