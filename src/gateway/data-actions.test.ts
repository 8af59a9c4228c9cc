import { afterEach, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from './test-support/gateway-harness.js';

let harness: GatewayHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('data actions on tokens (built-ins)', () => {
  it('validate, last4 and mask answer from the value without returning it', async () => {
    harness = await startGatewayHarness();
    const gateway = await harness.open();
    const { key } = await gateway.vault.apiKeys.issue('sandbox', ['agent']);
    const tokenize = async (value: string, type: string) => {
      const [result] = await gateway.vault.vault.tokenize([{ value, type }], { tenant: 'sandbox' });
      if (!result?.ok) throw new Error('tokenize failed');
      return result.token;
    };
    const card = await tokenize('4111 1111 1111 1111', 'CREDIT_CARD');
    const badCard = await tokenize('4111 1111 1111 1112', 'CREDIT_CARD');
    const cpf = await tokenize('529.982.247-25', 'CPF');
    const run = async (name: string, token: string) => {
      const response = await fetch(`${harness!.url()}/v1/actions/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await run('validate', card)).toEqual({ status: 200, body: { valid: true } });
    expect(await run('validate', badCard)).toEqual({ status: 200, body: { valid: false } });
    expect(await run('validate', cpf)).toEqual({ status: 200, body: { valid: true } });
    expect(await run('last4', card)).toEqual({ status: 200, body: { last4: '1111' } });
    const masked = await run('mask', cpf);
    expect(masked.status).toBe(200);
    expect(masked.body.masked).not.toBe('529.982.247-25');
    expect(masked.body.masked).toMatch(/\*/);
    expect((await run('unknown', card)).status).toBe(404);
    expect((await run('last4', 'tok_doesnotexist')).status).toBe(404);
    const noKey = await fetch(`${harness.url()}/v1/actions/last4`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: card }),
    });
    expect(noKey.status).toBe(401);
  });
});
