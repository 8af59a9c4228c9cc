import {
  variablesOf,
  type TemplateButton,
  type TemplateComponent,
  type TemplateCreate,
} from './template-schema.js';

/**
 * Meta's template rules (contracts §1e). Length and count limits are refused at creation, as the
 * API does; content rules (variable placement, examples) surface as a REJECTED review instead.
 */
const limits = {
  name: 512,
  headerText: 60,
  body: 1024,
  footer: 60,
  buttons: 10,
  label: 25,
  url: 2000,
  phone: 20,
};

const of = <T extends TemplateComponent['type']>(components: readonly TemplateComponent[], type: T) =>
  components.filter((c): c is Extract<TemplateComponent, { type: T }> => c.type === type);

/** Problems that make the create call fail synchronously (Graph error 100); undefined when none. */
export function creationProblem(template: TemplateCreate): string | undefined {
  if (!/^[a-z0-9_]+$/.test(template.name) || template.name.length > limits.name) {
    return 'name must be 1-512 lowercase letters, digits or underscores';
  }
  const components = template.components;
  for (const type of ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const) {
    if (of(components, type).length > 1) return `at most one ${type} component`;
  }
  const body = of(components, 'BODY')[0];
  if (!body) return 'a BODY component is required';
  if (body.text === undefined) {
    if (template.category !== 'AUTHENTICATION') return 'BODY text is required';
  } else if (body.text.length > limits.body) return `BODY text exceeds ${limits.body} characters`;
  const header = of(components, 'HEADER')[0];
  if (header?.format === 'TEXT') {
    if (!header.text) return 'a TEXT header needs text';
    if (header.text.length > limits.headerText) return `HEADER text exceeds ${limits.headerText} characters`;
    if (variablesOf(header.text).length > 1) return 'HEADER text takes at most one parameter';
  }
  const footer = of(components, 'FOOTER')[0];
  if (footer?.text !== undefined) {
    if (footer.text.length > limits.footer) return `FOOTER text exceeds ${limits.footer} characters`;
    if (variablesOf(footer.text).length > 0) return 'FOOTER text takes no parameters';
  }
  const buttons = of(components, 'BUTTONS')[0]?.buttons ?? [];
  return buttonProblem(buttons);
}

function buttonProblem(buttons: readonly TemplateButton[]): string | undefined {
  if (buttons.length > limits.buttons) return `at most ${limits.buttons} buttons`;
  const count = (type: TemplateButton['type']): number => buttons.filter((b) => b.type === type).length;
  if (count('QUICK_REPLY') > 10) return 'at most 10 quick-reply buttons';
  if (count('URL') > 2) return 'at most 2 URL buttons';
  if (count('PHONE_NUMBER') > 1) return 'at most 1 phone-number button';
  if (count('COPY_CODE') > 1) return 'at most 1 copy-code button';
  for (const button of buttons) {
    if ((button.text?.length ?? 0) > limits.label) return `button label exceeds ${limits.label} characters`;
    if (button.type === 'URL' && (!button.url || button.url.length > limits.url))
      return 'URL button needs a url of at most 2000 characters';
    if (
      button.type === 'PHONE_NUMBER' &&
      (!button.phone_number || button.phone_number.length > limits.phone)
    ) {
      return 'phone-number button needs a number of at most 20 characters';
    }
  }
  return undefined;
}

export interface ReviewFinding {
  readonly reason: 'INVALID_FORMAT';
  readonly rejection: { readonly reason: string; readonly recommendation: string };
}

/** The automated review's format checks; undefined means the template would be approved. */
export function reviewFinding(template: TemplateCreate): ReviewFinding | undefined {
  const reject = (reason: string, recommendation: string): ReviewFinding => ({
    reason: 'INVALID_FORMAT',
    rejection: { reason, recommendation },
  });
  for (const component of template.components) {
    if (component.type === 'BUTTONS' || component.type === 'FOOTER') continue;
    const text = component.text ?? '';
    const names = variablesOf(text);
    if (names.length === 0) continue;
    const wellFormed =
      template.parameter_format === 'named'
        ? names.every((n) => /^[a-z][a-z0-9_]*$/.test(n))
        : names.every((n) => /^[1-9][0-9]*$/.test(n));
    const strayBraces = /\{\{|\}\}/.test(text.replace(/\{\{\s*[^{}]*?\s*\}\}/g, ''));
    if (!wellFormed || strayBraces) {
      return reject(
        'Parameters are malformed.',
        'Use {{1}}, {{2}}… or lowercase named parameters with correct braces.',
      );
    }
    if (template.parameter_format === 'positional') {
      const numbers = [...new Set(names.map(Number))].sort((a, b) => a - b);
      if (numbers.some((n, i) => n !== i + 1)) {
        return reject('Parameters are not sequential.', 'Number parameters {{1}}, {{2}}… without gaps.');
      }
    }
    if (/\}\}\s*\{\{/.test(text)) {
      return reject('Parameters placed next to each other.', 'Separate parameters with text.');
    }
    if (component.type === 'BODY' && (/^\s*\{\{/.test(text) || /\}\}[\s.!?]*$/.test(text))) {
      return reject(
        'The template starts or ends with a parameter.',
        'Add text before the first and after the last parameter.',
      );
    }
    if (!hasExample(component)) {
      return reject('Parameters lack sample values.', 'Provide an example for every parameter.');
    }
  }
  const buttons = template.components.find((c) => c.type === 'BUTTONS');
  if (buttons && buttons.type === 'BUTTONS') {
    const kinds = buttons.buttons.map((b) => (b.type === 'QUICK_REPLY' ? 'Q' : 'O')).join('');
    if (/Q+O+Q+|O+Q+O+/.test(kinds)) {
      return reject(
        'Quick-reply buttons are not grouped together.',
        'Place all quick replies before or after the other buttons.',
      );
    }
    for (const button of buttons.buttons.filter((b) => b.type === 'URL')) {
      const vars = variablesOf(button.url);
      if (vars.length > 1 || (vars.length === 1 && !/\{\{\s*[^{}]*?\s*\}\}$/.test(button.url ?? ''))) {
        return reject(
          'URL button variable is not at the end.',
          'Use one variable, appended at the end of the URL.',
        );
      }
    }
  }
  return undefined;
}

function hasExample(component: Extract<TemplateComponent, { type: 'HEADER' | 'BODY' }>): boolean {
  const example = component.example ?? {};
  if (component.type === 'HEADER') return 'header_text' in example || 'header_text_named_params' in example;
  return 'body_text' in example || 'body_text_named_params' in example;
}
