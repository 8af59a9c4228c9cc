import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../test-support/webhook-receiver.js';
import { buildWhatsAppSim, type WhatsAppSim } from './whatsapp-sim.js';

const appSecret = 'sandbox-app-secret';
const token = 'sandbox-access-token';
const phoneNumberId = '106540352242922';
const wabaId = '102290129340398';
const customer = '5511987654321';

let receiver: WebhookReceiver;
let sim: WhatsAppSim;
let base: string;

const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
  fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
const send = (body: Record<string, unknown>) =>
  post(`/v23.0/${phoneNumberId}/messages`, { messaging_product: 'whatsapp', to: `+${customer}`, ...body });
const inject = (body: unknown, waId = customer) =>
  post(`/__sim/customers/${waId}/messages`, body, { 'content-type': 'application/json' });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const value = (hook: ReceivedWebhook): Json => (hook.json as Json).entry[0].changes[0].value;
const statusOf = (hook: ReceivedWebhook): Json | undefined => value(hook).statuses?.[0];

beforeEach(async () => {
  receiver = await startWebhookReceiver('verify-me');
  sim = buildWhatsAppSim({
    appSecret,
    verifyToken: 'verify-me',
    accessToken: token,
    settings: {
      webhookUrl: receiver.url,
      templateReviewDelayMs: 0,
      statusDelayMs: 0,
      retry: {
        maxAttempts: 4,
        firstRetryDelayMs: 0,
        baseDelayMs: 1,
        backoffFactor: 2,
        maxDelayMs: 10,
        timeoutMs: 5000,
      },
    },
  });
  base = await sim.listen(0);
});

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

describe('webhook signature', () => {
  it('matches the RFC 4231 HMAC-SHA256 vector in Meta hex form', async () => {
    const { metaSignature, genesysSignature } = await import('../common/signatures.js');
    const expectedHex = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    const data = Buffer.from('what do ya want for nothing?');
    expect(metaSignature('Jefe', data)).toBe(`sha256=${expectedHex}`);
    expect(genesysSignature('Jefe', data)).toBe(
      `sha256=${Buffer.from(expectedHex, 'hex').toString('base64')}`,
    );
  });

  it('signs the raw bytes delivered, written with Meta-style escapes', async () => {
    const response = await inject({ type: 'text', text: 'Olá, meu endereço é rua A/B', name: 'João' });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^wamid\./);
    const hook = await receiver.events.waitFor(() => true);
    const expected = `sha256=${createHmac('sha256', appSecret).update(hook.raw).digest('hex')}`;
    expect(hook.headers['x-hub-signature-256']).toBe(expected);
    expect(hook.headers['x-hub-signature']).toBe(
      `sha1=${createHmac('sha1', appSecret).update(hook.raw).digest('hex')}`,
    );
    expect(hook.raw.toString('utf8')).toContain('Ol\\u00e1');
    expect(hook.raw.toString('utf8')).toContain('A\\/B');
    // Re-serialising the parsed body does not give the signed bytes back.
    expect(Buffer.from(JSON.stringify(hook.json)).equals(hook.raw)).toBe(false);
    const v = value(hook);
    expect(hook.json).toMatchObject({ object: 'whatsapp_business_account', entry: [{ id: wabaId }] });
    expect(v.metadata).toEqual({ display_phone_number: '15550783881', phone_number_id: phoneNumberId });
    expect(v.contacts).toEqual([{ profile: { name: 'João' }, wa_id: customer }]);
    expect(v.messages[0]).toMatchObject({
      from: customer,
      id,
      type: 'text',
      text: { body: 'Olá, meu endereço é rua A/B' },
    });
    expect(v.messages[0].timestamp).toMatch(/^\d+$/);
    // Exactly the fields of the contract's Example A.
    expect(Object.keys(v).sort()).toEqual(['contacts', 'messages', 'messaging_product', 'metadata']);
    expect(Object.keys(v.messages[0]).sort()).toEqual(['from', 'id', 'text', 'timestamp', 'type']);
  });
});

describe('webhook delivery', () => {
  it('retries until the callback answers 200, with the same bytes each time', async () => {
    receiver.respondWith(500, 503);
    await inject({ type: 'text', text: 'retry me' });
    const hooks = await receiver.events.waitForCount(() => true, 3);
    expect(new Set(hooks.map((h) => h.raw.toString('hex'))).size).toBe(1);
    const delivered = await sim.events.waitFor((e) => e.type === 'webhook.delivered');
    expect(
      delivered.type === 'webhook.delivered' && delivered.delivery.attempts.map((a) => a.status),
    ).toEqual([500, 503, 200]);
  });

  it('gives up after the configured attempts', async () => {
    receiver.respondWith(500, 500, 500, 500);
    await inject({ type: 'text', text: 'never acknowledged' });
    const failed = await sim.events.waitFor((e) => e.type === 'webhook.failed');
    expect(failed.type === 'webhook.failed' && failed.delivery.attempts).toHaveLength(4);
  });

  it('delivers deliberate duplicates identically', async () => {
    await post('/__sim/config', { duplicateNext: 1 }, { 'content-type': 'application/json' });
    await inject({ type: 'text', text: 'twice' });
    const hooks = await receiver.events.waitForCount(() => true, 2);
    expect(hooks[0]?.raw.equals(hooks[1]?.raw ?? Buffer.alloc(0))).toBe(true);
    const log = (await (await fetch(`${base}/__sim/webhooks`)).json()) as Json[];
    expect(log.filter((d) => d.duplicateOf !== undefined)).toHaveLength(1);
  });

  it('passes the verification handshake only with the right token', async () => {
    const ok = (await (
      await post('/__sim/verify', {}, { 'content-type': 'application/json' })
    ).json()) as Json;
    expect(ok.verified).toBe(true);
    const bad = (await (
      await post('/__sim/verify', { verifyToken: 'wrong' }, { 'content-type': 'application/json' })
    ).json()) as Json;
    expect(bad).toMatchObject({ verified: false, status: 403 });
  });
});

describe('inbound message types', () => {
  it('delivers media with a downloadable id and base64 sha256', async () => {
    await inject({ type: 'image', caption: 'my card' });
    const hook = await receiver.events.waitFor(() => true);
    const image = value(hook).messages[0].image as Json;
    expect(image).toMatchObject({ caption: 'my card', mime_type: 'image/png' });
    const meta = (await (await fetch(`${base}/v23.0/${image.id}`, { headers: auth })).json()) as Json;
    const bytes = Buffer.from(await (await fetch(meta.url, { headers: auth })).arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('base64')).toBe(image.sha256);
    expect(meta.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await fetch(meta.url)).status).toBe(401);
  });

  it('delivers interactive, button, location and document replies in Meta shapes', async () => {
    const interactive = await send({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pick' },
        action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
      },
    });
    // No customer message yet: the send is accepted, then fails by webhook (24-hour window).
    expect(interactive.status).toBe(200);
    const sentId = ((await interactive.json()) as Json).messages[0].id as string;
    await inject({
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
    });
    await inject({ type: 'location', location: { latitude: -23.5, longitude: -46.6, name: 'Home' } });
    await inject({
      type: 'document',
      mime_type: 'text/plain',
      filename: 'a.txt',
      data: Buffer.from('hello').toString('base64'),
    });
    const hooks = await receiver.events.waitForCount((h) => value(h).messages !== undefined, 3);
    const messages = hooks.map((h) => value(h).messages[0] as Json);
    expect(messages[0]).toMatchObject({
      type: 'interactive',
      context: { id: sentId },
      interactive: { type: 'button_reply' },
    });
    expect(messages[1]).toMatchObject({ type: 'location', location: { latitude: -23.5, longitude: -46.6 } });
    expect(messages[2]).toMatchObject({
      type: 'document',
      document: { filename: 'a.txt', mime_type: 'text/plain' },
    });
    expect(
      (await inject({ type: 'button', button: { payload: 'X', text: 'X' } }, '5511900000001')).status,
    ).toBe(400);
  });
});

describe('sending', () => {
  it('refuses bad or missing bearer tokens with Graph error 190', async () => {
    const response = await post(
      `/v23.0/${phoneNumberId}/messages`,
      {},
      { 'content-type': 'application/json' },
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as Json).error).toMatchObject({ code: 190, type: 'OAuthException' });
  });

  it('answers invalid bodies with error 100 in the Graph shape', async () => {
    const response = await send({ type: 'text', text: { body: '' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Json;
    expect(body.error).toMatchObject({
      code: 100,
      message: '(#100) Invalid parameter',
      error_data: { messaging_product: 'whatsapp' },
    });
    expect(body.error.fbtrace_id).toEqual(expect.any(String));
  });

  it('sends free-form inside the window: sent, delivered, read in order', async () => {
    await inject({ type: 'text', text: 'hi' });
    const response = await send({
      type: 'text',
      text: { body: 'Hello!' },
      biz_opaque_callback_data: 'ref-1',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({
      messaging_product: 'whatsapp',
      contacts: [{ input: `+${customer}`, wa_id: customer }],
    });
    const id = body.messages[0].id as string;
    const statuses = await receiver.events.waitForCount((h) => statusOf(h)?.id === id, 3);
    expect(statuses.map((h) => statusOf(h)?.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statusOf(statuses[0]!)).toMatchObject({
      recipient_id: customer,
      biz_opaque_callback_data: 'ref-1',
      pricing: { pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
      conversation: { origin: { type: 'service' } },
    });
    const outbox = (await (await fetch(`${base}/__sim/outbox`)).json()) as Json[];
    expect(outbox).toEqual([
      {
        messaging_product: 'whatsapp',
        to: `+${customer}`,
        type: 'text',
        text: { body: 'Hello!' },
        biz_opaque_callback_data: 'ref-1',
      },
    ]);
  });

  it('fails free-form sends outside the 24-hour window with 131047', async () => {
    await inject({ type: 'text', text: 'hi' });
    await post('/__sim/clock', { advanceSeconds: 24 * 3600 + 1 }, { 'content-type': 'application/json' });
    const id = ((await (await send({ type: 'text', text: { body: 'late' } })).json()) as Json).messages[0]
      .id as string;
    const failed = await receiver.events.waitFor((h) => statusOf(h)?.id === id);
    expect(statusOf(failed)).toMatchObject({
      status: 'failed',
      errors: [{ code: 131047, title: 'Re-engagement message' }],
    });
    // The fields of the contract's Example B.
    expect(Object.keys(statusOf(failed) ?? {}).sort()).toEqual([
      'errors',
      'id',
      'recipient_id',
      'status',
      'timestamp',
    ]);
    expect(Object.keys(statusOf(failed)?.errors[0]).sort()).toEqual([
      'code',
      'error_data',
      'href',
      'message',
      'title',
    ]);

    await post('/__sim/config', { windowErrorMode: 'sync' }, { 'content-type': 'application/json' });
    const refused = await send({ type: 'text', text: { body: 'late' } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Json).error.code).toBe(131047);
  });

  it('applies the throughput and pair rate limits', async () => {
    await inject({ type: 'text', text: 'hi' });
    await post(
      '/__sim/config',
      { pairRateLimit: { burst: 2, perSecond: 0.001 } },
      { 'content-type': 'application/json' },
    );
    expect((await send({ type: 'text', text: { body: '1' } })).status).toBe(200);
    expect((await send({ type: 'text', text: { body: '2' } })).status).toBe(200);
    const third = await send({ type: 'text', text: { body: '3' } });
    expect(((await third.json()) as Json).error.code).toBe(131056);
    await post(
      '/__sim/config',
      { pairRateLimit: null, throughputPerSecond: 1 },
      { 'content-type': 'application/json' },
    );
    expect((await send({ type: 'text', text: { body: '4' } })).status).toBe(200);
    const limited = await send({ type: 'text', text: { body: '5' } });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as Json).error.code).toBe(130429);
  });

  it('injects faults on the vendor API only', async () => {
    await post('/__sim/faults', { failNext: 1, failStatus: 503 }, { 'content-type': 'application/json' });
    expect((await send({ type: 'text', text: { body: 'x' } })).status).toBe(503);
    await post('/__sim/faults', { dropNext: 1 }, { 'content-type': 'application/json' });
    await expect(send({ type: 'text', text: { body: 'x' } })).rejects.toThrow();
    expect((await fetch(`${base}/__sim/health`)).status).toBe(200);
  });
});

describe('media upload', () => {
  it('uploads multipart, serves a 5-minute URL, deletes', async () => {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('file', new Blob([Buffer.from('%PDF-1.4 sandbox')], { type: 'application/pdf' }), 'terms.pdf');
    const upload = await fetch(`${base}/v23.0/${phoneNumberId}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(upload.status).toBe(200);
    const { id } = (await upload.json()) as { id: string };
    const meta = (await (await fetch(`${base}/v23.0/${id}`, { headers: auth })).json()) as Json;
    expect(meta).toMatchObject({
      messaging_product: 'whatsapp',
      mime_type: 'application/pdf',
      file_size: 16,
      id,
    });
    expect(await (await fetch(meta.url, { headers: auth })).text()).toBe('%PDF-1.4 sandbox');
    await post('/__sim/clock', { advanceSeconds: 301 }, { 'content-type': 'application/json' });
    expect((await fetch(meta.url, { headers: auth })).status).toBe(404);
    expect(await (await fetch(`${base}/v23.0/${id}`, { method: 'DELETE', headers: auth })).json()).toEqual({
      success: true,
    });
    expect((await fetch(`${base}/v23.0/${id}`, { headers: auth })).status).toBe(400);

    const bad = new FormData();
    bad.set('messaging_product', 'whatsapp');
    bad.set('file', new Blob([Buffer.from('x')], { type: 'application/x-msdownload' }), 'a.exe');
    const refused = await fetch(`${base}/v23.0/${phoneNumberId}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: bad,
    });
    expect(((await refused.json()) as Json).error.code).toBe(131053);
  });
});

describe('control API', () => {
  it('lists the outbox oldest first and empties it on reset', async () => {
    await inject({ type: 'text', text: 'hi' });
    await send({ type: 'text', text: { body: 'first' } });
    await send({ type: 'text', text: { body: 'second' } });
    const outbox = (await (await fetch(`${base}/__sim/outbox`)).json()) as Json[];
    expect(outbox.map((b) => b.text.body)).toEqual(['first', 'second']);
    expect((await post('/__sim/reset', {}, { 'content-type': 'application/json' })).status).toBe(200);
    expect(await (await fetch(`${base}/__sim/outbox`)).json()).toEqual([]);
    // The reset also closed the customer's window.
    await post('/__sim/config', { windowErrorMode: 'sync' }, { 'content-type': 'application/json' });
    expect(((await (await send({ type: 'text', text: { body: 'x' } })).json()) as Json).error.code).toBe(
      131047,
    );
  });
});

describe('ordering', () => {
  it('delivers one customer’s messages in injection order, even when the first needs retries', async () => {
    receiver.respondWith(503);
    const ids: string[] = [];
    for (let n = 0; n < 10; n += 1)
      ids.push(((await (await inject({ type: 'text', text: `m${n}` })).json()) as Json).id as string);
    const hooks = await receiver.events.waitForCount(
      (h) => value(h).messages !== undefined && h.headers['x-hub-signature-256'] !== undefined,
      11,
    );
    const delivered = hooks.slice(1).map((h) => value(h).messages[0].id as string);
    expect(delivered).toEqual(ids);
  });
});

describe('settings', () => {
  it('accepts part of the retry schedule and keeps the rest', async () => {
    const response = await post(
      '/__sim/config',
      { retry: { maxAttempts: 2 } },
      { 'content-type': 'application/json' },
    );
    expect(((await response.json()) as Json).retry).toEqual({
      maxAttempts: 2,
      firstRetryDelayMs: 0,
      baseDelayMs: 1,
      backoffFactor: 2,
      maxDelayMs: 10,
      timeoutMs: 5000,
    });
    expect(
      (await post('/__sim/config', { retry: { maxAttempts: 0 } }, { 'content-type': 'application/json' }))
        .status,
    ).toBe(400);
  });
});

describe('mark as read', () => {
  it('marks a received message read and refuses unknown ids', async () => {
    const { id } = (await (await inject({ type: 'text', text: 'hi' })).json()) as { id: string };
    const read = await send({ status: 'read', message_id: id });
    expect(await read.json()).toEqual({ success: true });
    const unknown = await send({ status: 'read', message_id: 'wamid.unknown' });
    expect(((await unknown.json()) as Json).error.code).toBe(100);
    expect(await (await fetch(`${base}/__sim/outbox`)).json()).toEqual([]);
  });
});
