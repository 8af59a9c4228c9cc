import type { Rule } from '../rule.js';
import { charLength } from '../rule.js';
import { findPlaceholders } from '../placeholders.js';
import type { LanguageDraft } from '../template-schema.js';
import { CONTRACTS, EMOJI, componentsOfType, defineRule, isAuthentication } from './define.js';

/** Rules on the HEADER, BODY and FOOTER components of one language. */

export const componentCounts = defineRule<LanguageDraft>(
  {
    id: 'components.counts',
    source: 'derived',
    reference: 'contracts.md §1e create shape; templates/components',
    description: 'A template has exactly one BODY and at most one HEADER, FOOTER and BUTTONS component.',
    hint: 'Merge or remove the repeated component; add a BODY if there is none.',
  },
  (d, report) => {
    const bodies = componentsOfType(d, 'BODY');
    if (bodies.length === 0) report(['components'], 'the template has no BODY component');
    for (const type of ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const) {
      const found = componentsOfType(d, type);
      for (const extra of found.slice(1))
        report(['components', extra.index], `more than one ${type} component`);
    }
  },
);

export const headerFormat = defineRule<LanguageDraft>(
  {
    id: 'header.format',
    source: 'derived',
    reference: 'contracts.md §1e: HEADER format TEXT|IMAGE|VIDEO|GIF|DOCUMENT|LOCATION',
    description: 'A HEADER names its format; a TEXT header has text, a media or location header has none.',
    hint: 'Set format (TEXT, IMAGE, VIDEO, GIF, DOCUMENT or LOCATION) and give text only to TEXT headers.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'HEADER')) {
      if (item.format === undefined) report(['components', index, 'format'], 'the header has no format');
      else if (item.format === 'TEXT' && !item.text)
        report(['components', index, 'text'], 'a TEXT header needs text');
      else if (item.format !== 'TEXT' && item.text !== undefined)
        report(['components', index, 'text'], `a ${item.format} header carries no text`);
    }
  },
);

export const headerLength = defineRule<LanguageDraft>(
  {
    id: 'header.length',
    source: 'confirmed',
    reference: `${CONTRACTS}: header (text) ≤60 chars`,
    description: 'A text header is at most 60 characters (placeholders included as written).',
    hint: 'Shorten the header to 60 characters or move text to the body.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'HEADER')) {
      const n = charLength(item.text ?? '');
      if (n > 60) report(['components', index, 'text'], `header text is ${n} characters; max 60`);
    }
  },
);

export const headerVariableCount = defineRule<LanguageDraft>(
  {
    id: 'header.variable-count',
    source: 'confirmed',
    reference: `${CONTRACTS}: header max 1 parameter`,
    description: 'A text header has at most one parameter.',
    hint: 'Keep one parameter in the header and move the others to the body.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'HEADER')) {
      const n = findPlaceholders(item.text ?? '').length;
      if (n > 1) report(['components', index, 'text'], `header has ${n} parameters; max 1`);
    }
  },
);

export const headerMarkdown = defineRule<LanguageDraft>(
  {
    id: 'header.markdown',
    source: 'confirmed',
    reference: `${CONTRACTS}: header "markdown special characters unsupported"`,
    description: 'Text headers do not render WhatsApp markdown (*bold*, _italic_, ~strike~, ```mono```).',
    hint: 'Remove the formatting characters from the header.',
    severity: 'warning',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'HEADER')) {
      const outsidePlaceholders = (item.text ?? '').replace(/\{\{[^{}]*\}\}/g, '');
      if (/[*_~`]/.test(outsidePlaceholders))
        report(['components', index, 'text'], 'header contains markdown characters (* _ ~ `)');
    }
  },
);

export const headerCharacters = defineRule<LanguageDraft>(
  {
    id: 'header.characters',
    source: 'secondary',
    reference: `${CONTRACTS}: header emojis / \\n / * not allowed [secondary: Twilio summary of Meta guidelines]`,
    description: 'Text headers contain no emoji, newline or asterisk.',
    hint: 'Remove emoji, line breaks and * from the header.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'HEADER')) {
      const text = item.text ?? '';
      const found = [
        EMOJI.test(text) && 'emoji',
        /[\r\n]/.test(text) && 'newline',
        text.includes('*') && '*',
      ];
      const names = found.filter((f): f is string => typeof f === 'string');
      if (names.length > 0) report(['components', index, 'text'], `header contains ${names.join(', ')}`);
    }
  },
);

export const headerLocationCategory = defineRule<LanguageDraft>(
  {
    id: 'header.location-category',
    source: 'confirmed',
    reference: 'contracts.md §1e: LOCATION header (utility/marketing only)',
    description: 'LOCATION headers exist only in UTILITY and MARKETING templates.',
    hint: 'Use a UTILITY or MARKETING category, or another header format.',
  },
  (d, report) => {
    const category = d.category.toUpperCase();
    for (const { item, index } of componentsOfType(d, 'HEADER'))
      if (item.format === 'LOCATION' && category !== 'UTILITY' && category !== 'MARKETING')
        report(['components', index, 'format'], `LOCATION header in a ${category} template`);
  },
);

export const bodyText = defineRule<LanguageDraft>(
  {
    id: 'body.text',
    source: 'derived',
    reference: 'contracts.md §1e create shape',
    description: 'The BODY of a non-authentication template has text.',
    hint: 'Write the body text.',
  },
  (d, report) => {
    if (isAuthentication(d)) return;
    for (const { item, index } of componentsOfType(d, 'BODY'))
      if (!item.text || item.text.trim() === '')
        report(['components', index, 'text'], 'the body has no text');
  },
);

export const bodyLength = defineRule<LanguageDraft>(
  {
    id: 'body.length',
    source: 'confirmed',
    reference: `${CONTRACTS}: body ≤1024 chars`,
    description: 'The body is at most 1024 characters (placeholders included as written).',
    hint: 'Shorten the body to 1024 characters.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'BODY')) {
      const n = charLength(item.text ?? '');
      if (n > 1024) report(['components', index, 'text'], `body text is ${n} characters; max 1024`);
    }
  },
);

export const footerLength = defineRule<LanguageDraft>(
  {
    id: 'footer.length',
    source: 'confirmed',
    reference: `${CONTRACTS}: footer ≤60 chars`,
    description: 'The footer is at most 60 characters.',
    hint: 'Shorten the footer to 60 characters.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'FOOTER')) {
      const n = charLength(item.text ?? '');
      if (n > 60) report(['components', index, 'text'], `footer text is ${n} characters; max 60`);
    }
  },
);

export const footerNoVariables = defineRule<LanguageDraft>(
  {
    id: 'footer.no-variables',
    source: 'secondary',
    reference: `${CONTRACTS}: footer "no parameters" [secondary]`,
    description: 'The footer has no parameters.',
    hint: 'Move the parameter to the body; the footer is fixed text.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'FOOTER'))
      if (findPlaceholders(item.text ?? '').length > 0)
        report(['components', index, 'text'], 'the footer contains a parameter');
  },
);

export const footerCharacters = defineRule<LanguageDraft>(
  {
    id: 'footer.characters',
    source: 'secondary',
    reference: `${CONTRACTS}: footer no emoji/newline [secondary]`,
    description: 'The footer contains no emoji or newline.',
    hint: 'Remove emoji and line breaks from the footer.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'FOOTER')) {
      const text = item.text ?? '';
      if (EMOJI.test(text) || /[\r\n]/.test(text))
        report(['components', index, 'text'], 'the footer contains an emoji or a newline');
    }
  },
);

export const componentRules: readonly Rule<LanguageDraft>[] = [
  componentCounts,
  headerFormat,
  headerLength,
  headerVariableCount,
  headerMarkdown,
  headerCharacters,
  headerLocationCategory,
  bodyText,
  bodyLength,
  footerLength,
  footerNoVariables,
  footerCharacters,
];
