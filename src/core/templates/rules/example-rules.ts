import type { PathSegment, Reporter, Rule } from '../rule.js';
import { findPlaceholders, placeholderNames } from '../placeholders.js';
import type { Component, LanguageDraft } from '../template-schema.js';
import { componentsOfType, defineRule } from './define.js';

/** Rules on the `example` values Meta's reviewers need for every parameter. */

type NamedExamples = NonNullable<Component['example']>['body_text_named_params'];

/** Checks examples of one text against its placeholders; shared by header and body. */
function checkTextExamples(
  d: LanguageDraft,
  text: string,
  positional: readonly string[] | undefined,
  named: NamedExamples,
  path: readonly PathSegment[],
  keys: { positional: string; named: string },
  report: Reporter,
  mode: 'present' | 'consistent',
): void {
  const names = placeholderNames(text);
  const exampleCount = positional?.length ?? named?.length ?? 0;
  if (mode === 'present') {
    if (names.length > 0 && exampleCount === 0)
      report(
        [...path, 'example'],
        `${names.length} parameter(s) but no example (${keys.positional} or ${keys.named})`,
      );
    return;
  }
  if (names.length === 0) {
    if (exampleCount > 0) report([...path, 'example'], 'examples given but the text has no parameter');
    return;
  }
  if (d.parameterFormat === 'named') {
    if (positional !== undefined)
      report([...path, 'example', keys.positional], `a named template uses ${keys.named}`);
    if (named === undefined) return;
    const given = named.map((n) => n.param_name);
    for (const name of names)
      if (!given.includes(name)) report([...path, 'example', keys.named], `no example for {{${name}}}`);
    named.forEach((n, i) => {
      if (!names.includes(n.param_name))
        report([...path, 'example', keys.named, i], `example for unknown parameter "${n.param_name}"`);
      if (n.example.trim() === '')
        report([...path, 'example', keys.named, i, 'example'], 'empty example value');
    });
  } else {
    if (named !== undefined)
      report([...path, 'example', keys.named], `a positional template uses ${keys.positional}`);
    if (positional === undefined) return;
    if (positional.length !== names.length)
      report(
        [...path, 'example', keys.positional],
        `${positional.length} example value(s) for ${names.length} parameter(s)`,
      );
    positional.forEach((v, i) => {
      if (v.trim() === '') report([...path, 'example', keys.positional, i], 'empty example value');
    });
  }
}

function checkExamples(d: LanguageDraft, report: Reporter, mode: 'present' | 'consistent'): void {
  for (const { item, index } of componentsOfType(d, 'HEADER')) {
    if (item.format !== 'TEXT' || item.text === undefined) continue;
    const keys = { positional: 'header_text', named: 'header_text_named_params' };
    const ex = item.example;
    checkTextExamples(
      d,
      item.text,
      ex?.header_text,
      ex?.header_text_named_params,
      ['components', index],
      keys,
      report,
      mode,
    );
  }
  for (const { item, index } of componentsOfType(d, 'BODY')) {
    if (item.text === undefined) continue;
    const rows = item.example?.body_text;
    if (mode === 'consistent' && rows !== undefined && rows.length !== 1)
      report(
        ['components', index, 'example', 'body_text'],
        'body_text holds exactly one row of examples: [["a","b"]]',
      );
    const keys = { positional: 'body_text', named: 'body_text_named_params' };
    const ex = item.example;
    checkTextExamples(
      d,
      item.text,
      rows?.[0],
      ex?.body_text_named_params,
      ['components', index],
      keys,
      report,
      mode,
    );
  }
  for (const { item, index } of componentsOfType(d, 'BUTTONS')) {
    item.buttons?.forEach((b, j) => {
      if (b.type !== 'URL' || b.url === undefined) return;
      const vars = findPlaceholders(b.url).length;
      const given = Array.isArray(b.example) ? b.example.length : b.example === undefined ? 0 : 1;
      const path = ['components', index, 'buttons', j, 'example'];
      if (mode === 'present' && vars > 0 && given === 0)
        report(path, 'the URL has a parameter but no example');
      if (mode === 'consistent' && given > 0 && given !== vars)
        report(path, `${given} example value(s) for ${vars} URL parameter(s)`);
    });
  }
}

export const examplesPresent = defineRule<LanguageDraft>(
  {
    id: 'examples.present',
    source: 'confirmed',
    reference: 'contracts.md §1e create example: example.header_text / body_text / URL example',
    description: 'Every text with parameters (header, body, URL) carries example values for review.',
    hint: 'Add one example per parameter: header_text ["…"], body_text [["…"]], *_named_params [{param_name, example}], or the URL button\'s example ["…"].',
  },
  (d, report) => checkExamples(d, report, 'present'),
);

export const examplesConsistent = defineRule<LanguageDraft>(
  {
    id: 'examples.consistent',
    source: 'confirmed',
    reference: 'contracts.md §1e: examples per parameter (positional arrays, named {param_name, example})',
    description:
      'Examples match the parameters: one value per positional parameter, one entry per named parameter, none for unknown names, none empty.',
    hint: 'Give exactly one non-empty example per parameter, in the parameter style of the template.',
  },
  (d, report) => checkExamples(d, report, 'consistent'),
);

export const examplesMediaHeader = defineRule<LanguageDraft>(
  {
    id: 'examples.media-header',
    source: 'confirmed',
    reference: 'contracts.md §1e: media header needs example.header_handle (Resumable Upload API)',
    description:
      'IMAGE, VIDEO, GIF and DOCUMENT headers carry example.header_handle; LOCATION headers have no example.',
    hint: 'Upload a sample with the Resumable Upload API and put its handle ("4::…") in example.header_handle.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'HEADER')) {
      const media =
        item.format === 'IMAGE' ||
        item.format === 'VIDEO' ||
        item.format === 'GIF' ||
        item.format === 'DOCUMENT';
      const handles = item.example?.header_handle ?? [];
      if (media && handles.length === 0)
        report(['components', index, 'example'], `${item.format} header without header_handle`);
      if (item.format === 'LOCATION' && item.example !== undefined)
        report(['components', index, 'example'], 'a LOCATION header takes no example');
    }
  },
);

export const exampleRules: readonly Rule<LanguageDraft>[] = [
  examplesPresent,
  examplesConsistent,
  examplesMediaHeader,
];
