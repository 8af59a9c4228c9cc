import type { PathSegment, Rule } from '../rule.js';
import { findPlaceholders, strayBraces } from '../placeholders.js';
import type { LanguageDraft } from '../template-schema.js';
import { CONTRACTS, defineRule } from './define.js';

/** Rules on `{{…}}` placeholders in the header, body and URL buttons. */

interface VariableText {
  readonly where: 'header' | 'body' | 'url';
  readonly path: readonly PathSegment[];
  readonly text: string;
}

const textsCache = new WeakMap<LanguageDraft, readonly VariableText[]>();

/** Texts that may hold placeholders, read once per draft (the draft is never mutated). */
function variableTexts(d: LanguageDraft): readonly VariableText[] {
  const cached = textsCache.get(d);
  if (cached) return cached;
  const out: VariableText[] = [];
  d.components.forEach((c, i) => {
    if (c.type === 'HEADER' && c.text !== undefined)
      out.push({ where: 'header', path: ['components', i, 'text'], text: c.text });
    if (c.type === 'BODY' && c.text !== undefined)
      out.push({ where: 'body', path: ['components', i, 'text'], text: c.text });
    c.buttons?.forEach((b, j) => {
      if (b.type === 'URL' && b.url !== undefined)
        out.push({ where: 'url', path: ['components', i, 'buttons', j, 'url'], text: b.url });
    });
  });
  textsCache.set(d, out);
  return out;
}

export const variablesWellFormed = defineRule<LanguageDraft>(
  {
    id: 'variables.well-formed',
    source: 'confirmed',
    reference: `${CONTRACTS}: variables "correct braces, no #, $, % inside"`,
    description: 'Placeholders are {{1}} or {{name}}: two braces each side, no spaces or #, $, % inside.',
    hint: 'Write placeholders as {{1}} (positional) or {{first_name}} (named).',
  },
  (d, report) => {
    for (const t of variableTexts(d)) {
      for (const p of findPlaceholders(t.text)) {
        if (p.kind !== 'malformed') continue;
        const why = /[#$%]/.test(p.inner) ? ' (contains #, $ or %)' : '';
        report(t.path, `malformed placeholder {{${p.inner}}}${why}`);
      }
      for (const stray of strayBraces(t.text)) report(t.path, `unbalanced braces near "${stray}"`);
    }
  },
);

export const variablesFormat = defineRule<LanguageDraft>(
  {
    id: 'variables.format',
    source: 'confirmed',
    reference: 'contracts.md §1e: parameter_format positional | named (lowercase+underscore)',
    description:
      'A positional template uses {{1}}, {{2}}…; a named one uses lowercase names such as {{first_name}}. URL suffixes may be either.',
    hint: 'Use the placeholder style that matches parameter_format, or change parameter_format.',
  },
  (d, report) => {
    for (const t of variableTexts(d)) {
      if (t.where === 'url') continue;
      for (const p of findPlaceholders(t.text)) {
        if (p.kind === 'malformed') continue;
        if (d.parameterFormat === 'positional' && p.kind === 'named')
          report(t.path, `named placeholder {{${p.inner}}} in a positional template`);
        if (d.parameterFormat === 'named' && p.kind === 'positional')
          report(t.path, `positional placeholder {{${p.inner}}} in a named template`);
      }
    }
  },
);

export const variablesSequential = defineRule<LanguageDraft>(
  {
    id: 'variables.sequential',
    source: 'confirmed',
    reference: `${CONTRACTS}: variables "{{1}}… sequential"`,
    description: 'Positional placeholders in each component are numbered 1, 2, 3… with no gap.',
    hint: 'Renumber the placeholders of this component from {{1}} without gaps.',
  },
  (d, report) => {
    for (const t of variableTexts(d)) {
      const numbers = [
        ...new Set(
          findPlaceholders(t.text)
            .filter((p) => p.kind === 'positional')
            .map((p) => Number(p.inner)),
        ),
      ];
      const sorted = [...numbers].sort((a, b) => a - b);
      const sequential = sorted.every((n, i) => n === i + 1);
      if (!sequential)
        report(t.path, `placeholders {{${sorted.join('}}, {{')}}} are not numbered 1..${sorted.length}`);
    }
  },
);

export const variablesNotAtEdges = defineRule<LanguageDraft>(
  {
    id: 'variables.not-at-edges',
    source: 'confirmed',
    reference: `${CONTRACTS}: "template may not start or end with a parameter"`,
    description:
      'The body text neither starts nor ends with a placeholder (trailing punctuation does not count as text).',
    hint: 'Add fixed words before the first and after the last placeholder (punctuation alone does not count).',
  },
  (d, report) => {
    for (const t of variableTexts(d)) {
      if (t.where !== 'body') continue;
      const text = t.text.trim();
      if (/^\{\{[^{}]*\}\}/.test(text)) report(t.path, 'the body starts with a placeholder');
      // Trailing punctuation does not count as text: "… {{1}}." is treated as ending with a placeholder.
      if (/\{\{[^{}]*\}\}[\s\p{P}]*$/u.test(text)) report(t.path, 'the body ends with a placeholder');
    }
  },
);

export const variablesNotAdjacent = defineRule<LanguageDraft>(
  {
    id: 'variables.not-adjacent',
    source: 'confirmed',
    reference: `${CONTRACTS}: "not adjacent ({{1}}{{2}})"`,
    description: 'Two placeholders are separated by fixed text, not only by spaces.',
    hint: 'Put words between the placeholders, or merge them into one parameter.',
  },
  (d, report) => {
    for (const t of variableTexts(d)) {
      const ps = findPlaceholders(t.text);
      for (let i = 1; i < ps.length; i++) {
        const prev = ps[i - 1];
        const cur = ps[i];
        if (prev && cur && t.text.slice(prev.end, cur.start).trim() === '')
          report(t.path, `placeholders {{${prev.inner}}} and {{${cur.inner}}} are adjacent`);
      }
    }
  },
);

export const variablesDensity = defineRule<LanguageDraft>(
  {
    id: 'variables.density',
    source: 'confirmed',
    reference: `${CONTRACTS}: "not too many params for text length" (Meta gives no number; the threshold is Veil's)`,
    description:
      'Meta rejects bodies with too many parameters for their length. Veil warns when the fixed words are fewer than twice the placeholders plus one.',
    hint: 'Add fixed wording or use fewer parameters.',
    severity: 'warning',
  },
  (d, report) => {
    for (const t of variableTexts(d)) {
      if (t.where !== 'body') continue;
      const count = findPlaceholders(t.text).length;
      if (count === 0) continue;
      const words = t.text
        .replace(/\{\{[^{}]*\}\}/g, ' ')
        .split(/\s+/)
        .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (words < 2 * count + 1) report(t.path, `${count} placeholders for ${words} fixed words`);
    }
  },
);

export const variableRules: readonly Rule<LanguageDraft>[] = [
  variablesWellFormed,
  variablesFormat,
  variablesSequential,
  variablesNotAtEdges,
  variablesNotAdjacent,
  variablesDensity,
];
