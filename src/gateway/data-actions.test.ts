import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from './test-support/gateway-harness.js';

let harness: GatewayHarness | undefined;
let backend: Server | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await new Promise((resolve) => (backend ? backend.close(resolve) : resolve(undefined)));
  backend = undefined;
});

/** A payment backend on loopback: records what it received, answers with a holder name and the card. */
async function startBackend(): Promise<{
  url: string;
  received: { url: string; headers: Record<string, unknown>; body: string }[];
}> {
  const received: { url: string; headers: Record<string, unknown>; body: string }[] = [];
  backend = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body });
      const { card } = JSON.parse(body) as { card: string };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          result: { status: 'approved', holder: `Titular do cartão ${card}` },
          internal: 'x',
        }),
      );
    });
  });
  await new Promise<void>((resolve) => backend!.listen(0, '127.0.0.1', resolve));
  const address = backend.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, received };
}

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

describe('configured data actions', () => {
  it('calls the backend with the resolved values and returns only mapped fields, tokenized', async () => {
    const { url, received } = await startBackend();
    harness = await startGatewayHarness({
      tenant: (t) => ({
        ...t,
        actions: {
          charge: {
            method: 'POST',
            url: `${url}/charge/{{param.order}}`,
            headers: { authorization: 'Bearer backend-secret' },
            body: '{"card":"{{token.card}}","amount":"{{param.amount}}"}',
            response: { status: 'result.status', holder: 'result.holder' },
            timeoutMs: 5000,
          },
        },
      }),
    });
    const gateway = await harness.open();
    const { key } = await gateway.vault.apiKeys.issue('sandbox', ['platform']);
    const [tokenized] = await gateway.vault.vault.tokenize(
      [{ value: '4111 1111 1111 1111', type: 'CREDIT_CARD' }],
      {
        tenant: 'sandbox',
      },
    );
    const token = tokenized!.ok ? tokenized!.token : '';
    const response = await fetch(`${harness.url()}/v1/actions/charge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tokens: { card: token }, params: { order: 'A/1', amount: '10.00' } }),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as Record<string, string>;
    expect(Object.keys(result).sort()).toEqual(['holder', 'status']);
    expect(result.status).toBe('approved');
    expect(result.holder).toMatch(/^Titular do cartão tok_\S+$/);
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('/charge/A%2F1');
    expect(received[0]!.headers.authorization).toBe('Bearer backend-secret');
    expect(JSON.parse(received[0]!.body)).toEqual({ card: '4111 1111 1111 1111', amount: '10.00' });

    const missing = await fetch(`${harness.url()}/v1/actions/charge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tokens: { card: token } }),
    });
    expect(missing.status).toBe(400);
    expect(received).toHaveLength(1);
  });
});
