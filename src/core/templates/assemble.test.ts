import { describe, expect, it } from 'vitest';
import { isVeilError } from '../errors.js';
import { assembleSend } from './assemble.js';
import type { LanguageDraft } from './template-schema.js';

const draft = (
  components: LanguageDraft['components'],
  extra: Partial<LanguageDraft> = {},
): LanguageDraft => ({
  name: 'order_shipped',
  category: 'UTILITY',
  parameterFormat: 'positional',
  language: 'pt_BR',
  components,
  basePath: [],
  ...extra,
});

const headerBodyButtons = draft([
  { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}' },
  { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} chega em {{3}}.' },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'QUICK_REPLY', text: 'Parar' },
      { type: 'URL', text: 'Rastrear', url: 'https://e.com/t/{{1}}' },
    ],
  },
]);

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return isVeilError(error) ? error.code : 'not a VeilError';
  }
  return undefined;
};

describe('assembleSend', () => {
  it('orders header, body and buttons, with index and sub_type, from positional values', () => {
    const { body } = assembleSend({
      definition: headerBodyButtons,
      to: '+5511988887777',
      values: { header: '42', body: ['Ana', '42', 'sexta'], buttons: { 0: 'STOP_UPDATES', 1: 'abc42' } },
    });
    expect(body.template.components).toEqual([
      { type: 'header', parameters: [{ type: 'text', text: '42' }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Ana' },
          { type: 'text', text: '42' },
          { type: 'text', text: 'sexta' },
        ],
      },
      {
        type: 'button',
        sub_type: 'quick_reply',
        index: '0',
        parameters: [{ type: 'payload', payload: 'STOP_UPDATES' }],
      },
      { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'abc42' }] },
    ]);
  });

  it('fills named parameters by name, in the order of the text, and normalizes to NFC', () => {
    const named = draft([{ type: 'BODY', text: 'Oi {{first_name}}, entrega {{delivery_date}}.' }], {
      parameterFormat: 'named',
    });
    const { body } = assembleSend({
      definition: named,
      to: '+5511988887777',
      values: { named: { delivery_date: 'amanha\u0303', first_name: 'Jose\u0301' } },
    });
    expect(body.template.components?.[0]?.parameters).toEqual([
      { type: 'text', text: 'Jos\u00e9', parameter_name: 'first_name' },
      { type: 'text', text: 'amanh\u00e3', parameter_name: 'delivery_date' },
    ]);
  });

  it('puts the one-time code of an authentication template in the body and the copy-code button', () => {
    const auth = draft(
      [{ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE' }] }],
      {
        category: 'AUTHENTICATION',
        name: 'login_code',
      },
    );
    const { body } = assembleSend({ definition: auth, to: '+1555', values: { code: '482913' } });
    expect(body.template.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: '482913' }] },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '482913' }] },
    ]);
  });

  it('sends media headers and rich body values', () => {
    const d = draft([
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::a'] } },
      { type: 'BODY', text: 'Total {{1}} até {{2}}.' },
    ]);
    const { body } = assembleSend({
      definition: d,
      to: '+55',
      values: {
        header: { image: { id: '1037543291543636' } },
        body: [
          { currency: { fallback_value: 'R$ 10', code: 'BRL', amount_1000: 10000 } },
          { date_time: { fallback_value: '10/04' } },
        ],
      },
    });
    expect(body.template.components?.[0]).toEqual({
      type: 'header',
      parameters: [{ type: 'image', image: { id: '1037543291543636' } }],
    });
    expect(body.template.components?.[1]?.parameters.map((p) => p.type)).toEqual(['currency', 'date_time']);
  });

  it('refuses a missing value, a newline, and a wrong header type before anything is sent', () => {
    const send = (values: Parameters<typeof assembleSend>[0]['values']) => () =>
      assembleSend({ definition: headerBodyButtons, to: '+55', values });
    expect(codeOf(send({ header: '42', body: ['Ana', '42'], buttons: { 1: 'x' } }))).toBe(
      'VEIL_ERR_TEMPLATE_VALUE_MISSING',
    );
    expect(codeOf(send({ header: '42', body: ['Ana\nSilva', '42', 'sexta'], buttons: { 1: 'x' } }))).toBe(
      'VEIL_ERR_TEMPLATE_INVALID_SEND',
    );
    expect(
      codeOf(send({ header: { image: { id: '1' } }, body: ['Ana', '42', 'sexta'], buttons: { 1: 'x' } })),
    ).toBe('VEIL_ERR_TEMPLATE_INVALID_SEND');
    expect(codeOf(send({ header: '42', body: ['Ana', '42', 'sexta'] }))).toBe(
      'VEIL_ERR_TEMPLATE_VALUE_MISSING',
    );
  });

  it('refuses sensitive data in a quick-reply payload and reports it elsewhere without values', () => {
    const cpfFinder = (text: string) => (/\d{3}\.\d{3}\.\d{3}-\d{2}/.test(text) ? ['CPF'] : []);
    const send = (payload: string, name: string) =>
      assembleSend({
        definition: headerBodyButtons,
        to: '+55',
        values: { header: '42', body: [name, '42', 'sexta'], buttons: { 0: payload, 1: 'x' } },
        inspect: cpfFinder,
      });
    expect(codeOf(() => send('REFUND_123.456.789-09', 'Ana'))).toBe('VEIL_ERR_TEMPLATE_PAYLOAD_SENSITIVE');
    const { findings } = send('REFUND', 'Ana 123.456.789-09');
    expect(findings).toEqual([{ path: '$.template.components[1].parameters[0]', types: ['CPF'] }]);
  });
});
