import { afterEach, describe, expect, it } from 'vitest';
import { buildGenesysSim, type GenesysSim } from '../../../../sandbox/index.js';
import { OAuthTokenCache, retryAfterMs, TokenRequestError } from './oauth-token-cache.js';

let sim: GenesysSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(): Promise<string> {
  sim = buildGenesysSim({ clientId: 'c', clientSecret: 's', settings: { tokenLifetimeSeconds: 300 } });
  return sim.listen(0);
}

describe('OAuthTokenCache against the Genesys simulator', () => {
  it('fetches once for concurrent callers and refreshes a tenth of the lifetime before expiry', async () => {
    const loginUrl = await start();
    let now = 1_000_000;
    const cache = new OAuthTokenCache({ loginUrl, clientId: 'c', clientSecret: 's', clock: () => now });
    const tokens = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(new Set(tokens).size).toBe(1);
    expect(cache.fetched).toBe(1);
    now += 269_000; // 300 s lifetime, refreshed 30 s early
    expect(await cache.get()).toBe(tokens[0]);
    now += 2_000;
    const refreshed = await cache.get();
    expect(refreshed).not.toBe(tokens[0]);
    expect(cache.fetched).toBe(2);
  });

  it('drops a token the API refused, but not a newer one', async () => {
    const loginUrl = await start();
    const cache = new OAuthTokenCache({ loginUrl, clientId: 'c', clientSecret: 's' });
    const first = await cache.get();
    cache.invalidate('some-older-token');
    expect(await cache.get()).toBe(first);
    cache.invalidate(first);
    expect(await cache.get()).not.toBe(first);
  });

  it('reports a wrong client as a 401 TokenRequestError, and Retry-After on 429', async () => {
    const loginUrl = await start();
    const wrong = new OAuthTokenCache({ loginUrl, clientId: 'c', clientSecret: 'nope' });
    await expect(wrong.get()).rejects.toMatchObject({ name: 'TokenRequestError', status: 401 });
    sim!.state.faults.update({ rateLimitNext: 1, retryAfterSeconds: 3 });
    const limited = new OAuthTokenCache({ loginUrl, clientId: 'c', clientSecret: 's' });
    const error = (await limited.get().catch((e: unknown) => e)) as TokenRequestError;
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(3000);
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('42', 0)).toBe(42_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});
