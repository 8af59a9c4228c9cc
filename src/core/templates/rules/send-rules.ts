import type { PathSegment, Rule } from '../rule.js';
import { charLength } from '../rule.js';
import { findPlaceholders, placeholderNames } from '../placeholders.js';
import type { ParameterInspector } from '../inspector.js';
import type { SendBody, SendComponent, SendParameter } from '../send-schema.js';
import type { Button, LanguageDraft } from '../template-schema.js';
import { defineRule } from './define.js';

/** Send-time rules: a template message payload, optionally checked against its definition. */

export interface SendSubject {
  readonly body: SendBody;
  /** The definition of the template in this language, when known (folder or provider list). */
  readonly definition?: LanguageDraft;
  /** The detection engine, when available: quick-reply payloads must carry no sensitive data. */
  readonly inspect?: ParameterInspector;
}

interface LocatedParameter {
  readonly component: SendComponent;
  readonly parameter: SendParameter;
  readonly path: readonly PathSegment[];
}

const componentPath = (i: number): PathSegment[] => ['template', 'components', i];

function parametersOf(s: SendSubject): LocatedParameter[] {
  return (s.body.template.components ?? []).flatMap((component, i) =>
    component.parameters.map((parameter, j) => ({
      component,
      parameter,
      path: [...componentPath(i), 'parameters', j],
    })),
  );
}

/** The text a parameter carries to the customer (text, payload or coupon code). */
function textOf(p: SendParameter): { field: string; value: string } | undefined {
  if (p.type === 'text' && p.text !== undefined) return { field: 'text', value: p.text };
  if (p.type === 'payload' && p.payload !== undefined) return { field: 'payload', value: p.payload };
  if (p.type === 'coupon_code' && p.coupon_code !== undefined)
    return { field: 'coupon_code', value: p.coupon_code };
  return undefined;
}

const ALLOWED: Record<string, readonly SendParameter['type'][]> = {
  header: ['text', 'image', 'video', 'document', 'location'],
  body: ['text', 'currency', 'date_time'],
  quick_reply: ['payload'],
  url: ['text'],
  copy_code: ['coupon_code'],
  flow: ['action'],
  catalog: ['action'],
  mpm: ['action'],
  voice_call: ['text'],
};

export const sendParameterTypes = defineRule<SendSubject>(
  {
    id: 'send.parameter-types',
    source: 'confirmed',
    reference:
      'contracts.md §1d: parameter types (text, currency, date_time, media, location, payload, coupon_code)',
    description:
      'Each parameter has a type its component accepts (header: text/media/location; body: text/currency/date_time; quick reply: payload; URL: text; copy code: coupon_code) and carries the field its type names.',
    hint: 'Use a parameter type the component accepts and fill the field named after the type.',
  },
  (s, report) => {
    for (const { component, parameter, path } of parametersOf(s)) {
      const slot = component.type === 'button' ? (component.sub_type ?? 'button') : component.type;
      const allowed = ALLOWED[slot];
      if (allowed && !allowed.includes(parameter.type))
        report([...path, 'type'], `a ${slot} parameter cannot be of type ${parameter.type}`);
      if (parameter[parameter.type] === undefined)
        report(path, `type ${parameter.type} without a "${parameter.type}" field`);
    }
  },
);

export const sendTextCharacters = defineRule<SendSubject>(
  {
    id: 'send.text-characters',
    source: 'secondary',
    reference: 'contracts.md §1d error 132018 and §1e "send-time param text" [secondary]',
    description: 'Text parameters contain no newline, no tab and no run of more than four spaces.',
    hint: 'Replace line breaks and tabs with spaces and collapse long runs of spaces before sending.',
  },
  (s, report) => {
    for (const { parameter, path } of parametersOf(s)) {
      const t = textOf(parameter);
      if (!t) continue;
      const found = [
        /[\r\n]/.test(t.value) && 'a newline',
        t.value.includes('\t') && 'a tab',
        / {5}/.test(t.value) && 'more than 4 consecutive spaces',
      ];
      const names = found.filter((f): f is string => typeof f === 'string');
      if (names.length > 0) report([...path, t.field], `parameter text contains ${names.join(', ')}`);
    }
  },
);

export const sendNfc = defineRule<SendSubject>(
  {
    id: 'send.nfc',
    source: 'veil',
    reference: 'Veil: parameters are compared and measured in Unicode NFC (issue 6)',
    description:
      'Text parameters are in Unicode normalization form C, so lengths and comparisons mean the same thing everywhere.',
    hint: "Normalize the value with String.prototype.normalize('NFC') (Veil's assembler does it for you).",
  },
  (s, report) => {
    for (const { parameter, path } of parametersOf(s)) {
      const t = textOf(parameter);
      if (t && t.value !== t.value.normalize('NFC'))
        report([...path, t.field], 'parameter text is not NFC-normalized');
    }
  },
);

/** Body parameters may be long only when the template is body-only (contracts.md §1d, [secondary]). */
function bodyOnly(s: SendSubject): boolean {
  if (s.definition) return s.definition.components.every((c) => c.type === 'BODY');
  return (s.body.template.components ?? []).every((c) => c.type === 'body');
}

export const sendTextLength = defineRule<SendSubject>(
  {
    id: 'send.text-length',
    source: 'secondary',
    reference: 'contracts.md §1d: header param 60; body param 1024, or 32768 if body-only [secondary]',
    description:
      'Header text parameters are at most 60 characters; body text parameters at most 1024 (32768 in a body-only template).',
    hint: 'Shorten the value; long content belongs in a free-form message inside the 24-hour window.',
  },
  (s, report) => {
    const bodyMax = bodyOnly(s) ? 32768 : 1024;
    for (const { component, parameter, path } of parametersOf(s)) {
      if (parameter.type !== 'text' || parameter.text === undefined) continue;
      const max = component.type === 'header' ? 60 : component.type === 'body' ? bodyMax : undefined;
      const n = charLength(parameter.text);
      if (max !== undefined && n > max)
        report([...path, 'text'], `${component.type} parameter is ${n} characters; max ${max}`);
    }
  },
);

export const sendCouponLength = defineRule<SendSubject>(
  {
    id: 'send.code-length',
    source: 'secondary',
    reference:
      'contracts.md §1e copy-code ≤15; §1d 132018 "exceeds the parameter length limit 15" (auth) [secondary]',
    description:
      'A copy-code coupon, or the one-time code of an authentication template, is at most 15 characters.',
    hint: 'Use a code of at most 15 characters.',
  },
  (s, report) => {
    const auth = s.definition?.category.toUpperCase() === 'AUTHENTICATION';
    for (const { component, parameter, path } of parametersOf(s)) {
      const code =
        parameter.type === 'coupon_code'
          ? parameter.coupon_code
          : auth && component.type === 'button' && parameter.type === 'text'
            ? parameter.text
            : undefined;
      if (code !== undefined && charLength(code) > 15)
        report(path, `code is ${charLength(code)} characters; max 15`);
    }
  },
);

export const sendCurrency = defineRule<SendSubject>(
  {
    id: 'send.currency',
    source: 'confirmed',
    reference: 'contracts.md §1d: currency{fallback_value, code (ISO 4217), amount_1000}',
    description:
      'A currency parameter has a three-letter ISO 4217 code, an integer amount_1000 and a fallback_value.',
    hint: 'Write code like "BRL", amount_1000 as the amount times 1000 (an integer), and a fallback_value.',
  },
  (s, report) => {
    for (const { parameter, path } of parametersOf(s)) {
      const c = parameter.currency;
      if (parameter.type !== 'currency' || !c) continue;
      if (!/^[A-Z]{3}$/.test(c.code))
        report([...path, 'currency', 'code'], `"${c.code}" is not an ISO 4217 code`);
      if (!Number.isInteger(c.amount_1000))
        report([...path, 'currency', 'amount_1000'], 'amount_1000 must be an integer');
      if (c.fallback_value.trim() === '')
        report([...path, 'currency', 'fallback_value'], 'empty fallback_value');
    }
  },
);

export const sendMedia = defineRule<SendSubject>(
  {
    id: 'send.media',
    source: 'confirmed',
    reference: 'contracts.md §1d: media object {id} or {link}',
    description: 'A media parameter gives exactly one of id or link.',
    hint: 'Give the uploaded media id, or an https link, not both.',
  },
  (s, report) => {
    for (const { parameter, path } of parametersOf(s)) {
      if (parameter.type !== 'image' && parameter.type !== 'video' && parameter.type !== 'document') continue;
      const m = parameter[parameter.type];
      if (m && (m.id === undefined) === (m.link === undefined))
        report([...path, parameter.type], 'media needs exactly one of id or link');
    }
  },
);

export const sendButtons = defineRule<SendSubject>(
  {
    id: 'send.buttons',
    source: 'confirmed',
    reference: 'contracts.md §1d: button components carry sub_type and a 0-based index',
    description:
      'Each button component has a sub_type and a distinct 0-based index below 10; header and body appear at most once.',
    hint: 'Give every button component sub_type and index ("0"…"9"), one component per button.',
  },
  (s, report) => {
    const seen = new Set<string>();
    const counts = { header: 0, body: 0 };
    (s.body.template.components ?? []).forEach((c, i) => {
      if (c.type !== 'button') {
        counts[c.type]++;
        if (counts[c.type] > 1) report(componentPath(i), `more than one ${c.type} component`);
        return;
      }
      if (c.sub_type === undefined)
        report([...componentPath(i), 'sub_type'], 'button component without sub_type');
      const index = Number(c.index);
      if (
        c.index === undefined ||
        !Number.isInteger(index) ||
        index < 0 ||
        index > 9 ||
        String(c.index).trim() === ''
      )
        report(
          [...componentPath(i), 'index'],
          `button index ${JSON.stringify(c.index)} is not an integer from 0 to 9`,
        );
      else if (seen.has(String(index)))
        report([...componentPath(i), 'index'], `button index ${index} appears twice`);
      else seen.add(String(index));
    });
  },
);

export const sendNamedParameters = defineRule<SendSubject>(
  {
    id: 'send.parameter-names',
    source: 'confirmed',
    reference: 'contracts.md §1d: named templates add parameter_name to each body/header parameter',
    description:
      'In a component, either every parameter has a parameter_name (named template) or none does; names are unique. With the definition known, the style and names match it.',
    hint: 'Name every header/body parameter after its {{placeholder}} in a named template, and none in a positional one.',
  },
  (s, report) => {
    (s.body.template.components ?? []).forEach((c, i) => {
      if (c.type === 'button') return;
      const named = c.parameters.filter((p) => p.parameter_name !== undefined);
      if (named.length > 0 && named.length < c.parameters.length)
        report(componentPath(i), 'some parameters are named and some are not');
      const names = named.map((p) => p.parameter_name);
      const dup = names.find((n, k) => names.indexOf(n) !== k);
      if (dup !== undefined) report(componentPath(i), `parameter_name "${dup}" appears twice`);
      if (!s.definition) return;
      if (s.definition.parameterFormat === 'positional' && named.length > 0)
        report(componentPath(i), 'the template is positional: drop parameter_name');
      if (s.definition.parameterFormat === 'named') {
        const expected = placeholderNames(
          s.definition.components.find((d) => d.type === c.type.toUpperCase())?.text,
        );
        c.parameters.forEach((p, j) => {
          if (p.parameter_name === undefined)
            report([...componentPath(i), 'parameters', j], 'the template is named: add parameter_name');
          else if (!expected.includes(p.parameter_name))
            report(
              [...componentPath(i), 'parameters', j, 'parameter_name'],
              `the template has no {{${p.parameter_name}}} in its ${c.type}`,
            );
        });
      }
    });
  },
);

const MEDIA_TYPE: Record<string, SendParameter['type']> = {
  IMAGE: 'image',
  VIDEO: 'video',
  GIF: 'video',
  DOCUMENT: 'document',
  LOCATION: 'location',
  TEXT: 'text',
};

/** Which definition button a send-time button component refers to, by index. */
function definitionButtons(d: LanguageDraft): Button[] {
  return d.components.filter((c) => c.type === 'BUTTONS').flatMap((c) => c.buttons ?? []);
}

/** The send sub_type Meta expects for a defined button (OTP copy-code sends as a `url` button). */
export function sendSubTypeOf(button: Button): string | undefined {
  switch (button.type) {
    case 'QUICK_REPLY':
      return 'quick_reply';
    case 'URL':
    case 'OTP':
      return 'url';
    case 'COPY_CODE':
      return 'copy_code';
    case 'FLOW':
      return 'flow';
    case 'CATALOG':
      return 'catalog';
    case 'MPM':
      return 'mpm';
    default:
      return undefined;
  }
}

/** How many values a defined button needs at send time. */
export function buttonParameterCount(button: Button): number {
  if (button.type === 'URL') return findPlaceholders(button.url ?? '').length;
  if (button.type === 'COPY_CODE' || button.type === 'OTP') return 1;
  return 0;
}

export const sendMatchesDefinition = defineRule<SendSubject>(
  {
    id: 'send.parameter-count',
    source: 'confirmed',
    reference:
      'contracts.md §1d errors 132000 (count mismatch) and 132012 (format/type mismatch, e.g. header media type)',
    description:
      'With the definition known: each component sends exactly as many values as it has placeholders, the header parameter has the header format, and each button component matches the defined button at its index.',
    hint: 'Send one value per placeholder of each component (header, body, each button) and match the header format.',
  },
  (s, report) => {
    const d = s.definition;
    if (!d) return;
    const sent = s.body.template.components ?? [];
    for (const type of ['HEADER', 'BODY'] as const) {
      const def = d.components.find((c) => c.type === type);
      // Authentication bodies are written by Meta around one parameter: the code.
      const auth = d.category.toUpperCase() === 'AUTHENTICATION';
      const expected =
        type === 'HEADER' && def && def.format !== 'TEXT'
          ? 1
          : type === 'BODY' && auth
            ? 1
            : placeholderNames(def?.text).length;
      const index = sent.findIndex((c) => c.type === type.toLowerCase());
      const given = index < 0 ? 0 : (sent[index]?.parameters.length ?? 0);
      const where = index < 0 ? ['template', 'components'] : componentPath(index);
      if (given !== expected)
        report(where, `${type.toLowerCase()} needs ${expected} parameter(s), got ${given}`);
      const first = sent[index]?.parameters[0];
      const wanted = def?.format ? MEDIA_TYPE[def.format] : undefined;
      if (type === 'HEADER' && first && wanted && first.type !== wanted)
        report(
          [...componentPath(index), 'parameters', 0, 'type'],
          `header is ${def?.format}: parameter type must be ${wanted}`,
        );
    }
    const buttons = definitionButtons(d);
    sent.forEach((c, i) => {
      if (c.type !== 'button') return;
      const defined = buttons[Number(c.index)];
      if (!defined)
        return report(
          [...componentPath(i), 'index'],
          `the template has no button at index ${String(c.index)}`,
        );
      const subType = sendSubTypeOf(defined);
      if (c.sub_type !== undefined && subType !== undefined && c.sub_type !== subType)
        report(
          [...componentPath(i), 'sub_type'],
          `button ${String(c.index)} is ${defined.type}: sub_type must be ${subType}`,
        );
      const needed = buttonParameterCount(defined);
      if (defined.type !== 'QUICK_REPLY' && c.parameters.length !== needed)
        report(
          componentPath(i),
          `button ${String(c.index)} needs ${needed} parameter(s), got ${c.parameters.length}`,
        );
    });
    buttons.forEach((b, index) => {
      if (buttonParameterCount(b) > 0 && !sent.some((c) => c.type === 'button' && Number(c.index) === index))
        report(['template', 'components'], `button ${index} (${b.type}) needs a parameter`);
    });
  },
);

export const sendPayloadSensitive = defineRule<SendSubject>(
  {
    id: 'send.payload-sensitive',
    source: 'veil',
    reference:
      'Veil: quick-reply payloads come back in webhooks and logs; they carry action ids, never personal data',
    description:
      'With the detection engine available, quick-reply payloads contain no sensitive data (CPF, e-mail, card, …).',
    hint: 'Use an action id as the payload (e.g. REFUND_REQUEST) and keep the data in Veil.',
  },
  (s, report) => {
    if (!s.inspect) return;
    for (const { parameter, path } of parametersOf(s)) {
      if (parameter.type !== 'payload' || parameter.payload === undefined) continue;
      const types = s.inspect(parameter.payload);
      if (types.length > 0) report([...path, 'payload'], `the payload carries ${types.join(', ')}`);
    }
  },
);

export const sendRules: readonly Rule<SendSubject>[] = [
  sendParameterTypes,
  sendTextCharacters,
  sendNfc,
  sendTextLength,
  sendCouponLength,
  sendCurrency,
  sendMedia,
  sendButtons,
  sendNamedParameters,
  sendMatchesDefinition,
  sendPayloadSensitive,
];
