import type { RuleInfo, Violation } from '../rule.js';
import { formatPath } from '../rule.js';
import type { TemplateDefinition } from '../template-schema.js';
import { isAuthentication } from './define.js';

/** Rules that look across the files of a template folder (one `validate` run). */

export interface FolderEntry {
  readonly file: string;
  readonly definition: TemplateDefinition;
}

export interface FolderViolation {
  readonly file: string;
  readonly violation: Violation;
}

export const duplicateWording: RuleInfo = {
  id: 'duplicates.wording',
  source: 'confirmed',
  reference: 'contracts.md §1e limits: duplicates (not for AUTHENTICATION)',
  description:
    'Two templates in one language do not share the same body and footer wording (Meta rejects the copy).',
  hint: 'Change the wording of one of them, or keep a single template.',
  severity: 'error',
};

export const uniqueNames: RuleInfo = {
  id: 'folder.unique-names',
  source: 'veil',
  reference: 'Veil folder layout (docs/templates.md): one file per template name',
  description: 'Each template name is defined in one file only.',
  hint: 'Merge the languages into one file per template name.',
  severity: 'error',
};

export const fallbackTarget: RuleInfo = {
  id: 'fallback.target',
  source: 'veil',
  reference: 'Veil fallback chains (docs/templates.md)',
  description: 'Templates named in a fallback chain exist in the folder (in the language given, if any).',
  hint: 'Add the fallback template to the folder or fix its name/language.',
  severity: 'error',
};

export const folderRules: readonly RuleInfo[] = [duplicateWording, uniqueNames, fallbackTarget];

const violation = (info: RuleInfo, path: (string | number)[], message: string): Violation => ({
  rule: info.id,
  path: formatPath(path),
  message,
  hint: info.hint,
  severity: info.severity,
});

function wordingOf(components: TemplateDefinition['languages'][number]['components']): string {
  const body = components.find((c) => c.type === 'BODY')?.text ?? '';
  const footer = components.find((c) => c.type === 'FOOTER')?.text ?? '';
  return `${body.trim()}\u0000${footer.trim()}`;
}

export function checkFolder(entries: readonly FolderEntry[]): FolderViolation[] {
  const out: FolderViolation[] = [];
  const byName = new Map<string, FolderEntry>();
  const byWording = new Map<string, string>();
  for (const entry of entries) {
    const { definition, file } = entry;
    const first = byName.get(definition.name);
    if (first)
      out.push({
        file,
        violation: violation(uniqueNames, ['name'], `"${definition.name}" is also defined in ${first.file}`),
      });
    else byName.set(definition.name, entry);
    if (isAuthentication(definition)) continue;
    for (const draft of definition.languages) {
      const key = `${draft.language}\u0000${wordingOf(draft.components)}`;
      const other = byWording.get(key);
      if (other !== undefined && other !== definition.name)
        out.push({
          file,
          violation: violation(
            duplicateWording,
            [...draft.basePath, 'components'],
            `same body and footer as "${other}" (${draft.language})`,
          ),
        });
      else byWording.set(key, definition.name);
    }
  }
  for (const { file, definition } of entries) {
    definition.fallback.forEach((step, i) => {
      if (!('template' in step)) return;
      const target = byName.get(step.template);
      const languageOk =
        target !== undefined &&
        (step.language === undefined ||
          target.definition.languages.some((l) => l.language === step.language));
      if (!languageOk)
        out.push({
          file,
          violation: violation(
            fallbackTarget,
            ['fallback', i, 'template'],
            `fallback "${step.template}${step.language ? ` (${step.language})` : ''}" is not in the folder`,
          ),
        });
    });
  }
  return out;
}
