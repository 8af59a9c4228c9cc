import type { Rule } from '../rule.js';
import { charLength } from '../rule.js';
import type { TemplateDefinition } from '../template-schema.js';
import { CONTRACTS, defineRule } from './define.js';

/** Rules on a template as a whole (name, category, languages, fallback chain). */

export const nameFormat = defineRule<TemplateDefinition>(
  {
    id: 'name.format',
    source: 'confirmed',
    reference: `${CONTRACTS}: template name`,
    description: 'Template names use lowercase letters, digits and underscores only.',
    hint: 'Rename using lowercase a–z, 0–9 and _, e.g. order_confirmation.',
  },
  (t, report) => {
    if (!/^[a-z0-9_]+$/.test(t.name))
      report(['name'], `name "${t.name}" has characters other than a-z, 0-9 and _`);
  },
);

export const nameLength = defineRule<TemplateDefinition>(
  {
    id: 'name.length',
    source: 'confirmed',
    reference: `${CONTRACTS}: template name`,
    description: 'Template names are 1 to 512 characters long.',
    hint: 'Shorten the name to at most 512 characters.',
  },
  (t, report) => {
    const n = charLength(t.name);
    if (n === 0 || n > 512) report(['name'], `name is ${n} characters; allowed 1–512`);
  },
);

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

export const categoryValue = defineRule<TemplateDefinition>(
  {
    id: 'category.value',
    source: 'confirmed',
    reference: 'contracts.md §1e: category',
    description: 'Category is MARKETING, UTILITY or AUTHENTICATION (case-insensitive).',
    hint: 'Set category to MARKETING, UTILITY or AUTHENTICATION.',
  },
  (t, report) => {
    if (!CATEGORIES.includes(t.category.toUpperCase()))
      report(['category'], `category "${t.category}" is not one of ${CATEGORIES.join(', ')}`);
  },
);

export const languageCode = defineRule<TemplateDefinition>(
  {
    id: 'language.code',
    source: 'derived',
    reference: 'contracts.md §1e: creation uses en_US, webhooks en-US',
    description: 'Language codes are written as in the create API: `es`, `pt_BR`, `en_US` (underscore).',
    hint: 'Write the language as ll or ll_CC with an underscore, e.g. pt_BR.',
  },
  (t, report) => {
    if (t.languages.length === 0) report(['languages'], 'the template has no language');
    for (const l of t.languages) {
      if (!/^[a-z]{2,3}(_[A-Z]{2,3})?$/.test(l.language))
        report(
          l.basePath.length === 0 ? ['language'] : l.basePath,
          `language code "${l.language}" is malformed`,
        );
    }
  },
);

export const fallbackChain = defineRule<TemplateDefinition>(
  {
    id: 'fallback.chain',
    source: 'veil',
    reference: 'Veil fallback chains (docs/templates.md)',
    description:
      'A fallback chain does not name its own template and has plain text only as its last step (text is sent only inside the 24-hour window).',
    hint: 'Remove the self-reference, and keep at most one text step, at the end.',
  },
  (t, report) => {
    t.fallback.forEach((step, i) => {
      if ('template' in step && step.template === t.name && step.language === undefined)
        report(['fallback', i], 'the chain names the template itself');
      if ('text' in step && i !== t.fallback.length - 1)
        report(['fallback', i], 'a plain-text step must be the last one');
    });
  },
);

export const definitionRules: readonly Rule<TemplateDefinition>[] = [
  nameFormat,
  nameLength,
  categoryValue,
  languageCode,
  fallbackChain,
];
