import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it, expect, afterAll } from 'vitest';
import { loadConfig } from './config/config.js';
import { openVault, vaultOperators, type VaultRuntime } from './compose.js';
import { postgresReachable, TEST_DATABASE_URL } from './adapters/stores/test-support/databases.js';
import { createSoftHsm } from './adapters/keys/test-support/softhsm.js';

const hsm = createSoftHsm(['veil-compose']);
const dirs: string[] = [];
afterAll(() => {
  hsm?.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'veil-compose-'));
  dirs.push(d);
  return d;
};

async function roundTrip(runtime: VaultRuntime): Promise<string | undefined> {
  const [tokenize] = vaultOperators(runtime);
  const entity = { type: 'EMAIL', start: 0, end: 1, score: 1, recognizer: 'test' };
  const [token] = await tokenize!.transform([{ value: 'wired@example.com', type: 'EMAIL', entity }], {});
  const [revealed] = await runtime.vault.detokenize(
    [token!],
    { id: 't', tenant: 'default', roles: ['admin'] },
    { purpose: 't' },
  );
  return revealed?.ok ? revealed.value : undefined;
}

describe('composition root', () => {
  it('defaults to SQLite and a 0600 local keyring under the data directory', async () => {
    const dir = tempDir();
    const runtime = await openVault(loadConfig({ dataDir: dir }, {}));
    try {
      expect(await roundTrip(runtime)).toBe('wired@example.com');
      expect(runtime.store.flavor).toBe('sqlite');
      expect(existsSync(path.join(dir, 'veil.db'))).toBe(true);
      expect(statSync(path.join(dir, 'keyring.json')).mode & 0o777).toBe(0o600);
    } finally {
      await runtime.close();
    }
  });

  it('applies a reveal policy file (levels per role and type, who may erase) and rejects a bad one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(
      file,
      ['roles:', '  agent: { default: redacted, types: { EMAIL: plain } }', 'eraseRoles: [privacy]'].join(
        '\n',
      ),
    );
    const runtime = await openVault(loadConfig({ dataDir: dir }, { VEIL_REVEAL_POLICY: file }));
    try {
      const [email, phone] = await runtime.vault.tokenize(
        [
          { value: 'p@example.com', type: 'EMAIL' },
          { value: '+55 11 91234-5678', type: 'PHONE' },
        ],
        { tenant: 'default', subjectId: 's1' },
      );
      const agent = { id: 'a', tenant: 'default', roles: ['agent'] };
      const seen = await runtime.vault.detokenize(
        [email!.ok ? email!.token : '', phone!.ok ? phone!.token : ''],
        agent,
        {
          purpose: 't',
        },
      );
      expect(seen.map((r) => r.ok && r.value)).toEqual(['p@example.com', '[PHONE]']);
      await expect(
        runtime.vault.eraseSubject({ id: 'x', tenant: 'default', roles: ['admin'] }, 's1'),
      ).rejects.toMatchObject({ code: 'VEIL_ERR_VAULT_FORBIDDEN' });
      expect(
        await runtime.vault.eraseSubject({ id: 'y', tenant: 'default', roles: ['privacy'] }, 's1'),
      ).toEqual({
        keysDestroyed: 1,
      });
    } finally {
      await runtime.close();
    }
    writeFileSync(file, 'roles:\n  agent: { default: everything }\n');
    await expect(openVault(loadConfig({ dataDir: dir }, { VEIL_REVEAL_POLICY: file }))).rejects.toThrow(
      /reveal policy .* is invalid: roles.agent.default/,
    );
  });

  it('uses PostgreSQL when VEIL_DATABASE_URL is set', async (ctx) => {
    if (!(await postgresReachable())) return ctx.skip();
    const schema = `veil_compose_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const runtime = await openVault(loadConfig({ dataDir: tempDir() }, { VEIL_DATABASE_URL: url }));
      try {
        expect(runtime.store.flavor).toBe('postgres');
        expect(await roundTrip(runtime)).toBe('wired@example.com');
        const rows = await admin.query(`select count(*)::int as n from ${schema}.vault_tokens`);
        expect(rows.rows[0].n).toBe(1);
      } finally {
        await runtime.close();
      }
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });

  it('uses a PKCS#11 token with the PIN from a *_FILE secret', async (ctx) => {
    if (!hsm) return ctx.skip();
    const dir = tempDir();
    const pinFile = path.join(dir, 'pin');
    writeFileSync(pinFile, '246810\n', { mode: 0o600 });
    const config = loadConfig(
      { dataDir: dir },
      { VEIL_KEY_PROVIDER: 'pkcs11', VEIL_PKCS11_TOKEN_LABEL: 'veil-compose', VEIL_PKCS11_PIN_FILE: pinFile },
    );
    const runtime = await openVault(config);
    try {
      expect(runtime.keys.kind).toBe('pkcs11');
      expect(await roundTrip(runtime)).toBe('wired@example.com');
      expect(existsSync(path.join(dir, 'keyring.json'))).toBe(false);
    } finally {
      await runtime.close();
    }
    await expect(openVault(loadConfig({ dataDir: dir }, { VEIL_KEY_PROVIDER: 'pkcs11' }))).rejects.toThrow(
      /VEIL_PKCS11_PIN/,
    );
  });
});
