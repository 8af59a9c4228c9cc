import { describe, it, expect, afterAll } from 'vitest';
import { describeKeyProvider } from '../../core/vault/test-support/key-provider-contract.js';
import { Pkcs11KeyProvider } from './pkcs11-key-provider.js';
import { createSoftHsm, SOFTHSM_MODULE as MODULE, SOFTHSM_PIN as PIN } from './test-support/softhsm.js';

const hsm = createSoftHsm(['veil-a', 'veil-b']);
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
