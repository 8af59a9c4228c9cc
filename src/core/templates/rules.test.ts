import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from './rule-catalogue.js';
import { checkFolder } from './rules/folder-rules.js';
import { validateDefinition } from './validate-definition.js';
import { validateSend } from './validate-send.js';
import type { LanguageDraft } from './template-schema.js';

/**
 * Every rule has a failing and a passing example. The passing example is a small change from the
 * failing one, so each case shows exactly what the rule is about.
 */

type Doc = Record<string, unknown>;

const body = (text: string, example?: string[]) => ({
  type: 'BODY',
  text,
  ...(example ? { example: { body_text: [example] } } : {}),
});

const tpl = (components: unknown[], extra: Doc = {}): Doc => ({
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components,
  ...extra,
});

const buttons = (...list: Doc[]) => ({ type: 'BUTTONS', buttons: list });
const qr = (text = 'Yes'): Doc => ({ type: 'QUICK_REPLY', text });
const url = (u = 'https://example.com/track/{{1}}', example: string[] | null = ['abc']): Doc => ({
  type: 'URL',
  text: 'Track',
  url: u,
  ...(example ? { example } : {}),
});
const plainBody = body('Your order has shipped and will arrive soon.');
const auth = (components: unknown[]) => tpl(components, { category: 'AUTHENTICATION', name: 'login_code' });
const otp = (extra: Doc = {}) => buttons({ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code', ...extra });

interface DefinitionCase {
  readonly rule: string;
  readonly fail: Doc;
  readonly pass: Doc;
}

const definitionCases: DefinitionCase[] = [
  { rule: 'schema.shape', fail: tpl([{ type: 'SIDEBAR', text: 'x' }]), pass: tpl([plainBody]) },
  {
    rule: 'name.format',
    fail: tpl([plainBody], { name: 'Order-Update' }),
    pass: tpl([plainBody], { name: 'order_update_2' }),
  },
  {
    rule: 'name.length',
    fail: tpl([plainBody], { name: 'a'.repeat(513) }),
    pass: tpl([plainBody], { name: 'a'.repeat(512) }),
  },
  {
    rule: 'category.value',
    fail: tpl([plainBody], { category: 'PROMO' }),
    pass: tpl([plainBody], { category: 'marketing' }),
  },
  {
    rule: 'language.code',
    fail: tpl([plainBody], { language: 'en-US' }),
    pass: tpl([plainBody], { language: 'es' }),
  },
  {
    rule: 'fallback.chain',
    fail: tpl([plainBody], { fallback: [{ text: 'Hi' }, { template: 'other' }] }),
    pass: tpl([plainBody], { fallback: [{ template: 'other' }, { text: 'Hi' }] }),
  },
  { rule: 'components.counts', fail: tpl([plainBody, plainBody]), pass: tpl([plainBody]) },
  {
    rule: 'components.counts',
    fail: tpl([{ type: 'FOOTER', text: 'Thanks' }]),
    pass: tpl([plainBody, { type: 'FOOTER', text: 'Thanks' }]),
  },
  {
    rule: 'header.format',
    fail: tpl([
      { type: 'HEADER', format: 'IMAGE', text: 'x', example: { header_handle: ['4::a'] } },
      plainBody,
    ]),
    pass: tpl([{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::a'] } }, plainBody]),
  },
  {
    rule: 'header.length',
    fail: tpl([{ type: 'HEADER', format: 'TEXT', text: 'h'.repeat(61) }, plainBody]),
    pass: tpl([{ type: 'HEADER', format: 'TEXT', text: 'h'.repeat(60) }, plainBody]),
  },
  {
    rule: 'header.variable-count',
    fail: tpl([
      { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}} {{2}}', example: { header_text: ['a', 'b'] } },
      plainBody,
    ]),
    pass: tpl([
      { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}', example: { header_text: ['a'] } },
      plainBody,
    ]),
  },
  {
    rule: 'header.markdown',
    fail: tpl([{ type: 'HEADER', format: 'TEXT', text: 'Big _sale_' }, plainBody]),
    pass: tpl([{ type: 'HEADER', format: 'TEXT', text: 'Big sale' }, plainBody]),
  },
  {
    rule: 'header.characters',
    fail: tpl([{ type: 'HEADER', format: 'TEXT', text: 'Sale 🎉' }, plainBody]),
    pass: tpl([{ type: 'HEADER', format: 'TEXT', text: 'Sale' }, plainBody]),
  },
  {
    rule: 'header.location-category',
    fail: auth([{ type: 'HEADER', format: 'LOCATION' }, { type: 'BODY' }, otp()]),
    pass: tpl([{ type: 'HEADER', format: 'LOCATION' }, plainBody]),
  },
  { rule: 'body.text', fail: tpl([{ type: 'BODY', text: '  ' }]), pass: tpl([plainBody]) },
  { rule: 'body.length', fail: tpl([body('b'.repeat(1025))]), pass: tpl([body('b'.repeat(1024))]) },
  {
    rule: 'footer.length',
    fail: tpl([plainBody, { type: 'FOOTER', text: 'f'.repeat(61) }]),
    pass: tpl([plainBody, { type: 'FOOTER', text: 'f'.repeat(60) }]),
  },
  {
    rule: 'footer.no-variables',
    fail: tpl([plainBody, { type: 'FOOTER', text: 'Ref {{1}} here' }]),
    pass: tpl([plainBody, { type: 'FOOTER', text: 'Ref here' }]),
  },
  {
    rule: 'footer.characters',
    fail: tpl([plainBody, { type: 'FOOTER', text: 'Thanks\nteam' }]),
    pass: tpl([plainBody, { type: 'FOOTER', text: 'Thanks team' }]),
  },
  {
    rule: 'variables.well-formed',
    fail: tpl([body('Hello {{#1}} your order is ready now.', ['Ana'])]),
    pass: tpl([body('Hello {{1}} your order is ready now.', ['Ana'])]),
  },
  {
    rule: 'variables.well-formed',
    fail: tpl([body('Hello {{1} your order is ready now.')]),
    pass: tpl([body('Hello {{1}} your order is ready now.', ['Ana'])]),
  },
  {
    rule: 'variables.format',
    fail: tpl([body('Hello {{first_name}} your order is ready now.', ['Ana'])]),
    pass: tpl(
      [
        {
          type: 'BODY',
          text: 'Hello {{first_name}} your order is ready now.',
          example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] },
        },
      ],
      { parameter_format: 'named' },
    ),
  },
  {
    rule: 'variables.sequential',
    fail: tpl([body('Hello {{1}}, order {{3}} is ready to collect.', ['a', 'b'])]),
    pass: tpl([body('Hello {{1}}, order {{2}} is ready to collect.', ['a', 'b'])]),
  },
  {
    rule: 'variables.not-at-edges',
    fail: tpl([body('{{1}}, your order is ready', ['Ana'])]),
    pass: tpl([body('Hi {{1}}, your order is ready.', ['Ana'])]),
  },
  {
    rule: 'variables.not-at-edges',
    fail: tpl([body('Your order is ready, {{1}}!', ['Ana'])]),
    pass: tpl([body('Your order is ready, {{1}}, enjoy it.', ['Ana'])]),
  },
  {
    rule: 'variables.not-adjacent',
    fail: tpl([body('Hello {{1}} {{2}} your order is ready now.', ['a', 'b'])]),
    pass: tpl([body('Hello {{1}} and {{2}} your order is ready now.', ['a', 'b'])]),
  },
  {
    rule: 'variables.density',
    fail: tpl([body('Hi {{1}}, {{2}} at {{3}}.', ['a', 'b', 'c'])]),
    pass: tpl([body('Hi {{1}}, your order {{2}} will arrive at the address {{3}} today.', ['a', 'b', 'c'])]),
  },
  {
    rule: 'examples.present',
    fail: tpl([body('Hello {{1}} your order is ready now.')]),
    pass: tpl([body('Hello {{1}} your order is ready now.', ['Ana'])]),
  },
  {
    rule: 'examples.present',
    fail: tpl([plainBody, buttons(url('https://example.com/track/{{1}}', null))]),
    pass: tpl([plainBody, buttons(url())]),
  },
  {
    rule: 'examples.consistent',
    fail: tpl([body('Hello {{1}} your order {{2}} is ready now.', ['Ana'])]),
    pass: tpl([body('Hello {{1}} your order {{2}} is ready now.', ['Ana', '42'])]),
  },
  {
    rule: 'examples.consistent',
    fail: tpl(
      [
        {
          type: 'BODY',
          text: 'Hello {{first_name}} your order is ready now.',
          example: { body_text_named_params: [{ param_name: 'name', example: 'Ana' }] },
        },
      ],
      { parameter_format: 'named' },
    ),
    pass: tpl(
      [
        {
          type: 'BODY',
          text: 'Hello {{first_name}} your order is ready now.',
          example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] },
        },
      ],
      { parameter_format: 'named' },
    ),
  },
  {
    rule: 'examples.media-header',
    fail: tpl([{ type: 'HEADER', format: 'DOCUMENT' }, plainBody]),
    pass: tpl([{ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['4::aW1n'] } }, plainBody]),
  },
  {
    rule: 'buttons.total',
    fail: tpl([plainBody, buttons(...Array.from({ length: 11 }, (_, i) => qr(`Option ${i}`)))]),
    pass: tpl([plainBody, buttons(...Array.from({ length: 10 }, (_, i) => qr(`Option ${i}`)))]),
  },
  { rule: 'buttons.total', fail: tpl([plainBody, buttons()]), pass: tpl([plainBody, buttons(qr())]) },
  {
    rule: 'buttons.quick-reply-count',
    fail: tpl([plainBody, buttons(...Array.from({ length: 11 }, (_, i) => qr(`Option ${i}`)))]),
    pass: tpl([plainBody, buttons(...Array.from({ length: 9 }, (_, i) => qr(`Option ${i}`)))]),
  },
  {
    rule: 'buttons.url-count',
    fail: tpl([plainBody, buttons(url(), url(), url())]),
    pass: tpl([plainBody, buttons(url(), url())]),
  },
  {
    rule: 'buttons.phone-count',
    fail: tpl([
      plainBody,
      buttons(
        { type: 'PHONE_NUMBER', text: 'Call', phone_number: '15550051310' },
        { type: 'PHONE_NUMBER', text: 'Call 2', phone_number: '15550051311' },
      ),
    ]),
    pass: tpl([plainBody, buttons({ type: 'PHONE_NUMBER', text: 'Call', phone_number: '15550051310' })]),
  },
  {
    rule: 'buttons.copy-code-count',
    fail: tpl([
      plainBody,
      buttons({ type: 'COPY_CODE', example: 'A1' }, { type: 'COPY_CODE', example: 'B2' }),
    ]),
    pass: tpl([plainBody, buttons({ type: 'COPY_CODE', example: 'A1' })]),
  },
  {
    rule: 'buttons.quick-reply-grouping',
    fail: tpl([plainBody, buttons(qr('A'), url(), qr('B'))]),
    pass: tpl([plainBody, buttons(qr('A'), qr('B'), url())]),
  },
  {
    rule: 'buttons.desktop',
    fail: tpl([plainBody, buttons(qr('A'), url())]),
    pass: tpl([plainBody, buttons(qr('A'), qr('B'), qr('C'))]),
  },
  {
    rule: 'buttons.label-length',
    fail: tpl([plainBody, buttons(qr('x'.repeat(26)))]),
    pass: tpl([plainBody, buttons(qr('x'.repeat(25)))]),
  },
  {
    rule: 'buttons.required-fields',
    fail: tpl([plainBody, buttons({ type: 'URL', text: 'Go' })]),
    pass: tpl([plainBody, buttons({ type: 'URL', text: 'Go', url: 'https://example.com' })]),
  },
  {
    rule: 'buttons.url-length',
    fail: tpl([plainBody, buttons(url(`https://example.com/${'p'.repeat(1990)}`, null))]),
    pass: tpl([plainBody, buttons(url(`https://example.com/${'p'.repeat(1900)}`, null))]),
  },
  {
    rule: 'buttons.url-variable',
    fail: tpl([plainBody, buttons(url('https://example.com/{{1}}/track'))]),
    pass: tpl([plainBody, buttons(url('https://example.com/track/{{1}}'))]),
  },
  {
    rule: 'buttons.phone-length',
    fail: tpl([plainBody, buttons({ type: 'PHONE_NUMBER', text: 'Call', phone_number: '1'.repeat(21) })]),
    pass: tpl([plainBody, buttons({ type: 'PHONE_NUMBER', text: 'Call', phone_number: '1'.repeat(20) })]),
  },
  {
    rule: 'buttons.copy-code-length',
    fail: tpl([plainBody, buttons({ type: 'COPY_CODE', example: 'C'.repeat(16) })], {
      category: 'MARKETING',
    }),
    pass: tpl([plainBody, buttons({ type: 'COPY_CODE', example: 'C'.repeat(15) })], {
      category: 'MARKETING',
    }),
  },
  {
    rule: 'auth.components',
    fail: auth([
      { type: 'BODY', text: 'Your code is {{1}} thanks.', example: { body_text: [['1']] } },
      otp(),
    ]),
    pass: auth([{ type: 'BODY', add_security_recommendation: true }, otp()]),
  },
  {
    rule: 'auth.code-expiration',
    fail: auth([{ type: 'BODY' }, { type: 'FOOTER', code_expiration_minutes: 120 }, otp()]),
    pass: auth([{ type: 'BODY' }, { type: 'FOOTER', code_expiration_minutes: 10 }, otp()]),
  },
  {
    rule: 'auth.otp-button',
    fail: auth([{ type: 'BODY' }, otp({ otp_type: 'ONE_TAP' })]),
    pass: auth([
      { type: 'BODY' },
      otp({ otp_type: 'ONE_TAP', package_name: 'com.example.app', signature_hash: 'K8a/AINcGX7' }),
    ]),
  },
  {
    rule: 'auth.otp-button',
    fail: tpl([plainBody, otp()]),
    pass: tpl([plainBody, buttons(qr())]),
  },
];

const rulesOf = (raw: Doc) => validateDefinition(raw).violations.map((v) => v.rule);

describe('template creation rules', () => {
  it.each(definitionCases)(
    '$rule fails on its failing example and passes on its passing one',
    ({ rule, fail, pass }) => {
      expect(rulesOf(fail)).toContain(rule);
      expect(rulesOf(pass)).not.toContain(rule);
    },
  );

  it('reports each problem with a JSON path and a fix hint', () => {
    const result = validateDefinition(tpl([plainBody, buttons(qr('A'), url('https://example.com/{{1}}/x'))]));
    const v = result.violations.find((x) => x.rule === 'buttons.url-variable');
    expect(v).toMatchObject({ path: '$.components[1].buttons[1].url', severity: 'error' });
    expect(v?.hint).toMatch(/end of the URL|last thing/);
  });

  it('prefixes paths with the language inside a template file', () => {
    const file = {
      name: 'x_y',
      category: 'UTILITY',
      languages: { pt_BR: { components: [body('b'.repeat(1100))] } },
    };
    expect(validateDefinition(file).violations.map((v) => v.path)).toContain(
      '$.languages.pt_BR.components[0].text',
    );
  });
});

const draft = (
  components: LanguageDraft['components'],
  extra: Partial<LanguageDraft> = {},
): LanguageDraft => ({
  name: 'order_update',
  category: 'UTILITY',
  parameterFormat: 'positional',
  language: 'en_US',
  components,
  basePath: [],
  ...extra,
});

const send = (components: unknown[], name = 'order_update'): Doc => ({
  messaging_product: 'whatsapp',
  to: '+5511999999999',
  type: 'template',
  template: { name, language: { code: 'en_US' }, components },
});
const bodyParams = (...params: Doc[]) => ({ type: 'body', parameters: params });
const text = (t: string, extra: Doc = {}) => ({ type: 'text', text: t, ...extra });

const withDefinition = (d: LanguageDraft) => (name: string, language: string) =>
  name === d.name && language === d.language ? d : undefined;

const twoParams = draft([
  { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::a'] } },
  { type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped.' },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'QUICK_REPLY', text: 'Stop' },
      { type: 'URL', text: 'Track', url: 'https://e.com/t/{{1}}' },
    ],
  },
]);
const namedDraft = draft([{ type: 'BODY', text: 'Hi {{first_name}}, your order is here.' }], {
  parameterFormat: 'named',
});
const authDraft = draft(
  [{ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE' }] }],
  {
    category: 'AUTHENTICATION',
  },
);
const image = { type: 'header', parameters: [{ type: 'image', image: { id: '123' } }] };
const urlButton = (t: string) => ({ type: 'button', sub_type: 'url', index: '1', parameters: [text(t)] });

interface SendCase {
  readonly rule: string;
  readonly fail: Doc;
  readonly pass: Doc;
  readonly definition?: LanguageDraft;
  readonly inspect?: (text: string) => readonly string[];
}

const cpfFinder = (text: string) => (/\d{3}\.\d{3}\.\d{3}-\d{2}/.test(text) ? ['CPF'] : []);
const quickReply = (payload: string) => ({
  type: 'button',
  sub_type: 'quick_reply',
  index: 0,
  parameters: [{ type: 'payload', payload }],
});

const sendCases: SendCase[] = [
  {
    rule: 'schema.shape',
    fail: send([{ type: 'footer', parameters: [] }]),
    pass: send([bodyParams(text('a'))]),
  },
  {
    rule: 'send.parameter-types',
    fail: send([bodyParams({ type: 'image', image: { id: '1' } })]),
    pass: send([bodyParams(text('a'))]),
  },
  {
    rule: 'send.parameter-types',
    fail: send([bodyParams({ type: 'text' })]),
    pass: send([bodyParams(text('a'))]),
  },
  {
    rule: 'send.text-characters',
    fail: send([bodyParams(text('line\nbreak'))]),
    pass: send([bodyParams(text('line break'))]),
  },
  {
    rule: 'send.text-characters',
    fail: send([bodyParams(text('a     b'))]),
    pass: send([bodyParams(text('a    b'))]),
  },
  {
    rule: 'send.text-characters',
    fail: send([bodyParams(text('a\tb'))]),
    pass: send([bodyParams(text('a b'))]),
  },
  {
    rule: 'send.nfc',
    fail: send([bodyParams(text('Jose\u0301'))]),
    pass: send([bodyParams(text('Jos\u00e9'))]),
  },
  {
    rule: 'send.text-length',
    fail: send([{ type: 'header', parameters: [text('h'.repeat(61))] }, bodyParams(text('x'))]),
    pass: send([{ type: 'header', parameters: [text('h'.repeat(60))] }, bodyParams(text('x'))]),
  },
  {
    rule: 'send.text-length',
    fail: send([
      bodyParams(text('b'.repeat(1025))),
      { type: 'button', sub_type: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'A' }] },
    ]),
    pass: send([bodyParams(text('b'.repeat(1025)))]),
  },
  {
    rule: 'send.code-length',
    fail: send([
      {
        type: 'button',
        sub_type: 'copy_code',
        index: 0,
        parameters: [{ type: 'coupon_code', coupon_code: 'C'.repeat(16) }],
      },
    ]),
    pass: send([
      {
        type: 'button',
        sub_type: 'copy_code',
        index: 0,
        parameters: [{ type: 'coupon_code', coupon_code: 'C'.repeat(15) }],
      },
    ]),
  },
  {
    rule: 'send.code-length',
    definition: { ...authDraft, name: 'order_update' },
    fail: send([
      bodyParams(text('1234567890123456')),
      { type: 'button', sub_type: 'url', index: 0, parameters: [text('1234567890123456')] },
    ]),
    pass: send([
      bodyParams(text('123456')),
      { type: 'button', sub_type: 'url', index: 0, parameters: [text('123456')] },
    ]),
  },
  {
    rule: 'send.currency',
    fail: send([
      bodyParams({
        type: 'currency',
        currency: { fallback_value: 'R$ 10', code: 'reais', amount_1000: 10.5 },
      }),
    ]),
    pass: send([
      bodyParams({
        type: 'currency',
        currency: { fallback_value: 'R$ 10', code: 'BRL', amount_1000: 10000 },
      }),
    ]),
  },
  {
    rule: 'send.media',
    fail: send([{ type: 'header', parameters: [{ type: 'image', image: {} }] }]),
    pass: send([image]),
  },
  {
    rule: 'send.buttons',
    fail: send([{ type: 'button', sub_type: 'url', index: 'x', parameters: [text('a')] }]),
    pass: send([{ type: 'button', sub_type: 'url', index: '0', parameters: [text('a')] }]),
  },
  {
    rule: 'send.buttons',
    fail: send([bodyParams(text('a')), bodyParams(text('b'))]),
    pass: send([bodyParams(text('a'), text('b'))]),
  },
  {
    rule: 'send.parameter-names',
    fail: send([bodyParams(text('a', { parameter_name: 'x' }), text('b'))]),
    pass: send([bodyParams(text('a', { parameter_name: 'x' }), text('b', { parameter_name: 'y' }))]),
  },
  {
    rule: 'send.parameter-names',
    definition: namedDraft,
    fail: send([bodyParams(text('Ana', { parameter_name: 'name' }))]),
    pass: send([bodyParams(text('Ana', { parameter_name: 'first_name' }))]),
  },
  {
    rule: 'send.parameter-count',
    definition: twoParams,
    fail: send([image, bodyParams(text('Ana')), urlButton('abc')]),
    pass: send([image, bodyParams(text('Ana'), text('42')), urlButton('abc')]),
  },
  {
    rule: 'send.parameter-count',
    definition: twoParams,
    fail: send([
      { type: 'header', parameters: [{ type: 'video', video: { id: '1' } }] },
      bodyParams(text('Ana'), text('42')),
      urlButton('abc'),
    ]),
    pass: send([image, bodyParams(text('Ana'), text('42')), urlButton('abc')]),
  },
  {
    rule: 'send.parameter-count',
    definition: twoParams,
    fail: send([image, bodyParams(text('Ana'), text('42'))]),
    pass: send([image, bodyParams(text('Ana'), text('42')), urlButton('abc')]),
  },
  {
    rule: 'send.payload-sensitive',
    inspect: cpfFinder,
    fail: send([quickReply('REFUND_123.456.789-09')]),
    pass: send([quickReply('REFUND_REQUEST')]),
  },
  {
    rule: 'send.template-known',
    definition: twoParams,
    fail: send([bodyParams(text('a'))], 'unknown_template'),
    pass: send([image, bodyParams(text('Ana'), text('42')), urlButton('abc')]),
  },
];

describe('template send rules', () => {
  it.each(sendCases)(
    '$rule fails on its failing example and passes on its passing one',
    ({ rule, fail, pass, definition, inspect }) => {
      const lookup = definition ? withDefinition(definition) : undefined;
      const rules = (doc: Doc) =>
        validateSend(doc, lookup, lookup !== undefined, inspect).violations.map((v) => v.rule);
      expect(rules(fail)).toContain(rule);
      expect(rules(pass)).not.toContain(rule);
    },
  );
});

describe('folder rules', () => {
  const def = (name: string, text: string, fallback?: unknown[]) => {
    const d = validateDefinition(tpl([body(text)], { name, ...(fallback ? { fallback } : {}) })).definition;
    if (!d) throw new Error('fixture does not parse');
    return d;
  };
  const folderCases = [
    {
      rule: 'duplicates.wording',
      fail: [def('a_one', 'Same wording for both of them.'), def('b_two', 'Same wording for both of them.')],
      pass: [def('a_one', 'Same wording for both of them.'), def('b_two', 'Other wording for this one.')],
    },
    {
      rule: 'folder.unique-names',
      fail: [def('a_one', 'First wording here.'), def('a_one', 'Second wording here.')],
      pass: [def('a_one', 'First wording here.'), def('a_two', 'Second wording here.')],
    },
    {
      rule: 'fallback.target',
      fail: [def('a_one', 'First wording here.', [{ template: 'missing' }])],
      pass: [
        def('a_one', 'First wording here.', [{ template: 'a_two', language: 'en_US' }]),
        def('a_two', 'Second wording here.'),
      ],
    },
  ];
  it.each(folderCases)(
    '$rule fails on its failing example and passes on its passing one',
    ({ rule, fail, pass }) => {
      const run = (defs: typeof fail) =>
        checkFolder(defs.map((definition, i) => ({ file: `f${i}.yaml`, definition }))).map(
          (v) => v.violation.rule,
        );
      expect(run(fail)).toContain(rule);
      expect(run(pass)).not.toContain(rule);
    },
  );

  it('every catalogued rule has a failing and a passing example in this file', () => {
    const covered = new Set([...definitionCases, ...sendCases, ...folderCases].map((c) => c.rule));
    const missing = ruleCatalogue()
      .map((r) => r.id)
      .filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });
});
