import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Test-only knob, like VEIL_TEST_DATABASE_URL.

export const SOFTHSM_MODULE = process.env.VEIL_TEST_PKCS11_MODULE ?? '/usr/lib/softhsm/libsofthsm2.so';
export const SOFTHSM_PIN = '246810';

export interface SoftHsm {
  readonly dir: string;
  readonly labels: readonly string[];
  cleanup(): void;
}

/**
 * A throwaway SoftHSM2 token store for one test process: SOFTHSM2_CONF points at a private
 * directory before the library is initialised, so runs never touch the machine's tokens. Returns
 * undefined (after a visible notice) when SoftHSM2 is not installed.
 */
export function createSoftHsm(labels: readonly string[]): SoftHsm | undefined {
  let util = true;
  try {
    execFileSync('softhsm2-util', ['--version'], { stdio: 'ignore' });
  } catch {
    util = false;
  }
  if (!existsSync(SOFTHSM_MODULE) || !util) {
    console.warn(
      `\n*** PKCS#11 tests SKIPPED: SoftHSM2 not installed (${SOFTHSM_MODULE}). Run scripts/provision.sh as root. ***\n`,
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
  for (const label of labels) {
    execFileSync(
      'softhsm2-util',
      ['--init-token', '--free', '--label', label, '--so-pin', '13579', '--pin', SOFTHSM_PIN],
      { env: { ...process.env, SOFTHSM2_CONF: conf }, stdio: 'ignore' },
    );
  }
  return { dir, labels, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
