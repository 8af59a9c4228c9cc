import type { z } from 'zod';
import type { RuleInfo, Violation } from './rule.js';
import { formatPath } from './rule.js';

/** Shape problems found by a zod schema, reported like any other rule. */
export const schemaRule: RuleInfo = {
  id: 'schema.shape',
  source: 'derived',
  reference: 'contracts.md §1d/§1e request shapes',
  description:
    'The document has the Cloud API request shape: known component and parameter types, fields of the right type.',
  hint: 'Fix the field at this path to match the Cloud API request shape (see examples/templates).',
  severity: 'error',
};

export function schemaViolations(error: z.ZodError): Violation[] {
  return error.issues.map((issue) => ({
    rule: schemaRule.id,
    path: formatPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))),
    message: issue.message,
    hint: schemaRule.hint,
    severity: 'error',
  }));
}
