import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { loadConfig } from '../config/config.js';
import { buildVaultApp, openVault, type VaultRuntime } from '../compose.js';

describe('HTTP API /v1 (real server on loopback)', () => {
  let dir: string;
  let runtime: VaultRuntime;
  let app: FastifyInstance;
  let base: string;
  let adminKey: string;
  let agentKey: string;
  let otherTenantKey: string;

  const call = async (method: string, url: string, key: string | undefined, body?: unknown, raw?: string) => {
    const response = await fetch(base + url, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      headers: response.headers,
      json: text ? JSON.parse(text) : undefined,
    };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'veil-http-'));
    runtime = await openVault(
      loadConfig(
        { dataDir: dir },
        { VEIL_HTTP_BODY_LIMIT: '20000', VEIL_REVEAL_BURST: '50', VEIL_REVEAL_RATE_PER_MINUTE: '1' },
      ),
    );
    adminKey = (await runtime.apiKeys.issue('acme', ['admin'])).key;
    agentKey = (await runtime.apiKeys.issue('acme', ['agent'])).key;
    otherTenantKey = (await runtime.apiKeys.issue('globex', ['admin'])).key;
    app = buildVaultApp(runtime);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tokenizes a batch, reveals by role, describes metadata, and shreds a subject', async () => {
    const tokenized = await call('POST', '/v1/tokenize', agentKey, {
      items: [
        { value: 'maria@example.com', type: 'EMAIL' },
        { value: '4111 1111 1111 1111', type: 'CREDIT_CARD', mode: 'format-preserving' },
        { value: '12', type: 'CREDIT_CARD', mode: 'format-preserving' },
      ],
      subjectId: 'cust-42',
      conversationId: 'conv-9',
    });
    expect(tokenized.status).toBe(200);
    const [email, card, bad] = tokenized.json.results;
    expect(email).toMatchObject({ ok: true, token: expect.stringMatching(/^tok_/) });
    expect(card.token).toMatch(/^\d{4} \d{4} \d{4} 1111$/);
    expect(bad).toMatchObject({ ok: false, code: 'VEIL_ERR_VAULT_FPE_DOMAIN' });

    const asAgent = await call('POST', '/v1/detokenize', agentKey, {
      tokens: [email.token, card.token],
      purpose: 'support',
    });
    expect(asAgent.json.results.map((r: { value: string }) => r.value)).toEqual([
      'm***@e***.com',
      '****1111',
    ]);
    const asAdmin = await call('POST', '/v1/detokenize', adminKey, {
      tokens: [email.token],
      purpose: 'support',
    });
    expect(asAdmin.json.results[0]).toMatchObject({ ok: true, level: 'plain', value: 'maria@example.com' });
    const crossTenant = await call('POST', '/v1/detokenize', otherTenantKey, {
      tokens: [email.token],
      purpose: 'x',
    });
    expect(crossTenant.json.results[0]).toMatchObject({ ok: false, code: 'VEIL_ERR_VAULT_TOKEN_NOT_FOUND' });

    const meta = await call('GET', `/v1/tokens/${encodeURIComponent(email.token)}`, agentKey);
    expect(meta.status).toBe(200);
    expect(meta.json).toMatchObject({
      token: email.token,
      type: 'EMAIL',
      state: 'active',
      subjectId: 'cust-42',
      conversationId: 'conv-9',
    });
    expect(JSON.stringify(meta.json)).not.toContain('maria');

    const forbidden = await call('DELETE', '/v1/subjects/cust-42', agentKey);
    expect(forbidden.status).toBe(403);
    expect(forbidden.type).toContain('application/problem+json');
    const shred = await call('DELETE', '/v1/subjects/cust-42', adminKey);
    expect(shred.json).toEqual({ subjectId: 'cust-42', erased: true, keysDestroyed: 1 });
    const after = await call('POST', '/v1/detokenize', adminKey, {
      tokens: [email.token],
      purpose: 'support',
    });
    expect(after.json.results[0]).toMatchObject({ ok: false, code: 'VEIL_ERR_VAULT_SUBJECT_ERASED' });
    expect((await call('GET', `/v1/tokens/${email.token}`, adminKey)).json.state).toBe('erased');

    const events = await runtime.store.list({ tenant: 'acme', limit: 20 });
    expect(events.filter((e) => e.action === 'reveal').length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(events)).not.toContain('maria@example.com');
  });

  it('serves tokens with separators and slashes in the path when URL-encoded', async () => {
    const { json } = await call('POST', '/v1/tokenize', adminKey, {
      items: [{ value: '11.222.333/0001-81', type: 'CNPJ', mode: 'format-preserving' }],
    });
    const token: string = json.results[0].token;
    expect(token).toMatch(/^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/);
    const meta = await call('GET', `/v1/tokens/${encodeURIComponent(token)}`, adminKey);
    expect(meta.status).toBe(200);
    expect(meta.json).toMatchObject({ token, type: 'CNPJ', mode: 'format-preserving' });
  });

  it('deletes a single token', async () => {
    const { json } = await call('POST', '/v1/tokenize', adminKey, {
      items: [{ value: 'x@y.io', type: 'EMAIL' }],
    });
    const token = json.results[0].token;
    expect((await call('DELETE', `/v1/tokens/${token}`, adminKey)).status).toBe(204);
    const again = await call('DELETE', `/v1/tokens/${token}`, adminKey);
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ status: 404, code: 'VEIL_ERR_VAULT_TOKEN_NOT_FOUND' });
  });

  it('answers problem+json for missing keys, bad input, bad JSON, oversize bodies and unknown routes', async () => {
    const noKey = await call('POST', '/v1/tokenize', undefined, { items: [] });
    expect(noKey.status).toBe(401);
    expect(noKey.type).toContain('application/problem+json');
    expect(noKey.json).toMatchObject({
      status: 401,
      code: 'VEIL_ERR_HTTP_UNAUTHORIZED',
      type: 'urn:veil:error:VEIL_ERR_HTTP_UNAUTHORIZED',
    });
    expect((await call('POST', '/v1/tokenize', 'vk_forged.key', { items: [] })).status).toBe(401);

    const invalid = await call('POST', '/v1/tokenize', adminKey, {
      items: [{ value: '', type: 'email' }],
      extra: 1,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.code).toBe('VEIL_ERR_HTTP_BAD_REQUEST');
    expect(invalid.json.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['items.0.value', 'items.0.type']),
    );

    const badJson = await call('POST', '/v1/tokenize', adminKey, undefined, '{"items": [');
    expect(badJson.status).toBe(400);
    expect(badJson.type).toContain('application/problem+json');

    const huge = await call('POST', '/v1/tokenize', adminKey, {
      items: [{ value: 'a'.repeat(30_000), type: 'EMAIL' }],
    });
    expect(huge.status).toBe(413);
    expect(huge.type).toContain('application/problem+json');

    const missing = await call('GET', '/v1/nope', adminKey);
    expect(missing.status).toBe(404);
    expect(missing.json.code).toBe('VEIL_ERR_HTTP_NOT_FOUND');
  });

  it('rate-limits reveals with 429 and Retry-After', async () => {
    const key = (await runtime.apiKeys.issue('acme', ['admin'])).key;
    const { json } = await call('POST', '/v1/tokenize', key, { items: [{ value: 'r@y.io', type: 'EMAIL' }] });
    const tokens = Array.from({ length: 50 }, () => json.results[0].token);
    expect((await call('POST', '/v1/detokenize', key, { tokens, purpose: 'bulk' })).status).toBe(200);
    const limited = await call('POST', '/v1/detokenize', key, {
      tokens: tokens.slice(0, 1),
      purpose: 'bulk',
    });
    expect(limited.status).toBe(429);
    expect(limited.json.code).toBe('VEIL_ERR_VAULT_RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
