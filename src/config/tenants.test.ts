import { describe, expect, it } from 'vitest';
import { parseTenants } from './tenants.js';

const tenant = (overrides: Record<string, unknown> = {}) => ({
  id: 'acme',
  whatsapp: {
    phoneNumberId: '106540352242922',
    appSecret: 'env:ACME_APP_SECRET',
    verifyToken: 'v',
    accessToken: 'a',
  },
  genesys: {
    region: 'sa_east_1',
    clientId: 'client',
    clientSecret: 'env:ACME_GENESYS_SECRET',
    integrationId: 'i-1',
    webhookSecret: 'w',
  },
  ...overrides,
});

const env = { ACME_APP_SECRET: 'from-env', ACME_GENESYS_SECRET: 'g-secret' };

describe('tenants file', () => {
  it('resolves env: secrets, region URLs and defaults', () => {
    const [t] = parseTenants({ tenants: [tenant()] }, env);
    expect(t!.whatsapp.appSecret).toBe('from-env');
    expect(t!.genesys.clientSecret).toBe('g-secret');
    expect(t!.genesys.loginUrl).toBe('https://login.sae1.pure.cloud');
    expect(t!.genesys.apiUrl).toBe('https://api.sae1.pure.cloud');
    expect(t!.whatsapp.graphUrl).toBe('https://graph.facebook.com');
    expect(t!.identity).toEqual({ id: 'phone', name: 'as-is' });
    expect(t!.encryption).toEqual({
      default: 'standard',
      configs: { standard: { authors: ['customer', 'agent'], defaultOperator: 'tokenize', byType: {} } },
    });
    expect(t!.outbound.agentData).toBe('mask');
  });

  it('reports every problem at once, naming the field', () => {
    const bad = tenant({
      whatsapp: { phoneNumberId: 'abc', appSecret: 'env:MISSING', verifyToken: 'v', accessToken: 'a' },
      genesys: { clientId: 'c', clientSecret: 's', integrationId: 'i', webhookSecret: 'w' },
    });
    let message = '';
    try {
      parseTenants({ tenants: [bad] }, env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('tenants.0.whatsapp.appSecret: environment variable MISSING is not set');
    expect(message).toContain('tenants.0.whatsapp.phoneNumberId: digits only');
    expect(message).toContain('give a region, or both loginUrl and apiUrl');
  });

  it('reads data actions, with header secrets from the environment', () => {
    const [t] = parseTenants(
      {
        tenants: [
          tenant({
            actions: {
              charge: {
                url: 'https://pay.example.com/charge',
                headers: { authorization: 'env:ACME_APP_SECRET' },
                body: { card: '{{token.card}}' },
                response: { status: 'status' },
              },
            },
          }),
        ],
      },
      env,
    );
    expect(t!.actions.charge).toEqual({
      method: 'POST',
      url: 'https://pay.example.com/charge',
      headers: { authorization: 'from-env' },
      body: '{"card":"{{token.card}}"}',
      response: { status: 'status' },
      timeoutMs: 10_000,
    });
    expect(() =>
      parseTenants(
        {
          tenants: [
            tenant({ actions: { x: { url: 'https://a', headers: { k: 'env:NOPE' }, response: {} } } }),
          ],
        },
        env,
      ),
    ).toThrow(/actions.x.headers.k: environment variable NOPE is not set/);
  });

  it('reads segment triggers and checks the configs they name', () => {
    const [t] = parseTenants(
      {
        tenants: [
          tenant({
            secureSegments: {
              botMarker: { marker: '[[secure]]', closeAfterMessages: 1 },
              keywordRules: [{ name: 'pin', pattern: '\\bpin\\b' }],
            },
          }),
        ],
      },
      env,
    );
    expect(t!.secureSegments.botMarker).toEqual({ marker: '[[secure]]', closeAfterMessages: 1 });
    expect(t!.secureSegments.keywordRules).toEqual([
      { name: 'pin', pattern: '\\bpin\\b', authors: ['customer'], ignoreCase: true },
    ]);
    expect(parseTenants({ tenants: [tenant()] }, env)[0]!.secureSegments.keywordRules).toEqual([]);
    expect(() =>
      parseTenants(
        {
          tenants: [
            tenant({
              secureSegments: {
                botMarker: { marker: '#', config: 'nope' },
                keywordRules: [{ name: 'pin', pattern: 'pin', config: 'nope2' }],
              },
            }),
          ],
        },
        env,
      ),
    ).toThrow(
      /secureSegments\.botMarker\.config: names no config.*secureSegments\.keywordRules\.0\.config: names no config/,
    );
  });

  it('checks that the default encryption config exists', () => {
    expect(() =>
      parseTenants(
        { tenants: [tenant({ encryption: { default: 'strict', configs: { standard: {} } } })] },
        env,
      ),
    ).toThrow(/tenants.0.encryption: default names no config in configs/);
  });

  it('refuses two tenants on one number or one integration, and unknown fields', () => {
    expect(() => parseTenants({ tenants: [tenant(), tenant({ id: 'other' })] }, env)).toThrow(
      /share whatsapp.phoneNumberId 106540352242922.*share genesys.integrationId i-1/,
    );
    expect(() => parseTenants({ tenants: [tenant({ colour: 'blue' })] }, env)).toThrow(/colour/);
    expect(() => parseTenants({ tenants: [] }, env)).toThrow(/at least one tenant/);
  });
});
