import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { buildGenesysSim, type GenesysSim } from './genesys-sim.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const clientId = 'sandbox-client';
const clientSecret = 'sandbox-client-secret';
const webhookSecret = 'integration-signing-secret';

let receiver: WebhookReceiver;
let sim: GenesysSim;
let base: string;
let token: string;

const json = { 'content-type': 'application/json' };
async function getToken(id = clientId, secret = clientSecret): Promise<Response> {
  return fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
}
const api = (method: string, path: string, body?: unknown, bearer = token) =>
  fetch(`${base}${path}`, {
    method,
    headers: { ...json, authorization: `Bearer ${bearer}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const control = (path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
const inboundPath = () => `/api/v2/conversations/messages/${sim.integrationId}/inbound/open/message`;
const inboundBody = (messageId: string, text = 'Meu CPF é 123.456.789-09') => ({
  channel: {
    messageId,
    from: { id: '+5511987654321', idType: 'Phone', nickname: 'Ana' },
    time: '2026-05-01T12:00:00.000Z',
  },
  text,
});

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  sim = buildGenesysSim({
    clientId,
    clientSecret,
    outboundWebhookUrl: receiver.url,
    webhookSecret,
    transcripts: { count: 7, seed: 42 },
    settings: {
      tokenLifetimeSeconds: 300,
      receiptsForInbound: false,
      retry: {
        maxAttempts: 6,
        firstRetryDelayMs: 1,
        baseDelayMs: 1,
        backoffFactor: 1,
        maxDelayMs: 1,
        timeoutMs: 5000,
      },
    },
  });
  base = await sim.listen(0);
  token = ((await (await getToken()).json()) as Json).access_token as string;
});

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

describe('OAuth client credentials', () => {
  it('issues bearer tokens with the configured lifetime and refuses bad clients', async () => {
    const response = await getToken();
    expect(await response.json()).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 300,
    });
    expect((await getToken(clientId, 'wrong')).status).toBe(401);
    const form = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=password&client_id=${clientId}&client_secret=${clientSecret}`,
    });
    expect(form.status).toBe(400);
  });

  it('answers 401 without a token and once the token has expired', async () => {
    const none = await fetch(`${base}${inboundPath()}`, { method: 'POST', headers: json, body: '{}' });
    expect(none.status).toBe(401);
    expect(((await none.json()) as Json).code).toBe('authentication.required');
    expect((await api('POST', inboundPath(), inboundBody('m-1'))).status).toBe(200);
    await control('/__sim/clock', { advanceSeconds: 301 });
    const expired = await api('POST', inboundPath(), inboundBody('m-2'));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as Json).code).toBe('bad.credentials');
    token = ((await (await getToken()).json()) as Json).access_token as string;
    expect((await api('POST', inboundPath(), inboundBody('m-2'))).status).toBe(200);
  });
});

describe('Open Messaging inbound', () => {
  it('stores what it receives and answers the normalized message', async () => {
    const response = await api(
      'POST',
      `${inboundPath()}?prefetchConversationId=true`,
      inboundBody('wamid.1'),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({
      id: expect.any(String),
      type: 'Text',
      direction: 'Inbound',
      text: 'Meu CPF é 123.456.789-09',
      conversationId: expect.any(String),
      channel: { platform: 'Open', type: 'Private', messageId: 'wamid.1', to: { id: sim.integrationId } },
    });
    const inbound = (await (await fetch(`${base}/__sim/inbound`)).json()) as Json[];
    expect(inbound).toEqual([inboundBody('wamid.1')]);
  });

  it('deduplicates on channel.messageId: same answer, one transcript message, both bodies listed', async () => {
    const first = (await (await api('POST', inboundPath(), inboundBody('wamid.dup'))).json()) as Json;
    const second = (await (await api('POST', inboundPath(), inboundBody('wamid.dup'))).json()) as Json;
    expect(second.id).toBe(first.id);
    expect(((await (await fetch(`${base}/__sim/inbound`)).json()) as Json[]).length).toBe(2);
    const conversations = (await (await fetch(`${base}/__sim/conversations`)).json()) as Json[];
    expect(conversations).toHaveLength(1);
    expect(conversations[0]?.messages).toHaveLength(1);
  });

  it('refuses bodies without text or content, and bad idType', async () => {
    const noText = await api('POST', inboundPath(), { channel: inboundBody('x').channel });
    expect(noText.status).toBe(400);
    expect(((await noText.json()) as Json).message).toContain("should have required property 'content'");
    const badFrom = inboundBody('y') as Json;
    badFrom.channel.from.idType = 'WhatsApp';
    expect((await api('POST', inboundPath(), badFrom)).status).toBe(400);
    expect(
      (await api('POST', '/api/v2/conversations/messages/nope/inbound/open/message', inboundBody('z')))
        .status,
    ).toBe(404);
    expect(((await (await fetch(`${base}/__sim/inbound`)).json()) as Json[]).length).toBe(0);
  });

  it('posts a signed Delivered receipt for inbound messages when enabled', async () => {
    await control('/__sim/config', { receiptsForInbound: true });
    await api('POST', inboundPath(), inboundBody('wamid.r'));
    const hook = await receiver.events.waitFor(() => true);
    expect(hook.json).toMatchObject({
      type: 'Receipt',
      status: 'Delivered',
      channel: { messageId: 'wamid.r' },
    });
  });
});

describe('outbound webhook', () => {
  it('delivers an agent reply signed with base64 HMAC-SHA256 of the body', async () => {
    const queued = await control('/__sim/agent/messages', {
      to: '+5511987654321',
      text: 'Olá! Posso ajudar?',
    });
    expect(queued.status).toBe(202);
    const { id } = (await queued.json()) as Json;
    const hook = await receiver.events.waitFor(() => true);
    const expected = `sha256=${createHmac('sha256', webhookSecret).update(hook.raw).digest('base64')}`;
    expect(hook.headers['x-hub-signature-256']).toBe(expected);
    expect(hook.json).toMatchObject({
      id,
      type: 'Text',
      direction: 'Outbound',
      text: 'Olá! Posso ajudar?',
      channel: {
        platform: 'Open',
        type: 'Private',
        to: { id: '+5511987654321', idType: 'Phone' },
        from: { idType: 'Opaque' },
      },
    });
    // Receipt for the outbound message, as the integration would post it.
    const receipt = await api(
      'POST',
      `/api/v2/conversations/messages/${sim.integrationId}/inbound/open/receipt`,
      {
        id,
        channel: { to: { id: '+5511987654321', idType: 'Phone' }, time: '2026-05-01T12:01:00.000Z' },
        status: 'Delivered',
        isFinalReceipt: true,
      },
    );
    expect(receipt.status).toBe(200);
    const unknown = await api(
      'POST',
      `/api/v2/conversations/messages/${sim.integrationId}/inbound/open/receipt`,
      {
        id: 'no-such-message',
        channel: { to: { id: '+5511987654321' }, time: '2026-05-01T12:01:00.000Z' },
        status: 'Delivered',
      },
    );
    expect(unknown.status).toBe(400);
  });

  it('retries 429 and 5xx, and gives up at once on 4xx', async () => {
    receiver.respondWith(503, 429);
    await control('/__sim/agent/messages', { to: '+5511900000001', text: 'one' });
    const delivered = await sim.events.waitFor((e) => e.type === 'webhook.delivered');
    expect(
      delivered.type === 'webhook.delivered' && delivered.delivery.attempts.map((a) => a.status),
    ).toEqual([503, 429, 200]);
    receiver.respondWith(400);
    await control('/__sim/agent/messages', { to: '+5511900000002', text: 'two' });
    const failed = await sim.events.waitFor((e) => e.type === 'webhook.failed');
    expect(failed.type === 'webhook.failed' && failed.delivery.attempts).toHaveLength(1);
    const outbound = (await (await fetch(`${base}/__sim/outbound`)).json()) as Json[];
    expect(outbound.map((m) => m.status)).toEqual(['Sent', 'Failed']);
  });
});

describe('rate limits and faults', () => {
  it('answers 429 with Retry-After past the per-token limit', async () => {
    await control('/__sim/config', { rateLimitPerMinute: 2 });
    expect((await api('POST', inboundPath(), inboundBody('a'))).status).toBe(200);
    expect((await api('POST', inboundPath(), inboundBody('b'))).status).toBe(200);
    const limited = await api('POST', inboundPath(), inboundBody('c'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('inin-correlation-id')).toEqual(expect.any(String));
    expect(await limited.json()).toMatchObject({ code: 'too.many.requests.retry.after', status: 429 });
  });

  it('injects 5xx, 429 and dropped connections through the control API', async () => {
    await control('/__sim/faults', {
      failNext: 1,
      failStatus: 502,
      rateLimitNext: 1,
      retryAfterSeconds: 7,
      dropNext: 1,
    });
    await expect(api('POST', inboundPath(), inboundBody('d'))).rejects.toThrow();
    const limited = await api('POST', inboundPath(), inboundBody('d'));
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await api('POST', inboundPath(), inboundBody('d'))).status).toBe(502);
    expect((await api('POST', inboundPath(), inboundBody('d'))).status).toBe(200);
  });
});

describe('interactions (transcripts)', () => {
  it('pages through every seeded transcript with nextPage', async () => {
    const seen: string[] = [];
    let nextPage: string | undefined;
    let pages = 0;
    do {
      const page = (await (
        await api('POST', '/api/v2/interactions/query', { pageSize: 3, ...(nextPage ? { nextPage } : {}) })
      ).json()) as Json;
      seen.push(...page.entities.map((i: Json) => i.id as string));
      nextPage = page.nextPage as string | undefined;
      pages += 1;
      expect(page.total).toBe(7);
    } while (nextPage);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const foreign = await api('POST', '/api/v2/interactions/query', {
      pageSize: 3,
      nextPage: 'garbage',
      messengerType: 'open',
    });
    expect(foreign.status).toBe(400);
  });

  it('seeds PII that the ground-truth list locates exactly', async () => {
    const pii = (await (await fetch(`${base}/__sim/interactions/pii`)).json()) as Json[];
    expect(pii.length).toBeGreaterThan(0);
    for (const item of pii) {
      const interaction = (await (
        await api('GET', `/api/v2/interactions/${item.interactionId}`)
      ).json()) as Json;
      const message = interaction.messages.find((m: Json) => m.id === item.messageId) as Json;
      expect(message.text).toContain(item.value);
    }
  });

  it('replaces texts with PATCH and refuses structural damage', async () => {
    const page = (await (await api('POST', '/api/v2/interactions/query', { pageSize: 1 })).json()) as Json;
    const interaction = page.entities[0] as Json;
    const redacted = interaction.messages.map((m: Json) => ({ ...m, text: '[redacted]' }));
    const patched = await api('PATCH', `/api/v2/interactions/${interaction.id}`, {
      messages: redacted,
      version: interaction.version,
    });
    expect(patched.status).toBe(200);
    const after = (await patched.json()) as Json;
    expect(after.version).toBe(interaction.version + 1);
    expect(after.messages.every((m: Json) => m.text === '[redacted]')).toBe(true);

    const damaged = [
      redacted.slice(1),
      redacted.map((m: Json, i: number) => (i === 0 ? { ...m, id: 'other' } : m)),
      redacted.map((m: Json, i: number) => (i === 0 ? { ...m, purpose: 'agent' } : m)),
      redacted.map((m: Json, i: number) => (i === 0 ? { ...m, extra: true } : m)),
      redacted.map((m: Json, i: number) => (i === 0 ? { ...m, text: 42 } : m)),
      [...redacted].reverse(),
    ];
    for (const messages of damaged) {
      const response = await api('PATCH', `/api/v2/interactions/${interaction.id}`, { messages });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Json).code).toBe('bad.request');
    }
    const stale = await api('PATCH', `/api/v2/interactions/${interaction.id}`, {
      messages: redacted,
      version: interaction.version,
    });
    expect(stale.status).toBe(409);
    expect((await api('PATCH', '/api/v2/interactions/missing', { messages: [] })).status).toBe(404);
  });
});

describe('control API', () => {
  it('empties what the platform saw on reset', async () => {
    await api('POST', inboundPath(), inboundBody('wamid.reset'));
    expect(((await (await fetch(`${base}/__sim/inbound`)).json()) as Json[]).length).toBe(1);
    await control('/__sim/reset', {});
    expect(await (await fetch(`${base}/__sim/inbound`)).json()).toEqual([]);
    // After a reset the same message id is new again.
    await api('POST', inboundPath(), inboundBody('wamid.reset'));
    expect(((await (await fetch(`${base}/__sim/conversations`)).json()) as Json[])[0]?.messages).toHaveLength(
      1,
    );
  });

  it('lets an agent answer by conversation id and refuses unknown conversations', async () => {
    const accepted = (await (
      await api('POST', `${inboundPath()}?prefetchConversationId=true`, inboundBody('m'))
    ).json()) as Json;
    const reply = await control('/__sim/agent/messages', {
      conversationId: accepted.conversationId,
      text: 'hello',
    });
    expect(reply.status).toBe(202);
    const hook = await receiver.events.waitFor(() => true);
    expect(hook.json).toMatchObject({
      text: 'hello',
      channel: { to: { id: '+5511987654321', idType: 'Phone' } },
    });
    expect((await control('/__sim/agent/messages', { conversationId: 'nope', text: 'x' })).status).toBe(404);
    expect((await control('/__sim/agent/messages', { text: 'x' })).status).toBe(400);
  });
});

describe('integrations', () => {
  it('creates, lists and patches Open Messaging integrations; the secret is write-only', async () => {
    const created = await api('POST', '/api/v2/conversations/messaging/integrations/open', {
      name: 'second',
      outboundNotificationWebhookUrl: receiver.url,
      outboundNotificationWebhookSignatureSecretToken: 'other-secret',
    });
    expect(created.status).toBe(200);
    const integration = (await created.json()) as Json;
    expect(integration).toMatchObject({
      name: 'second',
      createStatus: 'Completed',
      recipient: { id: integration.id },
    });
    expect(JSON.stringify(integration)).not.toContain('other-secret');
    const list = (await (
      await api('GET', '/api/v2/conversations/messaging/integrations/open')
    ).json()) as Json;
    expect(list.entities).toHaveLength(2);
    const patched = await api(
      'PATCH',
      `/api/v2/conversations/messaging/integrations/open/${sim.integrationId}`,
      {
        webhookHeaders: { 'X-Gateway-Key': 'k1' },
      },
    );
    expect(patched.status).toBe(200);
    await control('/__sim/agent/messages', { to: '+5511900000003', text: 'with header' });
    const hook = await receiver.events.waitFor(() => true);
    expect(hook.headers['x-gateway-key']).toBe('k1');
  });

  it('accepts client credentials in the form body too', async () => {
    const response = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }).toString(),
    });
    expect(response.status).toBe(200);
  });
});

describe('other Open Messaging endpoints', () => {
  it('stores typing events and sends agentless messages through the outbound webhook', async () => {
    const event = await api(
      'POST',
      `/api/v2/conversations/messages/${sim.integrationId}/inbound/open/event`,
      {
        channel: { from: { id: '+5511987654321', idType: 'Phone' }, time: '2026-05-01T12:00:00.000Z' },
        events: [{ eventType: 'Typing' }],
      },
    );
    expect(event.status).toBe(200);
    expect(((await (await fetch(`${base}/__sim/inbound-events`)).json()) as Json[]).length).toBe(1);
    const badEvent = await api(
      'POST',
      `/api/v2/conversations/messages/${sim.integrationId}/inbound/open/event`,
      {
        channel: { from: { id: '+5511987654321', idType: 'Phone' }, time: 'yesterday' },
        events: [{ eventType: 'Typing' }],
      },
    );
    expect(badEvent.status).toBe(400);

    const agentless = await api('POST', '/api/v2/conversations/messages/agentless', {
      fromAddress: sim.integrationId,
      toAddress: '+5511987654321',
      toAddressMessengerType: 'open',
      textBody: 'Your order shipped',
    });
    expect(agentless.status).toBe(202);
    const hook = await receiver.events.waitFor(() => true);
    expect(hook.json).toMatchObject({ type: 'Text', text: 'Your order shipped', direction: 'Outbound' });
  });
});
