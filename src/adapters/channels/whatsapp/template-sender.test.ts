import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWhatsAppSim, type WhatsAppSim } from '../../../../sandbox/whatsapp/whatsapp-sim.js';
import { isVeilError } from '../../../core/errors.js';
import {
  ServiceWindowTracker,
  sendFreeForm,
  sendTemplateWithFallback,
  toCreateBody,
  type TemplateSenderPorts,
} from '../../../core/templates/index.js';
import { GraphTemplateClient } from './template-client.js';
import { folder, shippedRequest } from '../../../core/templates/test-support/shipped-fixtures.js';

/** Sending with fallbacks and the 24-hour window, end to end against the WhatsApp simulator. */

const token = 'sender-token';
const wabaId = '102290129340398';
const phoneNumberId = '106540352242922';
const customer = '+5511987654321';
let sim: WhatsAppSim;
let client: GraphTemplateClient;
let window: ServiceWindowTracker;
let statuses: Map<string, string>;

const ports = (): TemplateSenderPorts => ({
  definitionOf: (name) => folder.get(name),
  statusOf: (name, language) => statuses.get(`${name}/${language}`),
  lastCustomerMessageAt: (to) => window.lastCustomerMessageAt(to),
  now: () => new Date(),
  sendTemplate: (body) => client.sendTemplate(body),
  sendText: (to, text) => client.sendText(to, text),
});

const request = shippedRequest;

type OutboxEntry = {
  type: string;
  template?: { name: string; components: { type: string; index?: string }[] };
};
const outbox = async () => (await (await fetch(`${sim.url()}/__sim/outbox`)).json()) as OutboxEntry[];
const setStatus = (name: string, event: string) =>
  fetch(`${sim.url()}/__sim/templates/${name}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event }),
  });
const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (isVeilError(error) ? error.code : String(error)),
  );

beforeEach(async () => {
  sim = buildWhatsAppSim({
    appSecret: 's',
    verifyToken: 'v',
    accessToken: token,
    wabaId,
    phoneNumberId,
    settings: { templateReviewDelayMs: 0, statusDelayMs: 0, autoDeliver: false, autoRead: false },
  });
  client = new GraphTemplateClient({
    baseUrl: await sim.listen(0),
    apiVersion: 'v23.0',
    accessToken: token,
    wabaId,
    phoneNumberId,
  });
  window = new ServiceWindowTracker();
  for (const d of folder.values()) for (const l of d.languages) await client.createTemplate(toCreateBody(l));
  for (const name of folder.keys())
    await sim.events.waitFor(
      (e) =>
        e.type === 'template.status' &&
        'name' in e &&
        e.name === name &&
        'status' in e &&
        e.status === 'APPROVED',
    );
  statuses = new Map((await client.listTemplates()).map((t) => [`${t.name}/${t.language}`, t.status]));
});

afterEach(async () => {
  await sim.close();
});

describe('sendTemplateWithFallback against the simulator', () => {
  it('sends header, body and button parameters in the order the provider checks', async () => {
    const outcome = await sendTemplateWithFallback(request, ports());
    expect(outcome.decision).toMatchObject({ fellBack: false, choice: { name: 'order_shipped' } });
    const sent = (await outbox()).at(-1);
    expect(sent?.template?.name).toBe('order_shipped');
    expect(sent?.template?.components.map((c) => `${c.type}${c.index ?? ''}`)).toEqual([
      'header',
      'body',
      'button0',
    ]);
  });

  it('falls back when the provider says the template was paused after Veil last looked, and records why', async () => {
    await setStatus('order_shipped', 'PAUSED');
    const outcome = await sendTemplateWithFallback(request, ports());
    expect(outcome.decision.choice).toEqual({
      kind: 'template',
      name: 'order_shipped_simple',
      language: 'pt_BR',
    });
    expect(outcome.decision.steps[0]).toEqual({
      candidate: 'template order_shipped (pt_BR)',
      outcome: 'skipped',
      reason: 'status PAUSED at send time',
    });
    expect((await outbox()).map((m) => m.template?.name)).toEqual(['order_shipped_simple']);
  });

  it('uses the plain-text step only inside the 24-hour window', async () => {
    await setStatus('order_shipped', 'PAUSED');
    await setStatus('order_shipped_simple', 'DISABLED');
    statuses.set('order_shipped/pt_BR', 'PAUSED');
    statuses.set('order_shipped_simple/pt_BR', 'DISABLED');
    expect(await codeOf(sendTemplateWithFallback(request, ports()))).toBe(
      'VEIL_ERR_TEMPLATE_NO_USABLE_FALLBACK',
    );
    expect(await outbox()).toEqual([]);

    window.recordCustomerMessage(customer, new Date());
    const outcome = await sendTemplateWithFallback(request, ports());
    expect(outcome.decision.choice.kind).toBe('text');
    expect((await outbox()).map((m) => m.type)).toEqual(['text']);
  });

  it('refuses a free-form message outside the window before it reaches the provider', async () => {
    expect(await codeOf(sendFreeForm(customer, 'Oi!', ports()))).toBe('VEIL_ERR_TEMPLATE_WINDOW_CLOSED');
    expect(await outbox()).toEqual([]);
    window.recordCustomerMessage(customer, new Date());
    await sendFreeForm(customer, 'Oi!', ports());
    expect((await outbox()).map((m) => m.type)).toEqual(['text']);
  });
});
