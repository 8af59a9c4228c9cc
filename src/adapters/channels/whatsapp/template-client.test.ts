import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWhatsAppSim, type WhatsAppSim } from '../../../../sandbox/whatsapp/whatsapp-sim.js';
import {
  assembleSend,
  resolveFallback,
  validateDefinition,
  type LanguageDraft,
} from '../../../core/templates/index.js';
import { GraphTemplateClient } from './template-client.js';
import { ProviderError, providerError } from './template-errors.js';

/** The Graph client against the sandbox's WhatsApp simulator on loopback (a real HTTP server). */

const token = 'template-client-token';
const wabaId = '102290129340398';
const phoneNumberId = '106540352242922';
let sim: WhatsAppSim;
let client: GraphTemplateClient;

beforeEach(async () => {
  sim = buildWhatsAppSim({
    appSecret: 'secret',
    verifyToken: 'verify',
    accessToken: token,
    wabaId,
    phoneNumberId,
    settings: { templateReviewDelayMs: 0, statusDelayMs: 0, autoDeliver: false, autoRead: false },
  });
  const baseUrl = await sim.listen(0);
  client = new GraphTemplateClient({
    baseUrl,
    apiVersion: 'v23.0',
    accessToken: token,
    wabaId,
    phoneNumberId,
  });
});

afterEach(async () => {
  await sim.close();
});

const shipped = (() => {
  const d = validateDefinition({
    name: 'order_shipped',
    language: 'pt_BR',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}', example: { header_text: ['42'] } },
      {
        type: 'BODY',
        text: 'Olá {{1}}, seu pedido {{2}} chega em {{3}}, obrigado por comprar.',
        example: { body_text: [['Ana', '42', 'sexta']] },
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Parar avisos' },
          { type: 'URL', text: 'Rastrear', url: 'https://e.com/t/{{1}}', example: ['42'] },
        ],
      },
    ],
  }).definition?.languages[0];
  if (!d) throw new Error('fixture does not parse');
  return d;
})();

const createBody = (d: LanguageDraft) => ({
  name: d.name,
  language: d.language,
  category: d.category,
  parameter_format: d.parameterFormat,
  components: [...d.components],
});

const rejection = async (promise: Promise<unknown>): Promise<ProviderError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
};

describe('GraphTemplateClient against the WhatsApp simulator', () => {
  it('creates a template that is PENDING, then APPROVED by review, and lists it', async () => {
    const approved = sim.events.waitFor(
      (e) => e.type === 'template.status' && 'status' in e && e.status === 'APPROVED',
    );
    const created = await client.createTemplate(createBody(shipped));
    expect(created).toMatchObject({ status: 'PENDING', category: 'UTILITY' });
    await approved;
    const list = await client.listTemplates();
    expect(list).toEqual([
      expect.objectContaining({
        id: created.id,
        name: 'order_shipped',
        language: 'pt_BR',
        status: 'APPROVED',
      }),
    ]);
  });

  it('lists every page', async () => {
    for (let i = 0; i < 5; i++) {
      await client.createTemplate({ ...createBody(shipped), name: `order_shipped_${i}` });
    }
    expect((await client.listTemplates(2)).map((t) => t.name).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `order_shipped_${i}`),
    );
  });

  it('sends an assembled header+body+button template that the provider accepts in that order', async () => {
    await client.createTemplate(createBody(shipped));
    await sim.events.waitFor((e) => e.type === 'template.status' && 'status' in e && e.status === 'APPROVED');
    const { body } = assembleSend({
      definition: shipped,
      to: '+5511987654321',
      values: { header: '42', body: ['Ana', '42', 'sexta'], buttons: { 0: 'STOP', 1: '42' } },
    });
    const sent = await client.sendTemplate(body);
    expect(sent.messageId).toMatch(/^wamid\./);
    const outbox = (await (await fetch(`${sim.url()}/__sim/outbox`)).json()) as {
      template?: { components: { type: string }[] };
    }[];
    expect(outbox.at(-1)?.template?.components.map((c) => c.type)).toEqual([
      'header',
      'body',
      'button',
      'button',
    ]);
  });

  it('maps a paused template to a non-retryable coded error, and the fallback chain picks the next template', async () => {
    const simple = {
      ...createBody(shipped),
      name: 'order_shipped_simple',
      components: [
        {
          type: 'BODY' as const,
          text: 'Seu pedido {{1}} foi enviado hoje.',
          example: { body_text: [['42']] },
        },
      ],
    };
    await client.createTemplate(createBody(shipped));
    await client.createTemplate(simple);
    await sim.events.waitFor(
      (e) =>
        e.type === 'template.status' &&
        'name' in e &&
        e.name === 'order_shipped_simple' &&
        'status' in e &&
        e.status === 'APPROVED',
    );
    await fetch(`${sim.url()}/__sim/templates/order_shipped/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'PAUSED' }),
    });
    const { body } = assembleSend({
      definition: shipped,
      to: '+5511987654321',
      values: { header: '42', body: ['Ana', '42', 'sexta'], buttons: { 1: '42' } },
    });
    const error = await rejection(client.sendTemplate(body));
    expect(error).toMatchObject({ code: 'VEIL_ERR_TEMPLATE_PAUSED', providerCode: 132015, retryable: false });

    const statuses = new Map(
      (await client.listTemplates()).map((t) => [`${t.name}/${t.language}`, t.status]),
    );
    const decision = resolveFallback('order_shipped', 'pt_BR', {
      statusOf: (name, language) => statuses.get(`${name}/${language}`),
      chain: [{ template: 'order_shipped_simple' }],
      windowOpen: false,
    });
    expect(decision).toMatchObject({ fellBack: true, choice: { name: 'order_shipped_simple' } });
  });

  it('maps a wrong token and a missing template to coded errors', async () => {
    const bad = new GraphTemplateClient({
      baseUrl: sim.url(),
      apiVersion: 'v23.0',
      accessToken: 'nope',
      wabaId,
    });
    expect(await rejection(bad.listTemplates())).toMatchObject({
      code: 'VEIL_ERR_WHATSAPP_AUTH',
      retryable: false,
    });
    const { body } = assembleSend({
      definition: shipped,
      to: '+5511987654321',
      values: { header: '42', body: ['Ana', '42', 'sexta'], buttons: { 1: '42' } },
    });
    expect(await rejection(client.sendTemplate(body))).toMatchObject({
      code: 'VEIL_ERR_TEMPLATE_NOT_FOUND',
      providerCode: 132001,
    });
  });

  it('deletes one language by id or every language by name', async () => {
    const en = await client.createTemplate({ ...createBody(shipped), language: 'en_US' });
    await client.createTemplate(createBody(shipped));
    await client.deleteTemplate('order_shipped', en.id);
    expect((await client.listTemplates()).map((t) => t.language)).toEqual(['pt_BR']);
    await client.deleteTemplate('order_shipped');
    expect(await client.listTemplates()).toEqual([]);
  });
});

describe('providerError', () => {
  const body = (code: number) => ({ error: { message: `(#${code}) title`, code, fbtrace_id: 'trace' } });
  it.each([
    [132000, 400, 'VEIL_ERR_TEMPLATE_PARAM_COUNT', false],
    [132001, 404, 'VEIL_ERR_TEMPLATE_NOT_FOUND', false],
    [132012, 400, 'VEIL_ERR_TEMPLATE_PARAM_FORMAT', false],
    [132015, 400, 'VEIL_ERR_TEMPLATE_PAUSED', false],
    [132016, 400, 'VEIL_ERR_TEMPLATE_DISABLED', false],
    [131047, 400, 'VEIL_ERR_WHATSAPP_WINDOW_CLOSED', false],
    [130429, 429, 'VEIL_ERR_WHATSAPP_RATE_LIMITED', true],
    [131056, 400, 'VEIL_ERR_WHATSAPP_PAIR_RATE_LIMITED', true],
    [80007, 429, 'VEIL_ERR_WHATSAPP_WABA_RATE_LIMITED', true],
    [999999, 503, 'VEIL_ERR_WHATSAPP_PROVIDER_ERROR', true],
    [999999, 400, 'VEIL_ERR_WHATSAPP_REQUEST_FAILED', false],
  ])('code %i (HTTP %i) → %s, retryable %s', (code, status, veilCode, retryable) => {
    const e = providerError(status, body(code));
    expect(e).toMatchObject({ code: veilCode, retryable });
    expect(e.detail).toMatchObject({ fbtraceId: 'trace', retryable });
  });
});
