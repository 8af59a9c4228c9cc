import { graphCodes, graphError, type GraphError } from './graph-error.js';
import type { TemplateParameter, TemplateSend } from './send-schema.js';
import { distinctVariables, type TemplateComponent, type TemplateRecord } from './template-schema.js';
import type { TemplateStore } from './template-store.js';

/**
 * Checks a template send against the stored template the way the Cloud API does (contracts §1d, §1e):
 * existence and status, parameter count per component, parameter types, text rules and lengths.
 */
export type TemplateSendResult =
  | { readonly ok: true; readonly template: TemplateRecord }
  | { readonly ok: false; readonly error: GraphError };

/** Newline, tab, or more than four consecutive spaces (error 132018, secondary source). */
const forbiddenParamText = /[\n\t]| {5,}/;

const headerParamLimit = 60;

export function checkTemplateSend(send: TemplateSend, store: TemplateStore): TemplateSendResult {
  const fail = (error: GraphError): TemplateSendResult => ({ ok: false, error });
  const template = store.find(send.name, send.language.code);
  if (!template || !['APPROVED', 'PAUSED', 'DISABLED'].includes(template.status)) {
    return fail(
      graphError(
        graphCodes.templateMissing,
        `template name (${send.name}) does not exist in ${send.language.code}`,
      ),
    );
  }
  if (template.status === 'PAUSED')
    return fail(graphError(graphCodes.templatePaused, `template ${send.name} is paused`));
  if (template.status === 'DISABLED') {
    return fail(graphError(graphCodes.templateDisabled, `template ${send.name} is disabled`));
  }

  const sent = (type: 'header' | 'body') => send.components.filter((c) => c.type === type);
  const header = template.components.find((c) => c.type === 'HEADER');
  const body = template.components.find((c) => c.type === 'BODY');
  const onlyBody = template.components.every((c) => c.type === 'BODY');

  for (const [type, component] of [
    ['header', header],
    ['body', body],
  ] as const) {
    const components = sent(type);
    if (components.length > 1)
      return fail(graphError(graphCodes.invalidParameter, `more than one ${type} component`));
    const params = components[0]?.parameters ?? [];
    const problem = checkTextComponent(type, component, params, template, onlyBody);
    if (problem) return fail(problem);
  }
  const buttonProblem = checkButtons(send, template);
  return buttonProblem ? fail(buttonProblem) : { ok: true, template };
}

function expectedParams(component: TemplateComponent | undefined): {
  count: number;
  names: string[];
  media?: string;
} {
  if (!component || component.type === 'BUTTONS' || component.type === 'FOOTER')
    return { count: 0, names: [] };
  if (component.type === 'HEADER' && component.format !== 'TEXT') {
    const media = component.format === 'GIF' ? 'video' : component.format.toLowerCase();
    return { count: 1, names: [], media };
  }
  const names = distinctVariables(component.text);
  return { count: names.length, names };
}

function checkTextComponent(
  type: 'header' | 'body',
  component: TemplateComponent | undefined,
  params: readonly TemplateParameter[],
  template: TemplateRecord,
  onlyBody: boolean,
): GraphError | undefined {
  const expected = expectedParams(component);
  if (params.length !== expected.count) {
    return graphError(
      graphCodes.templateParamCount,
      `${type}: number of localizable_params (${params.length}) does not match the expected number of params (${expected.count})`,
    );
  }
  if (expected.media !== undefined) {
    return params[0]?.type === expected.media
      ? undefined
      : graphError(graphCodes.templateParamFormat, `header: expected a ${expected.media} parameter`);
  }
  if (template.parameter_format === 'named') {
    const names = params.map((p) => p.parameter_name);
    const sameSet =
      names.every((n) => n !== undefined && expected.names.includes(n)) &&
      new Set(names).size === names.length;
    if (!sameSet) {
      return graphError(
        graphCodes.templateParamFormat,
        `${type}: parameter_name values must match the template's named parameters`,
      );
    }
  }
  const limit = type === 'header' ? headerParamLimit : onlyBody ? 32_768 : 1024;
  for (const [index, param] of params.entries()) {
    if (!['text', 'currency', 'date_time'].includes(param.type)) {
      return graphError(
        graphCodes.templateParamFormat,
        `${type}: parameter ${index + 1} has type ${param.type}`,
      );
    }
    const text = textOf(param);
    if (forbiddenParamText.test(text)) {
      return graphError(
        graphCodes.templateParamText,
        'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
      );
    }
    if (text.length > limit) {
      return graphError(
        graphCodes.templateTooLong,
        `${type}: parameter ${index + 1} exceeds ${limit} characters`,
      );
    }
  }
  if (type === 'body' && component?.type === 'BODY' && component.text !== undefined) {
    const hydrated = hydrate(component.text, template, params);
    if (hydrated.length > 1024 && !onlyBody) {
      return graphError(graphCodes.templateTooLong, 'body: hydrated text exceeds 1024 characters');
    }
  }
  return undefined;
}

function textOf(param: TemplateParameter): string {
  const field = (param as Record<string, unknown>)[param.type];
  if (typeof field === 'string') return field;
  if (field !== null && typeof field === 'object' && 'fallback_value' in field)
    return String(field.fallback_value);
  return '';
}

function hydrate(text: string, template: TemplateRecord, params: readonly TemplateParameter[]): string {
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_whole, name: string) => {
    const param =
      template.parameter_format === 'named'
        ? params.find((p) => p.parameter_name === name)
        : params[Number(name) - 1];
    return param ? textOf(param) : '';
  });
}

const subTypeOf = {
  QUICK_REPLY: 'quick_reply',
  URL: 'url',
  COPY_CODE: 'copy_code',
  FLOW: 'flow',
  CATALOG: 'catalog',
  MPM: 'mpm',
} as const;

function checkButtons(send: TemplateSend, template: TemplateRecord): GraphError | undefined {
  const defined = template.components.find((c) => c.type === 'BUTTONS');
  const buttons = defined?.type === 'BUTTONS' ? defined.buttons : [];
  const sentButtons = send.components.filter((c) => c.type === 'button');
  for (const component of sentButtons) {
    const index = Number(component.index);
    const button = Number.isInteger(index) ? buttons[index] : undefined;
    if (!button || component.sub_type === undefined) {
      return graphError(
        graphCodes.invalidParameter,
        `button component needs sub_type and the index of a defined button`,
      );
    }
    if (subTypeOf[button.type as keyof typeof subTypeOf] !== component.sub_type) {
      return graphError(
        graphCodes.templateParamFormat,
        `button ${index}: sub_type ${component.sub_type} does not match the template`,
      );
    }
    const wanted = component.sub_type === 'url' ? distinctVariables(button.url).length : 1;
    if (component.sub_type !== 'quick_reply' && component.parameters.length !== wanted) {
      return graphError(
        graphCodes.templateParamCount,
        `button ${index}: number of params (${component.parameters.length}) does not match the expected number of params (${wanted})`,
      );
    }
    for (const param of component.parameters) {
      const expectedType = { quick_reply: 'payload', url: 'text', copy_code: 'coupon_code' }[
        component.sub_type as string
      ];
      if (expectedType !== undefined && param.type !== expectedType) {
        return graphError(
          graphCodes.templateParamFormat,
          `button ${index}: expected a ${expectedType} parameter`,
        );
      }
      if (param.type === 'text' && forbiddenParamText.test(textOf(param))) {
        return graphError(
          graphCodes.templateParamText,
          'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
        );
      }
    }
  }
  // A URL button with a variable, or a copy-code button, cannot be sent without its parameter.
  for (const [index, button] of buttons.entries()) {
    const needsParam =
      (button.type === 'URL' && distinctVariables(button.url).length > 0) || button.type === 'COPY_CODE';
    if (needsParam && !sentButtons.some((c) => Number(c.index) === index)) {
      return graphError(
        graphCodes.templateParamCount,
        `button ${index}: number of params (0) does not match the expected number of params (1)`,
      );
    }
  }
  return undefined;
}
