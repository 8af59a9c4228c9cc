import { describe, it, expect, afterAll } from 'vitest';
import { KeyRotation } from '../../core/vault/key-rotation.js';
import { RateLimiter } from '../../core/vault/rate-limiter.js';
import { RevealPolicy } from '../../core/vault/reveal-policy.js';
import { Vault } from '../../core/vault/vault.js';
import { sqliteStore } from '../stores/test-support/databases.js';
import { describeKeyProvider } from '../../core/vault/test-support/key-provider-contract.js';
import { Pkcs11KeyProvider } from './pkcs11-key-provider.js';
import { createSoftHsm, SOFTHSM_MODULE as MODULE, SOFTHSM_PIN as PIN } from './test-support/softhsm.js';

const hsm = createSoftHsm(['veil-a', 'veil-b', 'veil-vault']);
afterAll(() => hsm?.cleanup());

describeKeyProvider('PKCS#11 (SoftHSM2)', async () => {
  if (!hsm) return undefined;
  return {
    open: async () => new Pkcs11KeyProvider({ module: MODULE, tokenLabel: 'veil-a', pin: PIN }),
    openForeign: async () => new Pkcs11KeyProvider({ module: MODULE, tokenLabel: 'veil-b', pin: PIN }),
    cleanup: async () => undefined,
  };
});

describe('Pkcs11KeyProvider', () => {
  it('keeps keys inside the HSM: sensitive and not extractable', async (ctx) => {
    if (!hsm) return ctx.skip();
    const keys = new Pkcs11KeyProvider({ module: MODULE, tokenLabel: 'veil-a', pin: PIN });
    try {
      await keys.ensureKey('inside');
      expect(keys.inspect('inside', 1)).toEqual({
        sensitive: true,
        extractable: false,
        neverExtractable: true,
        valueReadable: false,
      });
    } finally {
      await keys.close();
    }
  });

  it('refuses a wrong PIN and an unknown token with clear errors', (ctx) => {
    if (!hsm) return ctx.skip();
    expect(() => new Pkcs11KeyProvider({ module: MODULE, tokenLabel: 'veil-a', pin: '000000' })).toThrow(
      /cannot open the PKCS#11 token/,
    );
    expect(() => new Pkcs11KeyProvider({ module: MODULE, tokenLabel: 'nope', pin: PIN })).toThrow(
      /no token labelled "nope"/,
    );
  });
});

describe('Vault over PKCS#11', () => {
  it('tokenizes, rotates, rewraps inside the HSM and retires the old version while values keep revealing', async (ctx) => {
    if (!hsm) return ctx.skip();
    const db = await sqliteStore();
    const keys = new Pkcs11KeyProvider({ module: MODULE, tokenLabel: 'veil-vault', pin: PIN });
    try {
      const make = () =>
        new Vault({
          store: db.store,
          audit: db.store,
          keys,
          kekId: 'veil-kek',
          policy: new RevealPolicy(),
          limiter: new RateLimiter({ capacity: 1000, perMinute: 1000, clock: Date.now }),
          mask: (_type, value) => value,
        });
      const admin = { id: 'a', tenant: 'hsm', roles: ['admin'] };
      const results = await make().tokenize(
        [
          { value: 'hsm-1@example.com', type: 'EMAIL' },
          { value: '4111 1111 1111 1111', type: 'CREDIT_CARD', mode: 'format-preserving' },
        ],
        { tenant: 'hsm', subjectId: 'h1' },
      );
      const tokens = results.map((r) => (r.ok ? r.token : ''));
      const rotation = new KeyRotation({ store: db.store, keys, audit: db.store, kekId: 'veil-kek' });
      expect(await rotation.rotate('a')).toBe(2);
      expect(await rotation.rewrap('a')).toEqual({ rewrapped: 2, remaining: 0 });
      expect(await rotation.retireUnused('a')).toEqual([1]);
      const revealed = await make().detokenize(tokens, admin, { purpose: 't' });
      expect(revealed.map((r) => r.ok && r.value)).toEqual(['hsm-1@example.com', '4111 1111 1111 1111']);
    } finally {
      await keys.close();
      await db.cleanup();
    }
  });
});
