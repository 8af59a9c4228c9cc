import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWhatsAppSim, type WhatsAppSim } from '../../../sandbox/whatsapp/whatsapp-sim.js';
import { metricAlertSink } from '../../adapters/alerts/template-alert-sinks.js';
import { GraphTemplateClient } from '../../adapters/channels/whatsapp/template-client.js';
import { verifyWhatsAppSignature } from '../../adapters/channels/whatsapp/webhook-signature.js';
import { SqlTemplateStore } from '../../adapters/stores/template-store.js';
import { SqlCustomerWindowStore } from '../../adapters/stores/template-window-store.js';
import { openVault, type VaultRuntime } from '../../compose.js';
import { loadConfig } from '../../config/config.js';
import {
  createTemplateLifecycle,
  recordProviderStatuses,
  toCreateBody,
  type TemplateAlert,
  type TemplateDefinition,
  type TemplateWebhookOutcome,
} from '../../core/templates/index.js';
import { buildApp } from '../app.js';
import {
  folder,
  shipped,
  shippedRequest,
  simple,
} from '../../core/templates/test-support/shipped-fixtures.js';

/**
 * The template lifecycle end to end on loopback: the WhatsApp simulator reviews templates and sends
 * its status webhooks to a receiver that uses Veil's handler; the store feeds `GET /v1/templates` and
 * the status check of `POST /v1/messages/template` in the real HTTP app.
 */

const appSecret = 'lifecycle-app-secret';
const token = 'lifecycle-token';
const wabaId = '102290129340398';
const phoneNumberId = '106540352242922';

const sendRequest = shippedRequest;

let dir: string;
let runtime: VaultRuntime;
let sim: WhatsAppSim;
let receiver: FastifyInstance;
let app: FastifyInstance;
let base: string;
let apiKey: string;
let client: GraphTemplateClient;
let store: SqlTemplateStore;
let windowStore: SqlCustomerWindowStore;
let alerts: TemplateAlert[];
let metrics: Registry;
let handled: TemplateWebhookOutcome[];
let wake: (() => void)[];

/** Resolves when the receiver has handled a webhook matching `predicate` (no polling, no sleeps). */
async function handledWebhook(
  predicate: (o: TemplateWebhookOutcome) => boolean,
): Promise<TemplateWebhookOutcome> {
  for (;;) {
    const hit = handled.find(predicate);
    if (hit) return hit;
    await new Promise<void>((resolve) => wake.push(resolve));
  }
}
const statusHandled = (name: string, value: string) =>
  handledWebhook((o) => o.kind === 'status' && o.name === name && o.value === value);

const call = async (method: string, url: string, body?: unknown, key: string | null = apiKey) => {
  const response = await fetch(base + url, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    json: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & {
      templates?: Record<string, unknown>[];
    },
  };
};
const simPost = (url: string, body: unknown) =>
  fetch(`${sim.url()}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => {
    if (!r.ok) throw new Error(`sim ${url}: ${r.status} ${await r.text()}`);
  });
const outbox = async () =>
  (await (await fetch(`${sim.url()}/__sim/outbox`)).json()) as {
    type: string;
    template?: { name: string };
  }[];
const templateRow = async (name: string) =>
  (await call('GET', '/v1/templates')).json.templates?.find((t) => t.name === name);

/** Creates every language of a definition at the simulator and records the PENDING it answers. */
async function create(definition: TemplateDefinition) {
  for (const language of definition.languages) {
    const created = await client.createTemplate(toCreateBody(language));
    await recordProviderStatuses(
      store,
      [
        {
          id: created.id,
          name: definition.name,
          language: language.language,
          status: created.status ?? 'PENDING',
          category: definition.category,
        },
      ],
      new Date(),
    );
  }
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'veil-templates-'));
  runtime = await openVault(loadConfig({ dataDir: dir }, {}));
  apiKey = (await runtime.apiKeys.issue('acme', ['agent'])).key;
  store = new SqlTemplateStore(runtime.store.db);
  windowStore = new SqlCustomerWindowStore(runtime.store.db);
  alerts = [];
  metrics = new Registry();
  handled = [];
  wake = [];
  const recordAlert = { templateAlert: (a: TemplateAlert) => void alerts.push(a) };
  const metric = metricAlertSink(metrics);
  const lifecycle = createTemplateLifecycle({
    store,
    alerts: { templateAlert: (a) => (recordAlert.templateAlert(a), metric.templateAlert(a)) },
  });

  // The webhook receiver: verifies Meta's signature over the raw bytes, hands each change to the handler.
  receiver = Fastify();
  receiver.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_r, body, done) =>
    done(null, body),
  );
  receiver.post('/webhooks/whatsapp', async (request, reply) => {
    const raw = request.body as Buffer;
    const signature = request.headers['x-hub-signature-256'];
    if (!verifyWhatsAppSignature(appSecret, raw, typeof signature === 'string' ? signature : undefined))
      return reply.code(401).send();
    const body = JSON.parse(raw.toString('utf8')) as {
      entry: { time?: number; changes: { field: string; value: unknown }[] }[];
    };
    for (const entry of body.entry)
      for (const change of entry.changes)
        handled.push(
          await lifecycle.handleTemplateWebhookChange(change.field, change.value, {
            ...(entry.time === undefined ? {} : { time: entry.time }),
          }),
        );
    for (const resolve of wake.splice(0)) resolve();
    return reply.code(200).send();
  });
  const receiverUrl = await receiver.listen({ port: 0, host: '127.0.0.1' });

  sim = buildWhatsAppSim({
    appSecret,
    verifyToken: 'v',
    accessToken: token,
    wabaId,
    phoneNumberId,
    settings: {
      webhookUrl: `${receiverUrl}/webhooks/whatsapp`,
      templateReviewDelayMs: 0,
      statusDelayMs: 0,
      autoDeliver: false,
      autoRead: false,
    },
  });
  client = new GraphTemplateClient({
    baseUrl: await sim.listen(0),
    apiVersion: 'v23.0',
    accessToken: token,
    wabaId,
    phoneNumberId,
  });

  app = buildApp({
    vault: runtime.vault,
    apiKeys: runtime.apiKeys,
    templates: {
      definitionOf: (name) => folder.get(name),
      store,
      window: windowStore,
      decisions: store,
      sendTemplate: (body) => client.sendTemplate(body),
      sendText: (to, text) => client.sendText(to, text),
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}`;
});

afterEach(async () => {
  await app?.close();
  await sim?.close();
  await receiver?.close();
  await runtime?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('template lifecycle against the WhatsApp simulator', () => {
  it('create → PENDING → APPROVED by webhook, into the store and GET /v1/templates', async () => {
    await simPost('/__sim/config', { templateReviewDelayMs: 60_000 });
    await create(simple);
    expect(await templateRow('order_shipped_simple')).toMatchObject({ language: 'pt_BR', status: 'PENDING' });

    await simPost('/__sim/templates/order_shipped_simple/status', { event: 'APPROVED' });
    await statusHandled('order_shipped_simple', 'APPROVED');
    const row = await templateRow('order_shipped_simple');
    expect(row).toMatchObject({ status: 'APPROVED', category: 'UTILITY', reason: null });
    expect(typeof row?.lastChangeAt).toBe('string');
    expect((await store.templateHistory('order_shipped_simple', 'pt_BR')).map((h) => h.value)).toEqual([
      'PENDING',
      'APPROVED',
    ]);
    expect(alerts).toEqual([]);
  });

  it('create → PENDING → REJECTED by webhook raises an alert with the reason and counts it', async () => {
    await simPost('/__sim/config', { templateReviewOutcome: 'reject' });
    await create(simple);
    await statusHandled('order_shipped_simple', 'REJECTED');
    expect(await templateRow('order_shipped_simple')).toMatchObject({
      status: 'REJECTED',
      reason: 'INVALID_FORMAT',
    });
    expect(alerts.map((a) => [a.event, a.name, a.language, a.previousStatus, a.reason])).toEqual([
      ['REJECTED', 'order_shipped_simple', 'pt_BR', 'PENDING', 'INVALID_FORMAT'],
    ]);
    expect(await metrics.metrics()).toContain('veil_template_alerts_total{event="REJECTED"} 1');
    const history = await store.templateHistory('order_shipped_simple', 'pt_BR');
    expect(history.at(-1)?.detail).toHaveProperty('rejection_info');
  });

  describe('with both templates approved', () => {
    beforeEach(async () => {
      await create(shipped);
      await create(simple);
      await statusHandled('order_shipped', 'APPROVED');
      await statusHandled('order_shipped_simple', 'APPROVED');
    });

    it('sends the template itself, in header/body/button order, and records the decision', async () => {
      const response = await call('POST', '/v1/messages/template', sendRequest);
      expect(response.status).toBe(201);
      expect(response.json).toMatchObject({
        sent: { kind: 'template', name: 'order_shipped', language: 'pt_BR' },
        fellBack: false,
      });
      const [decision] = await store.sendDecisions({ tenant: 'acme' });
      expect(decision).toMatchObject({
        id: response.json.decisionId,
        outcome: 'sent',
        chosenName: 'order_shipped',
        messageId: response.json.messageId,
      });
      expect((await outbox()).map((m) => m.template?.name)).toEqual(['order_shipped']);
    });

    it('a template paused by webhook falls back to the next in its chain, and the choice is recorded', async () => {
      await simPost('/__sim/templates/order_shipped/status', { event: 'PAUSED' });
      await statusHandled('order_shipped', 'PAUSED');
      expect(alerts.map((a) => a.event)).toEqual(['PAUSED']);
      expect(await templateRow('order_shipped')).toMatchObject({ status: 'PAUSED' });

      const response = await call('POST', '/v1/messages/template', sendRequest);
      expect(response.status).toBe(201);
      expect(response.json).toMatchObject({
        sent: { kind: 'template', name: 'order_shipped_simple' },
        fellBack: true,
      });
      // Veil skipped the paused template itself (from its store), it did not learn it from a failed send.
      expect((await outbox()).map((m) => m.template?.name)).toEqual(['order_shipped_simple']);
      const [decision] = await store.sendDecisions();
      expect(decision).toMatchObject({
        outcome: 'sent',
        chosenKind: 'template',
        chosenName: 'order_shipped_simple',
        fellBack: true,
      });
      expect(decision?.steps).toEqual([
        { candidate: 'template order_shipped (pt_BR)', outcome: 'skipped', reason: 'status PAUSED' },
        { candidate: 'template order_shipped_simple (pt_BR)', outcome: 'chosen', reason: 'APPROVED' },
      ]);
    });

    it('remembers a pause the provider reports at send time, before its webhook arrives', async () => {
      await simPost('/__sim/config', { webhookUrl: null });
      await simPost('/__sim/templates/order_shipped/status', { event: 'PAUSED' });
      const first = await call('POST', '/v1/messages/template', sendRequest);
      expect(first.json).toMatchObject({ sent: { name: 'order_shipped_simple' }, fellBack: true });
      expect((first.json.steps as unknown[])[0]).toMatchObject({ reason: 'status PAUSED at send time' });
      expect(await templateRow('order_shipped')).toMatchObject({ status: 'PAUSED' });

      const second = await call('POST', '/v1/messages/template', sendRequest);
      expect((second.json.steps as unknown[])[0]).toMatchObject({ reason: 'status PAUSED' });
      // The provider refused order_shipped once; the second send went straight to the fallback.
      expect((await outbox()).map((m) => m.template?.name)).toEqual([
        'order_shipped_simple',
        'order_shipped_simple',
      ]);
    });

    it('refuses the plain-text fallback outside the 24-hour window, and sends it inside', async () => {
      await simPost('/__sim/templates/order_shipped/status', { event: 'PAUSED' });
      await simPost('/__sim/templates/order_shipped_simple/status', { event: 'DISABLED' });
      await statusHandled('order_shipped_simple', 'DISABLED');
      await statusHandled('order_shipped', 'PAUSED');

      const refused = await call('POST', '/v1/messages/template', sendRequest);
      expect(refused.status).toBe(409);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.json).toMatchObject({ code: 'VEIL_ERR_TEMPLATE_NO_USABLE_FALLBACK', retryable: false });
      expect(String(refused.json.title)).toContain('24-hour window closed');
      expect(await outbox()).toEqual([]);
      const [decision] = await store.sendDecisions();
      expect(decision).toMatchObject({
        outcome: 'refused',
        chosenKind: null,
        errorCode: 'VEIL_ERR_TEMPLATE_NO_USABLE_FALLBACK',
      });
      expect(decision?.steps.at(-1)).toEqual({
        candidate: 'plain text',
        outcome: 'skipped',
        reason: '24-hour window closed',
      });

      // The customer writes (the gateway will feed this table from its inbox): the window opens.
      await windowStore.recordCustomerMessage('5511987654321', new Date());
      const sent = await call('POST', '/v1/messages/template', sendRequest);
      expect(sent.status).toBe(201);
      expect(sent.json).toMatchObject({ sent: { kind: 'text' }, fellBack: true });
      expect((await outbox()).map((m) => m.type)).toEqual(['text']);
      const latest = (await store.sendDecisions())[0];
      expect(latest).toMatchObject({ outcome: 'sent', chosenKind: 'text', messageId: sent.json.messageId });
      expect(JSON.stringify(latest)).not.toContain('Seu pedido foi enviado');
    });

    it('validates before sending: a missing value is a 422 and nothing reaches the provider', async () => {
      const response = await call('POST', '/v1/messages/template', {
        ...sendRequest,
        values: { named: { order_id: '12345', first_name: 'Ana' }, buttons: { '0': '12345' } },
      });
      expect(response.status).toBe(422);
      expect(response.json.code).toBe('VEIL_ERR_TEMPLATE_VALUE_MISSING');
      expect(await outbox()).toEqual([]);
      expect((await store.sendDecisions())[0]).toMatchObject({
        outcome: 'refused',
        errorCode: 'VEIL_ERR_TEMPLATE_VALUE_MISSING',
      });
    });

    it('turns a provider rate limit into a coded, retryable problem with Retry-After', async () => {
      await simPost('/__sim/config', { pairRateLimit: { burst: 1, perSecond: 0.001 } });
      expect((await call('POST', '/v1/messages/template', sendRequest)).status).toBe(201);
      const limited = await call('POST', '/v1/messages/template', sendRequest);
      expect(limited.status).toBe(429);
      expect(limited.json).toMatchObject({
        code: 'VEIL_ERR_WHATSAPP_PAIR_RATE_LIMITED',
        retryable: true,
        providerCode: 131056,
      });
      expect(limited.retryAfter).toBe('6');
      expect((await store.sendDecisions())[0]).toMatchObject({
        outcome: 'failed',
        chosenName: 'order_shipped',
        errorCode: 'VEIL_ERR_WHATSAPP_PAIR_RATE_LIMITED',
      });
    });

    it('needs an API key and a well-formed body', async () => {
      expect((await call('GET', '/v1/templates', undefined, null)).status).toBe(401);
      const bad = await call('POST', '/v1/messages/template', { ...sendRequest, name: 'Bad Name' });
      expect(bad.status).toBe(400);
      expect(bad.json.code).toBe('VEIL_ERR_HTTP_BAD_REQUEST');
    });
  });
});
