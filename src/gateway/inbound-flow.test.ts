import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  customerSays,
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

const CPF = '529.982.247-25';
const CARD = '4111 1111 1111 1111';

describe('inbound: WhatsApp → Veil → Genesys Open Messaging', () => {
  it('forwards a text with a CPF and a card tokenized, once, with the WhatsApp id as the stable message id', async () => {
    harness = await startGatewayHarness();
    await harness.open();
    const id = await customerSays(harness, {
      type: 'text',
      text: `Meu CPF é ${CPF} e o cartão ${CARD}`,
      name: 'Ana Souza',
    });
    await harness.gateway().pipeline.idle();

    const inbound = await getJson(`${harness.sandbox.urls.genesys}/__sim/inbound`);
    expect(inbound).toHaveLength(1);
    const message = inbound[0] as Json;
    expect(message.channel.messageId).toBe(id);
    expect(message.channel.from).toMatchObject({
      id: `+${harness.sandbox.tenant.customerWaId}`,
      idType: 'Phone',
      nickname: 'Ana Souza',
    });
    expect(message.text).toMatch(/^Meu CPF é tok_\S+ e o cartão tok_\S+$/);
    expect(message.text).not.toContain('529');
    expect(message.text).not.toContain('4111');

    // The tokens reveal to the values for an authorized caller: the vault holds them.
    const tokens = (message.text as string).match(/tok_[^\s]+/g)!;
    const revealed = await harness
      .gateway()
      .vault.vault.detokenize(tokens, { id: 't', tenant: 'sandbox', roles: ['admin'] }, { purpose: 'test' });
    expect(revealed.map((r) => (r.ok ? r.value : r.code))).toEqual([CPF, CARD]);
    // The inbox no longer holds the plaintext once protected.
    const rows = await harness
      .gateway()
      .vault.store.db.withTables<{ gateway_inbox: { payload: string | null; state: string } }>()
      .selectFrom('gateway_inbox')
      .select(['payload', 'state'])
      .execute();
    expect(rows).toEqual([{ payload: null, state: 'done' }]);
    // The customer's message opens the 24-hour window that template sends check.
    const windowOpenedAt = await harness
      .gateway()
      .templates.window.lastCustomerMessageAt(harness.sandbox.tenant.customerWaId);
    expect(windowOpenedAt).toBeInstanceOf(Date);
  });

  it("applies the tenant's encryption config: only the listed types, each with its operator", async () => {
    harness = await startGatewayHarness({
      tenant: (t) => ({
        ...t,
        encryption: {
          default: 'cards',
          configs: {
            cards: {
              authors: ['customer'],
              defaultOperator: 'tokenize',
              byType: { CREDIT_CARD: 'mask' },
              types: ['CREDIT_CARD'],
            },
          },
        },
      }),
    });
    await harness.open();
    await customerSays(harness, { type: 'text', text: `CPF ${CPF}, cartão ${CARD}` });
    await harness.gateway().pipeline.idle();
    const [message] = await getJson(`${harness.sandbox.urls.genesys}/__sim/inbound`);
    expect(message!.text).toContain(CPF);
    expect(message!.text).not.toContain(CARD);
    expect(message!.text).toMatch(/1111/); // mask keeps the last four
  });

  it('forwards customer text as it is when the config protects only agents', async () => {
    harness = await startGatewayHarness({
      tenant: (t) => ({
        ...t,
        encryption: {
          default: 'agents',
          configs: { agents: { authors: ['agent'], defaultOperator: 'tokenize', byType: {} } },
        },
      }),
    });
    await harness.open();
    await customerSays(harness, { type: 'text', text: `CPF ${CPF}` });
    await harness.gateway().pipeline.idle();
    expect((await getJson(`${harness.sandbox.urls.genesys}/__sim/inbound`))[0]!.text).toBe(`CPF ${CPF}`);
  });

  it('drops a repeated webhook (same WhatsApp message id): stored and forwarded once', async () => {
    harness = await startGatewayHarness();
    await harness.open();
    await postJson(`${harness.sandbox.urls.whatsapp}/__sim/config`, { duplicateNext: 1 });
    const { whatsapp } = harness.sandbox;
    const since = whatsapp.events.mark();
    await postJson(
      `${harness.sandbox.urls.whatsapp}/__sim/customers/${harness.sandbox.tenant.customerWaId}/messages`,
      { type: 'text', text: 'oi' },
    );
    await whatsapp.events.waitForCount((e) => e.type === 'webhook.delivered', 2, { since });
    await harness.gateway().pipeline.idle();
    const log = await getJson(`${harness.sandbox.urls.whatsapp}/__sim/webhooks`);
    expect(log.filter((d) => d.duplicateOf !== undefined && d.state === 'delivered')).toHaveLength(1);
    expect(await getJson(`${harness.sandbox.urls.genesys}/__sim/inbound`)).toHaveLength(1);
    expect(await harness.gateway().store.counts()).toMatchObject({
      delivered: 1,
      inboxPending: 0,
      outboxPending: 0,
    });
    const metrics = await (await fetch(`${harness.url()}/metrics`)).text();
    expect(metrics).toMatch(/^veil_gateway_inbound_stored_total 1$/m);
    expect(metrics).toMatch(/^veil_gateway_inbound_duplicates_total 1$/m);
    expect(metrics).toMatch(/^veil_gateway_deliveries_total\{tenant="sandbox",outcome="delivered"\} 1$/m);
    expect(metrics).toMatch(/^veil_gateway_queue_depth\{queue="outbox"\} 0$/m);
  });

  it('answers 401 to a bad signature and stores nothing', async () => {
    harness = await startGatewayHarness();
    const gateway = await harness.open();
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: '1',
                  phone_number_id: harness.tenant.whatsapp.phoneNumberId,
                },
                contacts: [{ wa_id: '5511900000000' }],
                messages: [
                  {
                    from: '5511900000000',
                    id: 'wamid.forged',
                    timestamp: '1700000000',
                    type: 'text',
                    text: { body: 'x' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const send = (signature: string | undefined) =>
      fetch(`${harness!.url()}/webhooks/whatsapp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'x-hub-signature-256': signature } : {}),
        },
        body,
      });
    const wrong = `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`;
    expect((await send(wrong)).status).toBe(401);
    expect((await send(undefined)).status).toBe(401);
    expect(await gateway.store.counts()).toEqual({
      inboxPending: 0,
      outboxPending: 0,
      delivered: 0,
      rejected: 0,
    });
    const good = `sha256=${createHmac('sha256', harness.tenant.whatsapp.appSecret).update(body).digest('hex')}`;
    expect((await send(good)).status).toBe(200);
    await gateway.pipeline.idle();
    expect((await gateway.store.counts()).delivered).toBe(1);
  });

  it('answers the verification handshake with the challenge, and refuses a wrong verify token', async () => {
    harness = await startGatewayHarness();
    await harness.open();
    const ok = (await (await postJson(`${harness.sandbox.urls.whatsapp}/__sim/verify`, {})).json()) as Json;
    expect(ok).toMatchObject({ verified: true, status: 200 });
    const bad = (await (
      await postJson(`${harness.sandbox.urls.whatsapp}/__sim/verify`, { verifyToken: 'nope' })
    ).json()) as Json;
    expect(bad).toMatchObject({ verified: false, status: 403 });
  });
});
