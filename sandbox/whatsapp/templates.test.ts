import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../test-support/webhook-receiver.js';
import { buildWhatsAppSim, type WhatsAppSim } from './whatsapp-sim.js';

const token = 'tok';
const phoneNumberId = '106540352242922';
const wabaId = '102290129340398';
const customer = '5511987654321';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let receiver: WebhookReceiver;
let sim: WhatsAppSim;
let base: string;

const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const call = async (
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
};
const templateHook = (h: ReceivedWebhook) =>
  (h.json as Json).entry[0].changes[0].field === 'message_template_status_update';
const hookValue = (h: ReceivedWebhook): Json => (h.json as Json).entry[0].changes[0].value;

const orderTemplate = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['42'] } },
    {
      type: 'BODY',
      text: 'Hi {{1}}, your order ships on {{2}}. Thanks!',
      example: { body_text: [['Ana', 'Monday']] },
    },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Cancel' },
        { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}', example: ['abc'] },
      ],
    },
  ],
};

const sendOrder = (components: unknown[], name = 'order_update') =>
  call('POST', `/v23.0/${phoneNumberId}/messages`, {
    messaging_product: 'whatsapp',
    to: customer,
    type: 'template',
    template: { name, language: { code: 'en_US' }, components },
  });

const validComponents: Json[] = [
  { type: 'header', parameters: [{ type: 'text', text: '42' }] },
  {
    type: 'body',
    parameters: [
      { type: 'text', text: 'Ana' },
      { type: 'date_time', date_time: { fallback_value: 'Monday' } },
    ],
  },
  {
    type: 'button',
    sub_type: 'quick_reply',
    index: '0',
    parameters: [{ type: 'payload', payload: 'CANCEL_42' }],
  },
  { type: 'button', sub_type: 'url', index: 1, parameters: [{ type: 'text', text: 'abc' }] },
];

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  sim = buildWhatsAppSim({
    appSecret: 's',
    verifyToken: 'v',
    accessToken: token,
    settings: { webhookUrl: receiver.url, templateReviewDelayMs: 0, statusDelayMs: 0 },
  });
  base = await sim.listen(0);
});

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

describe('template review', () => {
  it('moves a new template PENDING → APPROVED and announces it by webhook', async () => {
    const created = await call('POST', `/v23.0/${wabaId}/message_templates`, orderTemplate);
    expect(created.body).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
    const hook = await receiver.events.waitFor(templateHook);
    expect(hookValue(hook)).toMatchObject({
      event: 'APPROVED',
      message_template_id: Number(created.body.id),
      message_template_name: 'order_update',
      message_template_language: 'en-US',
      reason: 'NONE',
      message_template_category: 'UTILITY',
    });
    expect((hook.json as Json).entry[0].time).toEqual(expect.any(Number));
    const listed = await call('GET', `/v23.0/${wabaId}/message_templates?fields=name,status`);
    expect(listed.body.data).toEqual([{ id: created.body.id, name: 'order_update', status: 'APPROVED' }]);
  });

  it('rejects a body that ends with a parameter as INVALID_FORMAT', async () => {
    await call('POST', `/v23.0/${wabaId}/message_templates`, {
      name: 'bad_ending',
      language: 'en_US',
      category: 'MARKETING',
      components: [{ type: 'BODY', text: 'Your code is {{1}}', example: { body_text: [['1234']] } }],
    });
    const hook = await receiver.events.waitFor(templateHook);
    expect(hookValue(hook)).toMatchObject({
      event: 'REJECTED',
      reason: 'INVALID_FORMAT',
      rejection_info: { reason: expect.any(String) },
    });
  });

  it('refuses structural problems synchronously and duplicate name+language', async () => {
    const badName = await call('POST', `/v23.0/${wabaId}/message_templates`, {
      ...orderTemplate,
      name: 'Order Update',
    });
    expect(badName.status).toBe(400);
    expect(badName.body.error.code).toBe(100);
    await call('POST', `/v23.0/${wabaId}/message_templates`, orderTemplate);
    expect((await call('POST', `/v23.0/${wabaId}/message_templates`, orderTemplate)).status).toBe(400);
  });

  it('takes authentication templates without body text, but no other category', async () => {
    const authentication = {
      name: 'login_code',
      language: 'pt_BR',
      category: 'AUTHENTICATION',
      components: [
        { type: 'BODY', add_security_recommendation: true },
        { type: 'FOOTER', code_expiration_minutes: 10 },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copiar código' }] },
      ],
    };
    const created = await call('POST', `/v23.0/${wabaId}/message_templates`, authentication);
    expect(created.status).toBe(200);
    expect(created.body.status).toBe('PENDING');
    const marketing = { ...authentication, name: 'promo', category: 'MARKETING' };
    const refused = await call('POST', `/v23.0/${wabaId}/message_templates`, marketing);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe(100);
    expect(JSON.stringify(refused.body.error)).toMatch(/BODY text is required/);
  });

  it('deletes every language of a name', async () => {
    await call('POST', `/v23.0/${wabaId}/message_templates`, orderTemplate);
    await call('POST', `/v23.0/${wabaId}/message_templates`, { ...orderTemplate, language: 'pt_BR' });
    expect((await call('DELETE', `/v23.0/${wabaId}/message_templates?name=order_update`)).body).toEqual({
      success: true,
    });
    expect((await call('GET', `/v23.0/${wabaId}/message_templates`)).body.data).toEqual([]);
  });

  it('paginates the list with cursors', async () => {
    for (const name of ['a_one', 'a_two', 'a_three']) {
      await call('POST', `/__sim/templates`, { ...orderTemplate, name });
    }
    const first = await call('GET', `/v23.0/${wabaId}/message_templates?limit=2`);
    expect(first.body.data).toHaveLength(2);
    const next = await fetch(first.body.paging.next as string, { headers });
    const second = (await next.json()) as Json;
    expect(second.data.map((t: Json) => t.name)).toEqual(['a_three']);
    expect(second.paging.next).toBeUndefined();
  });
});

describe('template sends', () => {
  beforeEach(async () => {
    await call('POST', '/__sim/templates', orderTemplate);
  });

  it('accepts a correct header+body+buttons send and records it in the outbox', async () => {
    const sent = await sendOrder(validComponents);
    expect(sent.status).toBe(200);
    const outbox = (await (await fetch(`${base}/__sim/outbox`)).json()) as Json[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.template.components).toEqual(validComponents);
  });

  it('answers 132000 on a parameter count mismatch', async () => {
    const sent = await sendOrder([
      validComponents[0],
      { type: 'body', parameters: [{ type: 'text', text: 'Ana' }] },
      validComponents[3],
    ]);
    expect(sent.body.error).toMatchObject({ code: 132000 });
    expect(sent.body.error.error_data.details).toContain('body');
  });

  it('answers 132018 for newlines, tabs or five spaces in text parameters', async () => {
    for (const text of ['Ana\nSilva', 'Ana\tSilva', 'Ana     Silva']) {
      const components = structuredClone(validComponents);
      components[1]!.parameters[0] = { type: 'text', text };
      expect((await sendOrder(components)).body.error.code).toBe(132018);
    }
    const fourSpaces = structuredClone(validComponents);
    fourSpaces[1]!.parameters[0] = { type: 'text', text: 'Ana    Silva' };
    expect((await sendOrder(fourSpaces)).status).toBe(200);
  });

  it('answers 132001 for an unknown template and 132015/132016 for paused/disabled ones', async () => {
    expect((await sendOrder(validComponents, 'nope')).body.error.code).toBe(132001);
    expect((await sendOrder(validComponents, 'nope')).status).toBe(404);
    await call('POST', '/__sim/templates/order_update/status', { event: 'PAUSED' });
    const paused = await receiver.events.waitFor((h) => templateHook(h) && hookValue(h).event === 'PAUSED');
    expect(hookValue(paused).message_template_name).toBe('order_update');
    expect((await sendOrder(validComponents)).body.error.code).toBe(132015);
    await call('POST', '/__sim/templates/order_update/status', { event: 'DISABLED' });
    expect((await sendOrder(validComponents)).body.error.code).toBe(132016);
  });

  it('answers 132012 for a parameter of the wrong type and a missing URL parameter with 132000', async () => {
    const wrongType = structuredClone(validComponents);
    wrongType[3] = {
      type: 'button',
      sub_type: 'url',
      index: 1,
      parameters: [{ type: 'payload', payload: 'x' }],
    };
    expect((await sendOrder(wrongType)).body.error.code).toBe(132012);
    expect((await sendOrder(validComponents.slice(0, 3))).body.error.code).toBe(132000);
  });

  it('may be sent outside the 24-hour window, unlike free-form messages', async () => {
    const sent = await sendOrder(validComponents);
    const id = sent.body.messages[0].id as string;
    const hook = await receiver.events.waitFor((h) => hookValue(h).statuses?.[0]?.id === id);
    expect(hookValue(hook).statuses[0]).toMatchObject({
      status: 'sent',
      pricing: { category: 'utility', type: 'regular' },
    });
  });
});
