import { afterEach, describe, expect, it } from 'vitest';
import type { TenantConfig } from '../config/tenants.js';
import {
  agentSays,
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

const TOKEN = /tok_[a-z2-7]{26}/g;

const withBotReveal = (t: TenantConfig): TenantConfig => ({
  ...t,
  outbound: {
    ...t.outbound,
    agentData: 'allow',
    botReveal: { CREDIT_CARD: 'masked', EMAIL: 'plain' },
    botHidden: '[protegido]',
  },
});

describe('bot messages: tokens revealed only for their own customer', () => {
  it('reveals the customer’s own card (masked) and e-mail (plain), hides other types and other customers’ tokens', async () => {
    harness = await startGatewayHarness({ tenant: withBotReveal });
    const gateway = await harness.open();
    const ana = harness.sandbox.tenant.customerWaId;
    const bruno = '5521987650000';
    await customerSays(harness, {
      type: 'text',
      text: 'cartão 4111 1111 1111 1111, email ana@example.com, CPF 529.982.247-25',
    });
    await customerSays(harness, { type: 'text', text: 'meu cartão 5555 5555 5555 4444' }, bruno);
    await gateway.pipeline.idle();
    const [anaText, brunoText] = await platformTexts(harness);
    const [card, email, cpf] = anaText!.match(TOKEN)!;
    const [brunoCard] = brunoText!.match(TOKEN)!;
    expect([card, email, cpf, brunoCard].every((t) => t !== undefined)).toBe(true);

    const { receipt } = await agentSays(harness, {
      to: `+${ana}`,
      purpose: 'bot',
      text: `Cartão ${card}, email ${email}, CPF ${cpf}, outro ${brunoCard}`,
    });
    expect(receipt).toMatchObject({ status: 'Delivered' });
    // A human agent's text is never revealed: the token goes as written.
    await agentSays(harness, { to: `+${ana}`, text: `Cartão ${card}` });
    const [botText, agentText] = await customerTexts(harness);
    expect(botText).toBe('Cartão ****1111, email ana@example.com, CPF [protegido], outro [protegido]');
    expect(agentText).toBe(`Cartão ${card}`);

    // Each reveal is in the vault's audit log under the bot's principal; nothing for the hidden ones.
    const audit = await gateway.vault.store.list({ tenant: 'sandbox', limit: 100 });
    const bot = audit.filter((e) => e.principal === `bot:${harness!.tenant.genesys.integrationId}`);
    expect(bot.map((e) => [e.target, e.level]).sort()).toEqual(
      [
        [card, 'masked'],
        [email, 'plain'],
      ].sort(),
    );
  });
});
