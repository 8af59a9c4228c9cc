import type { RuleInfo } from './rule.js';
import { schemaRule } from './schema-issues.js';
import { definitionRules } from './rules/definition-rules.js';
import { folderRules } from './rules/folder-rules.js';
import { sendRules } from './rules/send-rules.js';
import { languageRules } from './validate-definition.js';
import { templateKnown } from './validate-send.js';

/** Every rule Veil checks, in the order of docs/templates.md's catalogue. */
export function ruleCatalogue(): RuleInfo[] {
  const all: RuleInfo[] = [
    schemaRule,
    ...definitionRules,
    ...languageRules,
    ...folderRules,
    ...sendRules,
    templateKnown,
  ];
  return all.map(({ id, source, reference, description, hint, severity }) => ({
    id,
    source,
    reference,
    description,
    hint,
    severity,
  }));
}
