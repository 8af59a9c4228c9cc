import type { Rule, Violation } from './rule.js';
import { runRules } from './rule.js';
import { schemaViolations } from './schema-issues.js';
import type { LanguageDraft, TemplateDefinition } from './template-schema.js';
import { createBodySchema, templateFileSchema, toDefinition } from './template-schema.js';
import { definitionRules } from './rules/definition-rules.js';
import { componentRules } from './rules/component-rules.js';
import { variableRules } from './rules/variable-rules.js';
import { exampleRules } from './rules/example-rules.js';
import { buttonRules } from './rules/button-rules.js';
import { authRules } from './rules/auth-rules.js';

export const languageRules: readonly Rule<LanguageDraft>[] = [
  ...componentRules,
  ...variableRules,
  ...exampleRules,
  ...buttonRules,
  ...authRules,
];

export interface DefinitionResult {
  /** Present when the document has the right shape (rules may still have found problems). */
  readonly definition?: TemplateDefinition;
  readonly violations: readonly Violation[];
}

/** A template file (`languages: {…}`) or a single create body (`language`, `components`). */
export const isTemplateFile = (raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && 'languages' in raw;

/** Validates one parsed YAML/JSON document holding a template definition. */
export function validateDefinition(raw: unknown): DefinitionResult {
  const parsed = isTemplateFile(raw) ? templateFileSchema.safeParse(raw) : createBodySchema.safeParse(raw);
  if (!parsed.success) return { violations: schemaViolations(parsed.error) };
  const definition = toDefinition(parsed.data);
  const violations = runRules(definitionRules, definition);
  for (const draft of definition.languages)
    violations.push(...runRules(languageRules, draft, draft.basePath));
  return { definition, violations };
}
