import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TenantConfig } from '../config/tenants.js';
import {
  agentSays,
  customerSays,
  customerTexts,
  getJson,
  postJson,
  startGatewayHarness,
  type Json,
  type GatewayHarness,
} from './test-support/gateway-harness.js';

let harness: GatewayHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const allow = (t: TenantConfig): TenantConfig => ({ ...t, outbound: { ...t.outbound, agentData: 'allow' } });
// Short backoff: retries happen within the test, still through the real timers and store.
const fastRetries = { pipeline: { backoff: { baseMs: 5, capMs: 20 } } };

async function start(): Promise<GatewayHarness> {
  const h = await startGatewayHarness({ tenant: allow, gateway: fastRetries });
  await h.open();
  await customerSays(h, { type: 'text', text: 'oi' }); // opens the 24-hour window
  await h.gateway().pipeline.idle();
  return h;
}

const faults = (url: string, body: Json) => postJson(`${url}/__sim/faults`, body);

/** Posts a signed Open Messaging outbound webhook to Veil, as Genesys does; resolves with the status. */
async function genesysWebhook(h: GatewayHarness, id: string, text: string): Promise<number> {
  const body = JSON.stringify({
    id,
    channel: {
      id: h.tenant.genesys.integrationId,
      platform: 'Open',
      type: 'Private',
      to: { id: `+${h.sandbox.tenant.customerWaId}`, idType: 'Phone' },
      from: { id: h.tenant.genesys.integrationId, idType: 'Opaque' },
      time: new Date().toISOString(),
    },
    type: 'Text',
    text,
    direction: 'Outbound',
    originatingEntity: 'Human',
  });
  const signature = createHmac('sha256', h.tenant.genesys.webhookSecret).update(body).digest('base64');
  const response = await fetch(`${h.url()}/webhooks/genesys/${h.tenant.genesys.integrationId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
    body,
  });
  return response.status;
}

/** Resolves once WhatsApp has accepted `count` more sends. */
async function whatsappAccepts(h: GatewayHarness, count: number, since: number): Promise<void> {
  let seen = 0;
  await h.sandbox.whatsapp.events.waitFor((e) => e.type === 'message.accepted' && ++seen >= count, { since });
}

describe('outbound outbox: stored before 2xx, sent by a worker with retries', () => {
  it('retries WhatsApp 5xx and 429, then sends once and reports Delivered', async () => {
    harness = await start();
    const { urls } = harness.sandbox;
    await faults(urls.whatsapp, { failNext: 2, failStatus: 503, rateLimitNext: 1, retryAfterSeconds: 0 });
    const { receipt } = await agentSays(harness, {
      to: `+${harness.sandbox.tenant.customerWaId}`,
      text: 'Olá',
    });
    expect(receipt).toMatchObject({ status: 'Delivered' });
    expect(await customerTexts(harness)).toEqual(['Olá']);
    expect((await getJson<Json>(`${urls.whatsapp}/__sim/faults`)).failNext).toBe(0);
  });

  it('keeps one customer’s messages in order while the first is retried', async () => {
    harness = await start();
    const { urls, whatsapp } = harness.sandbox;
    await faults(urls.whatsapp, { failNext: 3, failStatus: 500 });
    const since = whatsapp.events.mark();
    for (const text of ['um', 'dois', 'três', 'quatro'])
      expect(await genesysWebhook(harness, `m-${text}`, text)).toBe(200);
    await whatsappAccepts(harness, 4, since);
    expect(await customerTexts(harness)).toEqual(['um', 'dois', 'três', 'quatro']);
  });

  it('deduplicates on the platform’s message id (Genesys retries its webhook)', async () => {
    harness = await start();
    const since = harness.sandbox.whatsapp.events.mark();
    expect(await genesysWebhook(harness, 'same-id', 'uma vez')).toBe(200);
    expect(await genesysWebhook(harness, 'same-id', 'uma vez')).toBe(200);
    expect(await genesysWebhook(harness, 'other-id', 'depois')).toBe(200);
    await whatsappAccepts(harness, 2, since);
    await harness.gateway().outbound.idle();
    expect(await customerTexts(harness)).toEqual(['uma vez', 'depois']);
  });

  it('a message stored while WhatsApp is down is sent after a restart', async () => {
    harness = await start();
    const { urls, whatsapp } = harness.sandbox;
    await faults(urls.whatsapp, { failNext: 1_000_000, failStatus: 503 });
    expect(await genesysWebhook(harness, 'survivor', 'ainda aqui')).toBe(200);
    await harness.closeGateway();
    await faults(urls.whatsapp, { failNext: 0 });
    const since = whatsapp.events.mark();
    await harness.open();
    await whatsappAccepts(harness, 1, since);
    expect(await customerTexts(harness)).toEqual(['ainda aqui']);
  });

  it.each(['webhook', 'sync'] as const)(
    'outside the 24-hour window (reported by %s): a Failed receipt with MessageExpired, no retry',
    async (windowErrorMode) => {
      harness = await startGatewayHarness({ tenant: allow, gateway: fastRetries });
      await harness.open();
      await postJson(`${harness.sandbox.urls.whatsapp}/__sim/config`, { windowErrorMode });
      const { receipt } = await agentSays(harness, { to: '+5521988887777', text: 'Olá' });
      expect(receipt).toMatchObject({ status: 'Failed', reasons: [{ code: 'MessageExpired' }] });
      expect(await customerTexts(harness)).toEqual(windowErrorMode === 'sync' ? [] : ['Olá']);
    },
  );

  it('retries a receipt Genesys does not take at first', async () => {
    harness = await start();
    const { urls } = harness.sandbox;
    await faults(urls.genesys, { failNext: 2, failStatus: 503 });
    const { receipt } = await agentSays(harness, {
      to: `+${harness.sandbox.tenant.customerWaId}`,
      text: 'Olá',
    });
    expect(receipt).toMatchObject({ status: 'Delivered' });
    expect((await getJson<Json>(`${urls.genesys}/__sim/faults`)).failNext).toBe(0);
  });
});
