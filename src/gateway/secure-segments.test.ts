import { afterEach, describe, expect, it } from 'vitest';
import {
  apiCall,
  customerSays,
  platformTexts,
  startGatewayHarness,
  type GatewayHarness,
} from './test-support/gateway-harness.js';

let harness: GatewayHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const api = apiCall;
const texts = platformTexts;

describe('secure segments', () => {
  it('vaults every customer message whole until N messages, then protects as usual', async () => {
    harness = await startGatewayHarness();
    const gateway = await harness.open();
    const { key } = await gateway.vault.apiKeys.issue('sandbox', ['platform']);
    const customer = `+${harness.sandbox.tenant.customerWaId}`;
    const opened = await api(
      harness,
      'POST',
      `/v1/conversations/${encodeURIComponent(customer)}/secure-segments`,
      key,
      {
        reason: 'card capture',
        closeAfterMessages: 2,
      },
    );
    expect(opened.status).toBe(201);
    expect(await opened.json()).toMatchObject({ reason: 'card capture', closeAfterMessages: 2 });

    await customerSays(harness, { type: 'text', text: 'meu nome é Ana e o cartão 4111 1111 1111 1111' });
    await customerSays(harness, { type: 'text', text: 'validade 12/29' });
    await customerSays(harness, { type: 'text', text: 'obrigada, e o CPF 529.982.247-25' });
    await gateway.pipeline.idle();
    const [first, second, third] = await texts(harness);
    expect(first).toMatch(/^🔒 secure input received: tok_\S+$/);
    expect(second).toMatch(/^🔒 secure input received: tok_\S+$/);
    expect(third).toMatch(/^obrigada, e o CPF tok_\S+$/); // closed after two: detection again

    const token = first!.split(': ')[1]!;
    const [revealed] = await gateway.vault.vault.detokenize(
      [token],
      { id: 't', tenant: 'sandbox', roles: ['admin'] },
      { purpose: 'test' },
    );
    expect(revealed).toMatchObject({ ok: true, value: 'meu nome é Ana e o cartão 4111 1111 1111 1111' });
  });

  it('closes on DELETE and on TTL; refuses keys of other tenants and unknown customers', async () => {
    harness = await startGatewayHarness();
    const gateway = await harness.open();
    const { key } = await gateway.vault.apiKeys.issue('sandbox', ['platform']);
    const { key: foreign } = await gateway.vault.apiKeys.issue('someone-else', ['platform']);
    const path = `/v1/conversations/${encodeURIComponent(`+${harness.sandbox.tenant.customerWaId}`)}/secure-segments`;
    expect((await api(harness, 'POST', path, foreign, { reason: 'x' })).status).toBe(403);
    expect((await api(harness, 'POST', path, 'vk_nope.nope', { reason: 'x' })).status).toBe(401);
    expect(
      (await api(harness, 'POST', '/v1/conversations/veil-unknown/secure-segments', key, { reason: 'x' }))
        .status,
    ).toBe(404);
    expect((await api(harness, 'POST', path, key, { reason: 'x', ttlSeconds: 0 })).status).toBe(400);

    expect((await api(harness, 'POST', path, key, { reason: 'pin' })).status).toBe(201);
    expect((await api(harness, 'DELETE', path, key)).status).toBe(204);
    expect((await api(harness, 'DELETE', path, key)).status).toBe(404);
    await customerSays(harness, { type: 'text', text: 'depois de fechar' });
    await gateway.pipeline.idle();
    expect(await texts(harness)).toEqual(['depois de fechar']);

    // TTL: a segment whose time has passed no longer applies.
    expect((await api(harness, 'POST', path, key, { reason: 'pin', ttlSeconds: 1 })).status).toBe(201);
    const expired = await gateway.store.activeSegment(
      'sandbox',
      harness.sandbox.tenant.customerWaId,
      Date.now() + 1_001,
    );
    expect(expired).toBeUndefined();
    await customerSays(harness, { type: 'text', text: 'já expirou' });
    await gateway.pipeline.idle();
    expect((await texts(harness)).at(-1)).toBe('já expirou');
  });
});
