import type { Reporter, Rule } from '../rule.js';
import { charLength } from '../rule.js';
import { findPlaceholders } from '../placeholders.js';
import type { Button, LanguageDraft } from '../template-schema.js';
import { CONTRACTS, componentsOfType, defineRule } from './define.js';

/** Rules on the BUTTONS component. */

interface LocatedButton {
  readonly button: Button;
  readonly path: readonly (string | number)[];
}

/** Every rule here walks the buttons: read them once per draft (the draft is never mutated). */
const buttonsCache = new WeakMap<LanguageDraft, readonly LocatedButton[]>();

function buttonsOf(d: LanguageDraft): readonly LocatedButton[] {
  let found = buttonsCache.get(d);
  if (!found) {
    found = componentsOfType(d, 'BUTTONS').flatMap(({ item, index }) =>
      (item.buttons ?? []).map((button, j) => ({ button, path: ['components', index, 'buttons', j] })),
    );
    buttonsCache.set(d, found);
  }
  return found;
}

/** A rule capping how many buttons of one type a template may have. */
function maxOfType(id: string, type: Button['type'], label: string, max: number): Rule<LanguageDraft> {
  return defineRule<LanguageDraft>(
    {
      id,
      source: 'confirmed',
      reference: `${CONTRACTS}: ${label} ≤${max}`,
      description: `At most ${max} ${label} button${max === 1 ? '' : 's'} per template.`,
      hint: `Remove ${label} buttons until there ${max === 1 ? 'is one' : `are ${max}`}.`,
    },
    (d, report: Reporter) => {
      const found = buttonsOf(d).filter((b) => b.button.type === type);
      for (const extra of found.slice(max)) report(extra.path, `${label} button number ${max + 1} or later`);
    },
  );
}

export const buttonsTotal = defineRule<LanguageDraft>(
  {
    id: 'buttons.total',
    source: 'confirmed',
    reference: `${CONTRACTS}: buttons total ≤10`,
    description: 'A template has at most 10 buttons in total, and a BUTTONS component has at least one.',
    hint: 'Remove buttons until there are at most 10.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'BUTTONS')) {
      const n = item.buttons?.length ?? 0;
      if (n === 0) report(['components', index, 'buttons'], 'the BUTTONS component has no button');
    }
    const all = buttonsOf(d);
    if (all.length > 10) report(all[10]?.path ?? ['components'], `${all.length} buttons; max 10`);
  },
);

export const quickReplyCount = maxOfType('buttons.quick-reply-count', 'QUICK_REPLY', 'quick-reply', 10);
export const urlCount = maxOfType('buttons.url-count', 'URL', 'URL', 2);
export const phoneCount = maxOfType('buttons.phone-count', 'PHONE_NUMBER', 'phone-number', 1);
export const copyCodeCount = maxOfType('buttons.copy-code-count', 'COPY_CODE', 'copy-code', 1);

export const quickReplyGrouping = defineRule<LanguageDraft>(
  {
    id: 'buttons.quick-reply-grouping',
    source: 'confirmed',
    reference: `${CONTRACTS}: quick reply "must be grouped contiguously"`,
    description: 'Quick-reply buttons are contiguous: all of them before the other buttons, or all after.',
    hint: 'Reorder the buttons so the quick replies sit together at the start or at the end.',
  },
  (d, report) => {
    const kinds = buttonsOf(d).map((b) => (b.button.type === 'QUICK_REPLY' ? 'Q' : 'O'));
    const runs = kinds.join('').replace(/(.)\1+/g, '$1');
    if (runs.length > 2)
      report(
        buttonsOf(d)[0]?.path.slice(0, 3) ?? [],
        `buttons interleave quick replies and others (${runs})`,
      );
  },
);

export const desktopVisibility = defineRule<LanguageDraft>(
  {
    id: 'buttons.desktop',
    source: 'confirmed',
    reference: `${CONTRACTS}: "≥4 buttons or QR+other not viewable on desktop"; >3 shown as "See all options"`,
    description:
      'Four or more buttons, or quick replies mixed with other buttons, do not show on WhatsApp desktop.',
    hint: 'Keep three buttons or fewer of a single kind if desktop users matter.',
    severity: 'warning',
  },
  (d, report) => {
    const all = buttonsOf(d);
    const mixed =
      all.some((b) => b.button.type === 'QUICK_REPLY') && all.some((b) => b.button.type !== 'QUICK_REPLY');
    if (all.length >= 4 || mixed)
      report(
        all[0]?.path.slice(0, 3) ?? [],
        `${all.length} buttons${mixed ? ', quick replies mixed with others' : ''}`,
      );
  },
);

const LABELLED: readonly Button['type'][] = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP'];

export const labelLength = defineRule<LanguageDraft>(
  {
    id: 'buttons.label-length',
    source: 'confirmed',
    reference: `${CONTRACTS}: quick reply / URL / phone label ≤25`,
    description: 'Button labels are at most 25 characters.',
    hint: 'Shorten the button text to 25 characters.',
  },
  (d, report) => {
    for (const { button, path } of buttonsOf(d)) {
      if (!LABELLED.includes(button.type) || button.text === undefined) continue;
      const n = charLength(button.text);
      if (n > 25) report([...path, 'text'], `button label is ${n} characters; max 25`);
    }
  },
);

export const requiredFields = defineRule<LanguageDraft>(
  {
    id: 'buttons.required-fields',
    source: 'derived',
    reference:
      'contracts.md §1e create example (QUICK_REPLY text; URL text+url; PHONE_NUMBER text+phone_number)',
    description:
      'Each button has the fields of its type: a label, and the URL, phone number or sample code it needs.',
    hint: 'Add the missing field shown in the path.',
  },
  (d, report) => {
    for (const { button, path } of buttonsOf(d)) {
      const need: string[] = [];
      if (['QUICK_REPLY', 'URL', 'PHONE_NUMBER'].includes(button.type) && !button.text) need.push('text');
      if (button.type === 'URL' && !button.url) need.push('url');
      if (button.type === 'PHONE_NUMBER' && !button.phone_number) need.push('phone_number');
      if (button.type === 'COPY_CODE' && typeof button.example !== 'string') need.push('example');
      for (const field of need) report([...path, field], `${button.type} button without ${field}`);
    }
  },
);

export const urlLength = defineRule<LanguageDraft>(
  {
    id: 'buttons.url-length',
    source: 'confirmed',
    reference: `${CONTRACTS}: URL ≤2000`,
    description: 'A button URL is at most 2000 characters.',
    hint: 'Shorten the URL.',
  },
  (d, report) => {
    for (const { button, path } of buttonsOf(d)) {
      const n = charLength(button.url ?? '');
      if (button.type === 'URL' && n > 2000) report([...path, 'url'], `URL is ${n} characters; max 2000`);
    }
  },
);

export const urlVariable = defineRule<LanguageDraft>(
  {
    id: 'buttons.url-variable',
    source: 'confirmed',
    reference: `${CONTRACTS}: URL "≤1 variable, appended at the end"`,
    description: 'A URL has at most one placeholder, and only at its very end.',
    hint: 'Keep one placeholder as the last thing in the URL, e.g. https://example.com/track/{{1}}.',
  },
  (d, report) => {
    for (const { button, path } of buttonsOf(d)) {
      if (button.type !== 'URL' || button.url === undefined) continue;
      const ps = findPlaceholders(button.url);
      if (ps.length > 1) report([...path, 'url'], `URL has ${ps.length} placeholders; max 1`);
      const last = ps[ps.length - 1];
      if (last && last.end !== button.url.trimEnd().length)
        report([...path, 'url'], 'the URL placeholder is not at the end');
    }
  },
);

export const phoneLength = defineRule<LanguageDraft>(
  {
    id: 'buttons.phone-length',
    source: 'confirmed',
    reference: `${CONTRACTS}: phone button "number ≤20 chars"`,
    description: 'A phone-number button number is at most 20 characters.',
    hint: 'Write the number in international form without extra characters (≤20).',
  },
  (d, report) => {
    for (const { button, path } of buttonsOf(d)) {
      const n = charLength(button.phone_number ?? '');
      if (button.type === 'PHONE_NUMBER' && n > 20)
        report([...path, 'phone_number'], `phone number is ${n} characters; max 20`);
    }
  },
);

export const copyCodeLength = defineRule<LanguageDraft>(
  {
    id: 'buttons.copy-code-length',
    source: 'confirmed',
    reference: `${CONTRACTS}: copy-code "code ≤15 chars"`,
    description: 'A copy-code button code (its example) is at most 15 characters.',
    hint: 'Use a code of at most 15 characters.',
  },
  (d, report) => {
    for (const { button, path } of buttonsOf(d)) {
      if (button.type !== 'COPY_CODE' || typeof button.example !== 'string') continue;
      const n = charLength(button.example);
      if (n > 15) report([...path, 'example'], `code is ${n} characters; max 15`);
    }
  },
);

export const buttonRules: readonly Rule<LanguageDraft>[] = [
  buttonsTotal,
  quickReplyCount,
  urlCount,
  phoneCount,
  copyCodeCount,
  quickReplyGrouping,
  desktopVisibility,
  labelLength,
  requiredFields,
  urlLength,
  urlVariable,
  phoneLength,
  copyCodeLength,
];
