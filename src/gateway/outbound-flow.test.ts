import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TenantConfig } from '../config/tenants.js';
import {
  agentSays,
  customerSays,
  customerTexts,
  getJson,
  startGatewayHarness,
  type GatewayHarness,
} from './test-support/gateway-harness.js';

let harness: GatewayHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const withOutbound =
  (
    agentData: 'allow' | 'mask' | 'block',
    identity: TenantConfig['identity'] = { id: 'phone', name: 'as-is' },
  ) =>
  (t: TenantConfig): TenantConfig => ({ ...t, identity, outbound: { ...t.outbound, agentData } });

const sentTexts = customerTexts;

describe('outbound: Genesys agent → Veil → WhatsApp, statuses back as receipts', () => {
  it('sends the agent text to the customer and reports Delivered when WhatsApp says so', async () => {
    harness = await startGatewayHarness({ tenant: withOutbound('allow') });
    await harness.open();
    await customerSays(harness, { type: 'text', text: 'oi' }); // opens the 24-hour window
    const { receipt } = await agentSays(harness, {
      to: `+${harness.sandbox.tenant.customerWaId}`,
      text: 'Olá! Como posso ajudar?',
    });
    expect(receipt).toMatchObject({ status: 'Delivered', isFinalReceipt: true });
    const outbox = await getJson(`${harness.sandbox.urls.whatsapp}/__sim/outbox`);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      to: harness.sandbox.tenant.customerWaId,
      type: 'text',
      text: { body: 'Olá! Como posso ajudar?' },
    });
  });

  it('masks sensitive data an agent pastes (policy mask)', async () => {
    harness = await startGatewayHarness({ tenant: withOutbound('mask') });
    await harness.open();
    await customerSays(harness, { type: 'text', text: 'oi' });
    await agentSays(harness, {
      to: `+${harness.sandbox.tenant.customerWaId}`,
      text: 'Confirme o CPF 529.982.247-25 por favor',
    });
    const [text] = await sentTexts(harness);
    expect(text).toMatch(/^Confirme o CPF \S+ por favor$/);
    expect(text).not.toContain('529.982.247-25');
  });

  it('blocks it under policy block: nothing sent, a Failed receipt with the notice', async () => {
    harness = await startGatewayHarness({ tenant: withOutbound('block') });
    await harness.open();
    await customerSays(harness, { type: 'text', text: 'oi' });
    const { receipt } = await agentSays(harness, {
      to: `+${harness.sandbox.tenant.customerWaId}`,
      text: 'Seu cartão é 4111 1111 1111 1111',
    });
    expect(receipt).toMatchObject({ status: 'Failed', reasons: [{ code: 'DataFiltered' }] });
    expect(await sentTexts(harness)).toEqual([]);
    const clean = await agentSays(harness, {
      to: `+${harness.sandbox.tenant.customerWaId}`,
      text: 'Pode repetir?',
    });
    expect(clean.receipt.status).toBe('Delivered');
  });

  it('maps an opaque customer id back to the WhatsApp number', async () => {
    harness = await startGatewayHarness({ tenant: withOutbound('allow', { id: 'opaque', name: 'masked' }) });
    await harness.open();
    await customerSays(harness, { type: 'text', text: 'oi', name: 'Ana Souza' });
    await harness.gateway().pipeline.idle();
    const inbound = (await getJson(`${harness.sandbox.urls.genesys}/__sim/inbound`))[0]!;
    expect(inbound.channel.from).toMatchObject({ idType: 'Opaque', nickname: 'A*** S***' });
    expect(inbound.channel.from.id).not.toContain(harness.sandbox.tenant.customerWaId);
    const { receipt } = await agentSays(harness, { to: inbound.channel.from.id, text: 'Olá' });
    expect(receipt.status).toBe('Delivered');
    expect((await getJson(`${harness.sandbox.urls.whatsapp}/__sim/outbox`))[0]!.to).toBe(
      harness.sandbox.tenant.customerWaId,
    );
  });

  it('masked identity: a pseudonym as the key, the masked number in the display name, replies mapped back', async () => {
    harness = await startGatewayHarness({ tenant: withOutbound('allow', { id: 'masked', name: 'as-is' }) });
    await harness.open();
    const waId = harness.sandbox.tenant.customerWaId;
    await customerSays(harness, { type: 'text', text: 'oi', name: 'Ana Souza' });
    await customerSays(harness, { type: 'text', text: 'de novo', name: 'Ana Souza' });
    await harness.gateway().pipeline.idle();
    const [first, second] = await getJson(`${harness.sandbox.urls.genesys}/__sim/inbound`);
    const from = first!.channel.from;
    expect(from.idType).toBe('Opaque');
    expect(from.id).toMatch(/^veil-/);
    expect(second!.channel.from.id).toBe(from.id); // stable: one conversation
    expect(from.nickname).toMatch(new RegExp(`^Ana Souza \\(\\+\\d+ .*\\*+-${waId.slice(-4)}\\)$`));
    expect(JSON.stringify(first)).not.toContain(waId.slice(0, -4));
    const { receipt } = await agentSays(harness, { to: from.id, text: 'Olá' });
    expect(receipt.status).toBe('Delivered');
    expect((await getJson(`${harness.sandbox.urls.whatsapp}/__sim/outbox`))[0]!.to).toBe(waId);
  });

  it('reports Failed when WhatsApp refuses delivery (outside the 24-hour window)', async () => {
    harness = await startGatewayHarness({ tenant: withOutbound('allow') });
    await harness.open();
    const { receipt } = await agentSays(harness, { to: '+5521988887777', text: 'Olá' });
    expect(receipt).toMatchObject({ status: 'Failed' });
  });

  it('refuses an outbound webhook with a bad signature', async () => {
    harness = await startGatewayHarness();
    await harness.open();
    const body = JSON.stringify({
      id: 'x',
      channel: { to: { id: '+5511987654321' } },
      type: 'Text',
      text: 'hi',
    });
    const url = `${harness.url()}/webhooks/genesys/${harness.tenant.genesys.integrationId}`;
    const post = (signature: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
      });
    expect((await post(`sha256=${createHmac('sha256', 'wrong').update(body).digest('base64')}`)).status).toBe(
      401,
    );
    expect(
      (
        await fetch(`${harness.url()}/webhooks/genesys/unknown`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
      ).status,
    ).toBe(404);
    expect(await sentTexts(harness)).toEqual([]);
  });
});
