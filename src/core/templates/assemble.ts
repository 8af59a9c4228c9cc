import { userError } from '../errors.js';
import type { ParameterInspector } from './inspector.js';
import { findPlaceholders } from './placeholders.js';
import { buttonParameterCount, sendSubTypeOf } from './rules/send-rules.js';
import type { SendBody, SendComponent, SendParameter } from './send-schema.js';
import type { LanguageDraft } from './template-schema.js';
import { TemplateErrorCode, invalidSendError } from './template-errors.js';
import { validateSend } from './validate-send.js';

/**
 * Builds a template send body from values given by parameter name or by position, in the order Meta
 * expects (header, body, then buttons by index with their sub_type), and validates it against the
 * send-time rules before anything leaves Veil.
 */

type Media = { readonly id: string } | { readonly link: string };

/** A parameter value: plain text, or one of the rich parameter objects of the Cloud API. */
export type ParamValue =
  | string
  | number
  | {
      readonly currency: {
        readonly fallback_value: string;
        readonly code: string;
        readonly amount_1000: number;
      };
    }
  | { readonly date_time: { readonly fallback_value: string } }
  | { readonly image: Media }
  | { readonly video: Media }
  | { readonly document: Media & { readonly filename?: string } }
  | {
      readonly location: {
        readonly latitude: number;
        readonly longitude: number;
        readonly name?: string;
        readonly address?: string;
      };
    };

export interface TemplateValues {
  /** By parameter name (named templates); header and body share the names. */
  readonly named?: Readonly<Record<string, ParamValue>>;
  /** By position: the header's value (its only parameter, or its media). */
  readonly header?: ParamValue;
  /** By position: body values for {{1}}, {{2}}, … */
  readonly body?: readonly ParamValue[];
  /** By button index: URL suffix, copy-code coupon, or quick-reply payload (an action id). */
  readonly buttons?: Readonly<Record<number, string>>;
  /** Authentication templates: the one-time code (goes to the body and the copy-code button). */
  readonly code?: string;
}

export interface AssembleRequest {
  readonly definition: LanguageDraft;
  readonly to: string;
  readonly values: TemplateValues;
  readonly inspect?: ParameterInspector;
}

export interface Finding {
  readonly path: string;
  readonly types: readonly string[];
}

export interface Assembled {
  readonly body: SendBody;
  /** Sensitive-data types found in parameters (not payloads, which are refused): for audit, never values. */
  readonly findings: readonly Finding[];
}

function toParameter(value: ParamValue, name?: string): SendParameter {
  const named = name === undefined ? {} : { parameter_name: name };
  if (typeof value === 'string' || typeof value === 'number')
    return { type: 'text', text: String(value).normalize('NFC'), ...named };
  const [type] = Object.keys(value) as SendParameter['type'][];
  if (type === undefined) throw userError(TemplateErrorCode.valueMissing, 'an empty parameter value');
  return { type, ...value, ...named } as SendParameter;
}

function missing(where: string): never {
  throw userError(TemplateErrorCode.valueMissing, `no value for ${where}`, { where });
}

function textComponent(
  d: LanguageDraft,
  type: 'header' | 'body',
  text: string,
  values: TemplateValues,
): SendComponent | undefined {
  const placeholders = findPlaceholders(text).filter((p) => p.kind !== 'malformed');
  const names = [...new Set(placeholders.map((p) => p.inner))];
  if (names.length === 0) return undefined;
  const parameters = names.map((name, i) => {
    if (d.parameterFormat === 'named')
      return toParameter(values.named?.[name] ?? missing(`{{${name}}}`), name);
    const byPosition = type === 'header' ? values.header : values.body?.[i];
    return toParameter(byPosition ?? values.named?.[name] ?? missing(`${type} {{${name}}}`));
  });
  return { type, parameters };
}

function components(d: LanguageDraft, values: TemplateValues): SendComponent[] {
  const out: SendComponent[] = [];
  const auth = d.category.toUpperCase() === 'AUTHENTICATION';
  const header = d.components.find((c) => c.type === 'HEADER');
  if (header?.format === 'TEXT') {
    const c = textComponent(d, 'header', header.text ?? '', values);
    if (c) out.push(c);
  } else if (header?.format !== undefined) {
    const value = values.header ?? values.named?.header ?? missing(`the ${header.format} header`);
    out.push({ type: 'header', parameters: [toParameter(value)] });
  }
  const body = d.components.find((c) => c.type === 'BODY');
  if (auth)
    out.push({ type: 'body', parameters: [toParameter(values.code ?? missing('the one-time code'))] });
  else if (body?.text !== undefined) {
    const c = textComponent(d, 'body', body.text, values);
    if (c) out.push(c);
  }
  const buttons = d.components.filter((c) => c.type === 'BUTTONS').flatMap((c) => c.buttons ?? []);
  buttons.forEach((button, index) => {
    const given = button.type === 'OTP' ? values.code : values.buttons?.[index];
    const sub_type = sendSubTypeOf(button) as SendComponent['sub_type'];
    if (button.type === 'QUICK_REPLY') {
      if (given !== undefined)
        out.push({
          type: 'button',
          sub_type,
          index: String(index),
          parameters: [{ type: 'payload', payload: given }],
        });
      return;
    }
    if (buttonParameterCount(button) === 0) return;
    const value = given ?? missing(`button ${index} (${button.type})`);
    const parameter: SendParameter =
      button.type === 'COPY_CODE'
        ? { type: 'coupon_code', coupon_code: value }
        : { type: 'text', text: value.normalize('NFC') };
    out.push({ type: 'button', sub_type, index: String(index), parameters: [parameter] });
  });
  return out;
}

/** Sensitive data in a quick-reply payload is refused; elsewhere its types are reported for audit. */
function inspect(body: SendBody, inspector: ParameterInspector | undefined): Finding[] {
  if (!inspector) return [];
  const findings: Finding[] = [];
  (body.template.components ?? []).forEach((c, i) =>
    c.parameters.forEach((p, j) => {
      const text =
        p.type === 'payload'
          ? p.payload
          : p.type === 'text'
            ? p.text
            : p.type === 'coupon_code'
              ? p.coupon_code
              : undefined;
      if (text === undefined) return;
      const types = inspector(text);
      if (types.length === 0) return;
      const path = `$.template.components[${i}].parameters[${j}]`;
      if (p.type === 'payload')
        throw userError(
          TemplateErrorCode.payloadSensitive,
          `quick-reply payload at ${path} carries ${types.join(', ')}: payloads carry action ids, never personal data`,
          { path, types: [...types] },
        );
      findings.push({ path, types });
    }),
  );
  return findings;
}

export function assembleSend(request: AssembleRequest): Assembled {
  const { definition: d } = request;
  const body: SendBody = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: request.to,
    type: 'template',
    template: { name: d.name, language: { code: d.language }, components: components(d, request.values) },
  };
  const errors = validateSend(body, (name, language) =>
    name === d.name && language === d.language ? d : undefined,
  ).violations.filter((v) => v.severity === 'error');
  if (errors.length > 0) throw invalidSendError(errors);
  return { body, findings: inspect(body, request.inspect) };
}
