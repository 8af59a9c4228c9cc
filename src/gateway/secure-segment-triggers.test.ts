import { afterEach, describe, expect, it } from 'vitest';
import type { TenantConfig } from '../config/tenants.js';
import {
  agentSays,
  apiCall,
  customerSays,
  customerTexts,
  platformTexts,
  startGatewayHarness,
  type GatewayHarness,
} from './test-support/gateway-harness.js';

let harness: GatewayHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const TOKEN_NOTICE = /^🔒 secure input received: tok_[a-z2-7]+$/;

/** Two configs: the default tokenizes everything, `emails-only` acts on e-mail addresses alone. */
const withFlows =
  (secureSegments: Partial<TenantConfig['secureSegments']>) =>
  (t: TenantConfig): TenantConfig => ({
    ...t,
    encryption: {
      default: 'standard',
      configs: {
        standard: { authors: ['customer', 'agent'], defaultOperator: 'tokenize', byType: {} },
        'emails-only': {
          authors: ['customer'],
          defaultOperator: 'tokenize',
          byType: {},
          types: ['EMAIL'],
        },
      },
    },
    secureSegments: { ...t.secureSegments, ...secureSegments },
  });

describe('secure segments opened by triggers', () => {
  it('a bot message with the marker opens a segment; the customer never sees the marker', async () => {
    harness = await startGatewayHarness({
      tenant: withFlows({ botMarker: { marker: '[[secure]]', closeAfterMessages: 1 } }),
    });
    const gateway = await harness.open();
    const customer = `+${harness.sandbox.tenant.customerWaId}`;
    await customerSays(harness, { type: 'text', text: 'quero pagar' });
    const { receipt } = await agentSays(harness, {
      to: customer,
      purpose: 'bot',
      text: 'Digite o número do cartão [[secure]]',
    });
    expect(receipt).toMatchObject({ status: 'Delivered' });
    // An agent typing the marker is not a bot: nothing opens, the text goes as written.
    await agentSays(harness, { to: customer, text: 'não digite [[secure]] aqui' });
    expect(await customerTexts(harness)).toEqual(['Digite o número do cartão', 'não digite [[secure]] aqui']);

    await customerSays(harness, { type: 'text', text: '4111 1111 1111 1111 venc 12/29' });
    await customerSays(harness, { type: 'text', text: 'pronto' }); // after closeAfterMessages: 1
    await gateway.pipeline.idle();
    const [, secure, after] = await platformTexts(harness);
    expect(secure).toMatch(TOKEN_NOTICE);
    expect(after).toBe('pronto');
  });

  it('a marker-only bot message opens the segment and sends nothing', async () => {
    harness = await startGatewayHarness({ tenant: withFlows({ botMarker: { marker: '[[secure]]' } }) });
    const gateway = await harness.open();
    await customerSays(harness, { type: 'text', text: 'oi' });
    const { receipt } = await agentSays(harness, {
      to: `+${harness.sandbox.tenant.customerWaId}`,
      purpose: 'bot',
      text: '[[secure]]',
    });
    expect(receipt).toMatchObject({ status: 'Delivered' });
    expect(await customerTexts(harness)).toEqual([]);
    await customerSays(harness, { type: 'text', text: 'senha 1234' });
    await gateway.pipeline.idle();
    expect((await platformTexts(harness))[1]).toMatch(TOKEN_NOTICE);
  });

  it('a customer keyword rule vaults the triggering message too, then closes by count', async () => {
    harness = await startGatewayHarness({
      tenant: withFlows({
        keywordRules: [
          {
            name: 'password',
            pattern: '\\b(senha|password)\\b',
            authors: ['customer'],
            ignoreCase: true,
            closeAfterMessages: 2,
          },
        ],
      }),
    });
    const gateway = await harness.open();
    await customerSays(harness, { type: 'text', text: 'bom dia' });
    await customerSays(harness, { type: 'text', text: 'minha SENHA é hunter2' });
    await customerSays(harness, { type: 'text', text: 'e a outra é swordfish' });
    await customerSays(harness, { type: 'text', text: 'obrigado' });
    await gateway.pipeline.idle();
    const texts = await platformTexts(harness);
    expect(texts[0]).toBe('bom dia');
    expect(texts[1]).toMatch(TOKEN_NOTICE);
    expect(texts[2]).toMatch(TOKEN_NOTICE);
    expect(texts[3]).toBe('obrigado');
    expect(texts.join('\n')).not.toMatch(/hunter2|swordfish/);
  });

  it('an agent keyword rule opens a segment for the customer’s answer', async () => {
    harness = await startGatewayHarness({
      tenant: withFlows({
        keywordRules: [
          {
            name: 'ask-card',
            pattern: 'número do cartão',
            authors: ['agent', 'bot'],
            ignoreCase: true,
            closeAfterMessages: 1,
          },
        ],
      }),
    });
    const gateway = await harness.open();
    await customerSays(harness, { type: 'text', text: 'oi' });
    await agentSays(harness, {
      to: `+${harness.sandbox.tenant.customerWaId}`,
      text: 'Qual o número do cartão?',
    });
    // The agent's own text is not altered by a rule.
    expect(await customerTexts(harness)).toEqual(['Qual o número do cartão?']);
    await customerSays(harness, { type: 'text', text: '4111111111111111' });
    await gateway.pipeline.idle();
    expect((await platformTexts(harness))[1]).toMatch(TOKEN_NOTICE);
  });
});

describe('encryption configs per conversation and per segment', () => {
  it('a conversation chooses its config through the API, persisted; DELETE goes back to the default', async () => {
    harness = await startGatewayHarness({ tenant: withFlows({}) });
    let gateway = await harness.open();
    const { key } = await gateway.vault.apiKeys.issue('sandbox', ['platform']);
    const path = `/v1/conversations/${encodeURIComponent(`+${harness.sandbox.tenant.customerWaId}`)}/encryption-config`;
    expect(await (await apiCall(harness, 'GET', path, key)).json()).toEqual({
      config: 'standard',
      source: 'tenant',
    });
    const unknown = await apiCall(harness, 'PUT', path, key, { config: 'nope' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { code: string }).code).toBe('VEIL_ERR_GATEWAY_UNKNOWN_CONFIG');
    const set = await apiCall(harness, 'PUT', path, key, { config: 'emails-only' });
    expect(await set.json()).toEqual({ config: 'emails-only', source: 'conversation' });

    // A restart keeps the choice: it lives in the store.
    await harness.closeGateway();
    gateway = await harness.open();
    await customerSays(harness, { type: 'text', text: 'CPF 529.982.247-25, email ana@example.com' });
    await gateway.pipeline.idle();
    const [chosen] = await platformTexts(harness);
    expect(chosen).toContain('529.982.247-25'); // emails-only lets the CPF pass
    expect(chosen).not.toContain('ana@example.com');

    expect((await apiCall(harness, 'DELETE', path, key)).status).toBe(204);
    await customerSays(harness, { type: 'text', text: 'CPF 529.982.247-25' });
    await gateway.pipeline.idle();
    expect((await platformTexts(harness))[1]).not.toContain('529.982.247-25');
  });

  it('the config in force for agent text: the segment’s while open, else the conversation’s', async () => {
    harness = await startGatewayHarness({
      tenant: (t) => {
        const flows = withFlows({})(t);
        return { ...flows, outbound: { ...flows.outbound, agentData: 'mask' } };
      },
    });
    const gateway = await harness.open();
    const { key } = await gateway.vault.apiKeys.issue('sandbox', ['platform']);
    const customer = `+${harness.sandbox.tenant.customerWaId}`;
    const conversation = `/v1/conversations/${encodeURIComponent(customer)}`;
    await customerSays(harness, { type: 'text', text: 'oi' });
    // emails-only protects customer text only: an agent's pasted CPF goes as written.
    await apiCall(harness, 'PUT', `${conversation}/encryption-config`, key, { config: 'emails-only' });
    await agentSays(harness, { to: customer, text: 'CPF 529.982.247-25' });
    // A segment carrying `standard` (agent text protected) masks it while the segment is open.
    await apiCall(harness, 'POST', `${conversation}/secure-segments`, key, {
      reason: 'x',
      config: 'standard',
    });
    await agentSays(harness, { to: customer, text: 'CPF 529.982.247-25' });
    await apiCall(harness, 'DELETE', `${conversation}/secure-segments`, key);
    await agentSays(harness, { to: customer, text: 'CPF 529.982.247-25' });
    const [before, during, after] = await customerTexts(harness);
    expect(before).toBe('CPF 529.982.247-25');
    expect(during).toMatch(/^CPF \S+$/);
    expect(during).not.toContain('529.982.247-25');
    expect(after).toBe('CPF 529.982.247-25');
  });

  it('a segment opened through the API carries a config; an unknown one is refused', async () => {
    harness = await startGatewayHarness({ tenant: withFlows({}) });
    const gateway = await harness.open();
    const { key } = await gateway.vault.apiKeys.issue('sandbox', ['platform']);
    const path = `/v1/conversations/${encodeURIComponent(`+${harness.sandbox.tenant.customerWaId}`)}/secure-segments`;
    const refused = await apiCall(harness, 'POST', path, key, { reason: 'x', config: 'nope' });
    expect(refused.status).toBe(400);
    const opened = await apiCall(harness, 'POST', path, key, { reason: 'card', config: 'emails-only' });
    expect(opened.status).toBe(201);
    expect(await opened.json()).toMatchObject({ reason: 'card', config: 'emails-only' });
    const active = await gateway.store.activeSegment(
      'sandbox',
      harness.sandbox.tenant.customerWaId,
      Date.now(),
    );
    expect(active).toMatchObject({ config: 'emails-only', openedBy: 'api' });
  });
});
