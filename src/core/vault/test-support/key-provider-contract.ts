import { randomBytes } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { KeyProvider } from '../key-provider.js';
import { isVeilError } from '../../errors.js';

export interface KeyProviderFixture {
  /** A provider over the shared backing store (keyring file, HSM token); each call a new instance. */
  open(): Promise<KeyProvider>;
  /** A provider over an unrelated backing store: its keys must not open the first one's wraps. */
  openForeign(): Promise<KeyProvider>;
  cleanup(): Promise<void>;
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isVeilError(error) ? error.code : `not a VeilError: ${String(error)}`;
  }
  return 'no error';
}

/** Every KeyProvider runs this suite against its real backend. */
export function describeKeyProvider(
  name: string,
  setup: () => Promise<KeyProviderFixture | undefined>,
): void {
  describe(`KeyProvider contract: ${name}`, () => {
    let fixture: KeyProviderFixture | undefined;
    let keys: KeyProvider;
    const kekId = `kek-${randomBytes(4).toString('hex')}`;
    const aad = Buffer.from('tenant-1/data-key-1');
    const dataKey = randomBytes(32);

    beforeAll(async () => {
      fixture = await setup();
      if (fixture) keys = await fixture.open();
    });
    afterAll(async () => {
      await keys?.close();
      await fixture?.cleanup();
    });

    it('creates version 1 on first use, idempotently', async (ctx) => {
      if (!fixture) return ctx.skip();
      const first = await keys.ensureKey(kekId);
      expect(first.currentVersion).toBe(1);
      expect(first.versions).toEqual([expect.objectContaining({ version: 1, state: 'active' })]);
      expect((await keys.ensureKey(kekId)).currentVersion).toBe(1);
      expect((await keys.list()).map((k) => k.kekId)).toContain(kekId);
    });

    it('wraps and unwraps, and the wrap hides the key', async (ctx) => {
      if (!fixture) return ctx.skip();
      const wrapped = await keys.wrap(kekId, dataKey, aad);
      expect(wrapped).toMatchObject({ kekId, kekVersion: 1 });
      expect(Buffer.from(wrapped.ciphertext).includes(dataKey)).toBe(false);
      expect(Buffer.from(await keys.unwrap(wrapped, aad)).equals(dataKey)).toBe(true);
    });

    it('persists: a new instance over the same backend unwraps', async (ctx) => {
      if (!fixture) return ctx.skip();
      const wrapped = await keys.wrap(kekId, dataKey, aad);
      const again = await fixture.open();
      try {
        expect(Buffer.from(await again.unwrap(wrapped, aad)).equals(dataKey)).toBe(true);
      } finally {
        await again.close();
      }
    });

    it('fails closed on wrong AAD, tampering, unknown keys and a foreign backend', async (ctx) => {
      if (!fixture) return ctx.skip();
      const wrapped = await keys.wrap(kekId, dataKey, aad);
      expect(await errorCode(keys.unwrap(wrapped, Buffer.from('tenant-2/data-key-1')))).toBe(
        'VEIL_ERR_VAULT_UNWRAP_FAILED',
      );
      const tampered = Buffer.from(wrapped.ciphertext);
      tampered[tampered.length - 3]! ^= 0x40;
      expect(await errorCode(keys.unwrap({ ...wrapped, ciphertext: tampered }, aad))).toBe(
        'VEIL_ERR_VAULT_UNWRAP_FAILED',
      );
      expect(await errorCode(keys.unwrap({ ...wrapped, kekVersion: 99 }, aad))).toBe(
        'VEIL_ERR_VAULT_KEY_UNKNOWN',
      );
      expect(await errorCode(keys.unwrap({ ...wrapped, kekId: 'no-such-key' }, aad))).toBe(
        'VEIL_ERR_VAULT_KEY_UNKNOWN',
      );
      const foreign = await fixture.openForeign();
      try {
        await foreign.ensureKey(kekId);
        expect(await errorCode(foreign.unwrap(wrapped, aad))).toBe('VEIL_ERR_VAULT_UNWRAP_FAILED');
      } finally {
        await foreign.close();
      }
    });

    it('rotates: new wraps use the new version, old wraps still open until retired', async (ctx) => {
      if (!fixture) return ctx.skip();
      const old = await keys.wrap(kekId, dataKey, aad);
      const version = await keys.rotate(kekId);
      expect(version).toBe(old.kekVersion + 1);
      const info = await keys.describe(kekId);
      expect(info?.currentVersion).toBe(version);
      expect(info?.versions.find((v) => v.version === old.kekVersion)?.state).toBe('decrypt-only');
      const fresh = await keys.wrap(kekId, dataKey, aad);
      expect(fresh.kekVersion).toBe(version);
      expect(Buffer.from(await keys.unwrap(old, aad)).equals(dataKey)).toBe(true);

      expect(await errorCode(keys.retire(kekId, version))).toBe('VEIL_ERR_VAULT_KEY_IN_USE');
      await keys.retire(kekId, old.kekVersion);
      expect((await keys.describe(kekId))?.versions.find((v) => v.version === old.kekVersion)?.state).toBe(
        'retired',
      );
      expect(await errorCode(keys.unwrap(old, aad))).toBe('VEIL_ERR_VAULT_KEY_RETIRED');
      expect(Buffer.from(await keys.unwrap(fresh, aad)).equals(dataKey)).toBe(true);
    });
  });
}
