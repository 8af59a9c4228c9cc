import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect, afterAll } from 'vitest';
import { describeKeyProvider } from '../../core/vault/test-support/key-provider-contract.js';
import { Pkcs11KeyProvider } from './pkcs11-key-provider.js';

const MODULE = process.env.VEIL_TEST_PKCS11_MODULE ?? '/usr/lib/softhsm/libsofthsm2.so';
const PIN = '246810';

/**
 * A throwaway SoftHSM2 token store for this test process: SOFTHSM2_CONF points at a private
 * directory before the library is initialised, so runs never touch the machine's tokens.
 */
function softHsm(): { dir: string } | undefined {
  let util = true;
  try {
    execFileSync('softhsm2-util', ['--version'], { stdio: 'ignore' });
  } catch {
    util = false;
  }
  if (!existsSync(MODULE) || !util) {
    console.warn(
      `\n*** PKCS#11 tests SKIPPED: SoftHSM2 not installed (${MODULE}). Run scripts/provision.sh as root. ***\n`,
    );
    return undefined;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'veil-hsm-'));
  mkdirSync(path.join(dir, 'tokens'));
  const conf = path.join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${dir}/tokens\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  process.env.SOFTHSM2_CONF = conf;
  for (const label of ['veil-a', 'veil-b']) {
    execFileSync(
      'softhsm2-util',
      ['--init-token', '--free', '--label', label, '--so-pin', '13579', '--pin', PIN],
      {
        env: { ...process.env, SOFTHSM2_CONF: conf },
        stdio: 'ignore',
      },
    );
  }
  return { dir };
}

const hsm = softHsm();
afterAll(() => {
  if (hsm) rmSync(hsm.dir, { recursive: true, force: true });
});

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
      const attrs = keys.inspect('inside', 1);
      expect(attrs).toEqual({
        sensitive: true,
        extractable: false,
        neverExtractable: true,
        valueReadable: false,
      });
    } finally {
      await keys.close();
    }
  });

  it('refuses a wrong PIN with a clear error', (ctx) => {
    if (!hsm) return ctx.skip();
    expect(() => new Pkcs11KeyProvider({ module: MODULE, tokenLabel: 'veil-a', pin: '000000' })).toThrow(
      /cannot open the PKCS#11 token/,
    );
  });
});
