import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { LocalKeyProvider } from '../keys/local-key-provider.js';
import { KeyRotation } from '../../core/vault/key-rotation.js';
import { RateLimiter } from '../../core/vault/rate-limiter.js';
import { RevealPolicy } from '../../core/vault/reveal-policy.js';
import { Vault, type Principal } from '../../core/vault/vault.js';
import { maskValue } from '../../core/protection/mask.js';
import { isVeilError } from '../../core/errors.js';
import {
  postgresStore,
  sqliteStore,
  TEST_DATABASE_URL,
  type StoreUnderTest,
} from './test-support/databases.js';

const KNOWN = {
  card: '4111 1111 1111 1111',
  cpf: '111.444.777-35',
  email: 'maria.souza@example.com',
  phone: '+55 11 98765-4321',
  note: 'Minha senha secreta é girassol-azul-42',
};

function describeVaultOn(name: string, open: () => Promise<StoreUnderTest | undefined>) {
  describe(`Vault on ${name}`, () => {
    let db: StoreUnderTest | undefined;
    let dir: string;
    let now = 1_750_000_000_000;
    const clock = () => now;
    let keys: LocalKeyProvider;
    const make = (overrides: Partial<ConstructorParameters<typeof Vault>[0]> = {}) =>
      new Vault({
        store: db!.store,
        audit: db!.store,
        keys,
        kekId: 'veil-kek',
        policy: new RevealPolicy(),
        limiter: new RateLimiter({ capacity: 1000, perMinute: 1000, clock }),
        mask: maskValue,
        clock,
        ...overrides,
      });
    const admin: Principal = { id: 'admin-1', tenant: 'acme', roles: ['admin'] };
    const agent: Principal = { id: 'agent-1', tenant: 'acme', roles: ['agent'] };

    beforeAll(async () => {
      db = await open();
      dir = mkdtempSync(path.join(tmpdir(), 'veil-vault-'));
      keys = new LocalKeyProvider(path.join(dir, 'keyring.json'));
      await keys.ensureKey('veil-kek');
    });
    afterAll(async () => {
      await db?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('tokenizes in three modes and reveals by role, auditing every reveal without the value', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make();
      const [random, again, det, det2, fpe, cpf] = await vault.tokenize(
        [
          { value: KNOWN.email, type: 'EMAIL' },
          { value: KNOWN.email, type: 'EMAIL' },
          { value: KNOWN.email, type: 'EMAIL', mode: 'deterministic' },
          { value: KNOWN.email, type: 'EMAIL', mode: 'deterministic' },
          { value: KNOWN.card, type: 'CREDIT_CARD', mode: 'format-preserving' },
          { value: KNOWN.cpf, type: 'CPF', mode: 'format-preserving' },
        ],
        { tenant: 'acme', conversationId: 'c-1' },
      );
      if (!random?.ok || !again?.ok || !det?.ok || !det2?.ok || !fpe?.ok || !cpf?.ok)
        throw new Error('tokenize failed');
      expect(random.token).toMatch(/^tok_[a-z2-7]{26}$/);
      expect(again.token).not.toBe(random.token);
      expect(det2.token).toBe(det.token);
      expect(fpe.token).toMatch(/^\d{4} \d{4} \d{4} 1111$/);
      const [detLater] = await vault.tokenize(
        [{ value: KNOWN.email, type: 'EMAIL', mode: 'deterministic' }],
        {
          tenant: 'acme',
        },
      );
      expect(detLater).toEqual({ ok: true, token: det.token });
      const [otherTenant] = await vault.tokenize(
        [{ value: KNOWN.email, type: 'EMAIL', mode: 'deterministic' }],
        {
          tenant: 'globex',
        },
      );
      expect(otherTenant?.ok && otherTenant.token).not.toBe(det.token);

      const tokens = [random.token, det.token, fpe.token, cpf.token];
      const plain = await vault.detokenize(tokens, admin, { purpose: 'support' });
      expect(plain.map((r) => r.ok && r.value)).toEqual([KNOWN.email, KNOWN.email, KNOWN.card, KNOWN.cpf]);
      const masked = await vault.detokenize(tokens, agent, { purpose: 'support' });
      expect(masked.map((r) => r.ok && r.level)).toEqual(['masked', 'masked', 'masked', 'masked']);
      expect(masked[0]).toMatchObject({ value: 'm***@e***.com' });
      expect(masked[2]).toMatchObject({ value: '****1111' });
      const lowered = await vault.detokenize([random.token], admin, { purpose: 'qa', level: 'redacted' });
      expect(lowered[0]).toMatchObject({ ok: true, level: 'redacted', value: '[EMAIL]' });
      const stranger = await vault.detokenize(
        [random.token],
        { ...agent, tenant: 'globex' },
        { purpose: 'x' },
      );
      expect(stranger[0]).toMatchObject({ ok: false, code: 'VEIL_ERR_VAULT_TOKEN_NOT_FOUND' });

      const events = await db.store.list({ tenant: 'acme', limit: 100 });
      const reveals = events.filter((e) => e.action === 'reveal');
      expect(reveals).toHaveLength(9);
      expect(reveals[0]).toMatchObject({
        principal: 'admin-1',
        target: random.token,
        level: 'redacted',
        purpose: 'qa',
      });
      const serialized = JSON.stringify(events);
      for (const value of Object.values(KNOWN)) expect(serialized).not.toContain(value);
    });

    it('stores no plaintext: the database bytes contain none of the known values', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make();
      const values = Object.entries(KNOWN).map(([k, v]) => ({
        value: v,
        type: k === 'note' ? 'FREE_TEXT' : k.toUpperCase(),
      }));
      const fixed = values.map((v) => (v.type === 'CARD' ? { ...v, type: 'CREDIT_CARD' } : v));
      const results = await vault.tokenize(fixed, { tenant: 'acme', subjectId: 'subject-bytes' });
      expect(results.every((r) => r.ok)).toBe(true);
      const revealed = await vault.detokenize(
        results.map((r) => (r.ok ? r.token : '')),
        admin,
        { purpose: 'check' },
      );
      expect(revealed.map((r) => r.ok && r.value)).toEqual(Object.values(KNOWN));

      const haystacks: Buffer[] = [];
      if (db.file) {
        for (const f of [db.file, `${db.file}-wal`]) if (existsSync(f)) haystacks.push(readFileSync(f));
        expect(haystacks.length).toBeGreaterThan(0);
      } else {
        const tables = ['vault_tokens', 'vault_data_keys', 'vault_audit'];
        for (const table of tables) {
          const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
            db.store.db,
          );
          haystacks.push(
            Buffer.from(
              JSON.stringify(rows.rows, (_k, v) =>
                v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v,
              ),
            ),
          );
          for (const row of rows.rows)
            for (const cell of Object.values(row)) if (Buffer.isBuffer(cell)) haystacks.push(cell);
        }
        try {
          haystacks.push(
            execFileSync('pg_dump', ['--dbname', TEST_DATABASE_URL, '--schema', db.schema!], {
              maxBuffer: 1 << 28,
            }),
          );
        } catch (error) {
          console.warn(`pg_dump unavailable, searched full table reads only: ${String(error)}`);
        }
      }
      // Sanity: the search does find what is there (tokens are stored in clear, by design).
      expect(haystacks.some((h) => h.includes(results[0]!.ok ? results[0]!.token : '?'))).toBe(true);
      for (const value of Object.values(KNOWN)) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          const hits = haystacks.filter((h) => h.includes(Buffer.from(value, encoding))).length;
          expect(hits, `${value} found in the database (${encoding})`).toBe(0);
        }
      }
    });

    it('fails closed on tampered ciphertext, ciphertext moved to another row, and a foreign keyring', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make();
      const [a, b] = await vault.tokenize(
        [
          { value: 'alpha@example.com', type: 'EMAIL' },
          { value: 'beta@example.com', type: 'EMAIL' },
        ],
        { tenant: 'acme' },
      );
      if (!a?.ok || !b?.ok) throw new Error('tokenize failed');
      const rows = await db.store.getTokens('acme', [a.token, b.token]);
      const rowA = rows.get(a.token)!;
      const rowB = rows.get(b.token)!;
      const tampered = Buffer.from(rowA.sealed);
      tampered[tampered.length - 20]! ^= 0x01;
      await db.store.putTokens(
        [
          { ...rowA, sealed: tampered },
          { ...rowB, sealed: rowA.sealed },
        ],
        'replace',
      );
      const results = await vault.detokenize([a.token, b.token], admin, { purpose: 'x' });
      expect(results.map((r) => !r.ok && r.code)).toEqual([
        'VEIL_ERR_VAULT_DECRYPT_FAILED',
        'VEIL_ERR_VAULT_DECRYPT_FAILED',
      ]);
      expect(JSON.stringify(results)).not.toContain('example.com');

      const [c] = await vault.tokenize([{ value: 'gamma@example.com', type: 'EMAIL' }], {
        tenant: 'fresh-tenant',
      });
      const foreignKeys = new LocalKeyProvider(path.join(dir, 'foreign', 'keyring.json'));
      await foreignKeys.ensureKey('veil-kek');
      const foreign = make({ keys: foreignKeys });
      const [viaForeign] = await foreign.detokenize(
        [c!.ok ? c!.token : ''],
        { ...admin, tenant: 'fresh-tenant' },
        {
          purpose: 'x',
        },
      );
      expect(viaForeign).toMatchObject({ ok: false, code: 'VEIL_ERR_VAULT_UNWRAP_FAILED' });
    });

    it('crypto-shreds a subject: its values are unrecoverable at once, rows untouched, others still reveal', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make();
      const alice = await vault.tokenize(
        [
          { value: 'alice@example.com', type: 'EMAIL' },
          { value: '+55 11 91234-5678', type: 'PHONE', mode: 'format-preserving' },
        ],
        { tenant: 'acme', subjectId: 'alice' },
      );
      const aliceInline = await vault.encryptInline([{ value: 'alice-secret', type: 'FREE_TEXT' }], {
        tenant: 'acme',
        subjectId: 'alice',
      });
      const bob = await vault.tokenize([{ value: 'bob@example.com', type: 'EMAIL' }], {
        tenant: 'acme',
        subjectId: 'bob',
      });
      const anon = await vault.tokenize([{ value: 'anon@example.com', type: 'EMAIL' }], { tenant: 'acme' });
      const aliceTokens = [...alice, ...aliceInline].map((r) => (r.ok ? r.token : ''));
      expect(aliceTokens[2]).toMatch(/^venc_/);
      const before = await vault.detokenize(aliceTokens, admin, { purpose: 'x' });
      expect(before.map((r) => r.ok && r.value)).toEqual([
        'alice@example.com',
        '+55 11 91234-5678',
        'alice-secret',
      ]);
      const rowsBefore = await db.store.getTokens('acme', aliceTokens.slice(0, 2));

      await expect(vault.eraseSubject(agent, 'alice')).rejects.toMatchObject({
        code: 'VEIL_ERR_VAULT_FORBIDDEN',
      });
      expect(await vault.eraseSubject(admin, 'alice')).toEqual({ keysDestroyed: 1 });

      const after = await vault.detokenize(aliceTokens, admin, { purpose: 'x' });
      expect(after.map((r) => !r.ok && r.code)).toEqual([
        'VEIL_ERR_VAULT_SUBJECT_ERASED',
        'VEIL_ERR_VAULT_SUBJECT_ERASED',
        'VEIL_ERR_VAULT_SUBJECT_ERASED',
      ]);
      // A second vault instance (another node, cold cache) cannot open them either.
      const otherNode = make();
      const cold = await otherNode.detokenize(aliceTokens, admin, { purpose: 'x' });
      expect(cold.every((r) => !r.ok)).toBe(true);
      // The rows were not rewritten: the same ciphertext is there, now without a key.
      const rowsAfter = await db.store.getTokens('acme', aliceTokens.slice(0, 2));
      for (const [token, row] of rowsBefore) {
        expect(Buffer.from(rowsAfter.get(token)!.sealed).equals(Buffer.from(row.sealed))).toBe(true);
      }
      expect((await vault.describe('acme', aliceTokens[0]!))?.state).toBe('erased');
      const others = await vault.detokenize(
        [bob[0]!.ok ? bob[0]!.token : '', anon[0]!.ok ? anon[0]!.token : ''],
        admin,
        {
          purpose: 'x',
        },
      );
      expect(others.map((r) => r.ok && r.value)).toEqual(['bob@example.com', 'anon@example.com']);
      // The subject can come back later: new values get a new key generation.
      const [back] = await vault.tokenize([{ value: 'alice2@example.com', type: 'EMAIL' }], {
        tenant: 'acme',
        subjectId: 'alice',
      });
      const [revealBack] = await vault.detokenize([back!.ok ? back!.token : ''], admin, { purpose: 'x' });
      expect(revealBack).toMatchObject({ ok: true, value: 'alice2@example.com' });
      const erasures = (await db.store.list({ tenant: 'acme', limit: 50 })).filter(
        (e) => e.action === 'erase-subject',
      );
      expect(erasures[0]).toMatchObject({ principal: 'admin-1', target: 'alice', outcome: 'ok' });
    });

    it('deletes single tokens, expires by TTL and sweeps', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make();
      const [short, long, gone] = await vault.tokenize(
        [
          { value: 'short@example.com', type: 'EMAIL' },
          { value: 'long@example.com', type: 'EMAIL' },
          { value: 'gone@example.com', type: 'EMAIL' },
        ],
        { tenant: 'ttl', ttlSeconds: 60 },
      );
      const tok = (r: typeof short) => (r?.ok ? r.token : '');
      const ttlAdmin = { ...admin, tenant: 'ttl' };
      expect(await vault.deleteToken(ttlAdmin, tok(gone))).toBe(true);
      now += 61_000;
      const results = await vault.detokenize([tok(short), tok(gone)], ttlAdmin, { purpose: 'x' });
      expect(results.map((r) => !r.ok && r.code)).toEqual([
        'VEIL_ERR_VAULT_TOKEN_EXPIRED',
        'VEIL_ERR_VAULT_TOKEN_NOT_FOUND',
      ]);
      expect((await vault.describe('ttl', tok(long)))?.state).toBe('expired');
      let swept = 0;
      for (let n = await vault.sweepExpired(1); n > 0; n = await vault.sweepExpired(1)) swept += n;
      expect(swept).toBeGreaterThanOrEqual(2);
      expect(await vault.describe('ttl', tok(long))).toBeUndefined();
    });

    it('limits reveals per principal and audits the refusal', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make({ limiter: new RateLimiter({ capacity: 3, perMinute: 3, clock }) });
      const [r] = await vault.tokenize([{ value: 'rate@example.com', type: 'EMAIL' }], { tenant: 'rl' });
      const p = { ...admin, tenant: 'rl' };
      await vault.detokenize([r!.ok ? r!.token : '', r!.ok ? r!.token : ''], p, { purpose: 'x' });
      const error = await vault
        .detokenize([r!.ok ? r!.token : '', 'tok_x'], p, { purpose: 'x' })
        .catch((e) => e);
      expect(isVeilError(error) && error.code).toBe('VEIL_ERR_VAULT_RATE_LIMITED');
      expect(error.detail.retryAfterSeconds).toBeGreaterThan(0);
      const last = (await db.store.list({ tenant: 'rl', limit: 1 }))[0];
      expect(last).toMatchObject({ action: 'reveal', outcome: 'VEIL_ERR_VAULT_RATE_LIMITED' });
      // Another principal is not affected.
      const other = await vault.detokenize(
        [r!.ok ? r!.token : ''],
        { ...p, id: 'someone-else' },
        { purpose: 'x' },
      );
      expect(other[0]?.ok).toBe(true);
    });

    it('rolls to a new data key generation when a key spends its use budget', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make({ maxUsesPerDataKey: 5 });
      const first = await vault.tokenize(
        [1, 2, 3].map((i) => ({ value: `v${i}@x.io`, type: 'EMAIL' })),
        { tenant: 'budget' },
      );
      const second = await vault.tokenize(
        [4, 5, 6].map((i) => ({ value: `v${i}@x.io`, type: 'EMAIL' })),
        { tenant: 'budget' },
      );
      const all = [...first, ...second].map((r) => (r.ok ? r.token : ''));
      const rows = await db.store.getTokens('budget', all);
      expect(new Set([...rows.values()].map((r) => r.dataKeyId)).size).toBe(2);
      const revealed = await vault.detokenize(all, { ...admin, tenant: 'budget' }, { purpose: 'x' });
      expect(revealed.every((r) => r.ok)).toBe(true);
    });

    it('lets several nodes start on a fresh tenant and subject at once (one key per slot wins)', async (ctx) => {
      if (!db) return ctx.skip();
      const nodes = Array.from({ length: 4 }, () => make());
      const results = await Promise.all(
        nodes.flatMap((node, n) => [
          node.tokenize([{ value: `race-${n}@x.io`, type: 'EMAIL' }], { tenant: 'race' }),
          node.tokenize([{ value: `subj-${n}@x.io`, type: 'EMAIL' }], { tenant: 'race', subjectId: 'racer' }),
          node.tokenize([{ value: 'same@x.io', type: 'EMAIL', mode: 'deterministic' }], { tenant: 'race' }),
        ]),
      );
      const tokens = results.map(([r]) => (r?.ok ? r.token : 'failed'));
      expect(tokens).not.toContain('failed');
      expect(new Set(tokens.filter((_, i) => i % 3 === 2)).size).toBe(1);
      const revealed = await make().detokenize(tokens, { ...admin, tenant: 'race' }, { purpose: 'x' });
      expect(revealed.every((r) => r.ok)).toBe(true);
      const rows = await db.store.getTokens('race', tokens);
      expect(
        new Set([...rows.values()].filter((r) => r.subjectId === 'racer').map((r) => r.dataKeyId)).size,
      ).toBe(1);
      expect(
        new Set([...rows.values()].filter((r) => r.subjectId === null).map((r) => r.dataKeyId)).size,
      ).toBe(1);
    });

    it('reserves the nonce budget in leases, not one database write per value', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make();
      for (let i = 0; i < 10; i++)
        await vault.tokenize([{ value: `l${i}@x.io`, type: 'EMAIL' }], { tenant: 'lease' });
      const key = await db.store.latestDataKey('lease', 'value', null);
      expect(key?.uses).toBe(1024);
      // A second node leases its own range from the same counter: budgets add up, never overlap.
      await make().tokenize([{ value: 'other-node@x.io', type: 'EMAIL' }], { tenant: 'lease' });
      expect((await db.store.latestDataKey('lease', 'value', null))?.uses).toBe(2048);
    });

    it('leases a subject key too, while still seeing an erasure made by another node at once', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make();
      const tenant = 'subject-lease';
      for (let i = 0; i < 10; i++)
        await vault.tokenize([{ value: `s${i}@x.io`, type: 'EMAIL' }], { tenant, subjectId: 'carol' });
      expect((await db.store.latestDataKey(tenant, 'subject', 'carol'))?.uses).toBe(64);
      // Erased elsewhere: this node's lease on the destroyed key is worthless, the next write gets a new key.
      await make().eraseSubject({ ...admin, tenant }, 'carol');
      const [after] = await vault.tokenize([{ value: 'new@x.io', type: 'EMAIL' }], {
        tenant,
        subjectId: 'carol',
      });
      const latest = await db.store.latestDataKey(tenant, 'subject', 'carol');
      expect(latest?.generation).toBe(1);
      expect(after?.ok && (await db.store.getTokens(tenant, [after.token])).get(after.token)?.dataKeyId).toBe(
        latest?.id,
      );
    });

    it('rotates, rewraps resumably while reveals keep working, and retires the old version only when unused', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make();
      const subjects = Array.from({ length: 12 }, (_, i) => `rot-${i}`);
      const tokens: string[] = [];
      for (const s of subjects) {
        const [r] = await vault.tokenize([{ value: `${s}@example.com`, type: 'EMAIL' }], {
          tenant: 'rot',
          subjectId: s,
        });
        tokens.push(r!.ok ? r!.token : '');
      }
      const p = { ...admin, tenant: 'rot' };
      const rotation = new KeyRotation({ store: db.store, keys, audit: db.store, kekId: 'veil-kek', clock });
      const oldVersion = (await rotation.describe()).currentVersion;
      const newVersion = await rotation.rotate('admin-1');
      expect(newVersion).toBe(oldVersion + 1);
      await expect(rotation.retire('admin-1', oldVersion)).rejects.toMatchObject({
        code: 'VEIL_ERR_VAULT_KEY_IN_USE',
      });

      const controller = new AbortController();
      const progress: number[] = [];
      const partial = await rotation.rewrap('admin-1', {
        batchSize: 5,
        signal: controller.signal,
        onProgress: ({ done }) => {
          progress.push(done);
          if (done >= 5) controller.abort();
        },
      });
      expect(partial.rewrapped).toBe(5);
      expect(partial.remaining).toBeGreaterThan(0);
      // Mid-rewrap, every value still reveals (a cold node, so keys are unwrapped from the store).
      const mid = await make().detokenize(tokens, p, { purpose: 'x' });
      expect(mid.every((r) => r.ok)).toBe(true);

      const rest = await rotation.rewrap('admin-1', { batchSize: 5 });
      expect(rest.remaining).toBe(0);
      expect(rest.rewrapped).toBe(partial.remaining);
      expect((await rotation.describe()).inUse.get(oldVersion) ?? 0).toBe(0);
      expect(await rotation.retireUnused('admin-1')).toContain(oldVersion);
      const afterRetire = await make().detokenize(tokens, p, { purpose: 'x' });
      expect(afterRetire.map((r) => r.ok && r.value)).toEqual(subjects.map((s) => `${s}@example.com`));
    });

    it('fails closed when a data key is wrapped by a retired version', async (ctx) => {
      if (!db) return ctx.skip();
      // Its own keyring, so retiring a version in use here does not break the other tests.
      const ownKeys = new LocalKeyProvider(path.join(dir, 'retire', 'keyring.json'));
      const vault = make({ keys: ownKeys });
      const [r] = await vault.tokenize([{ value: 'retired@example.com', type: 'EMAIL' }], {
        tenant: 'retire',
        subjectId: 'r1',
      });
      const rotation = new KeyRotation({
        store: db.store,
        keys: ownKeys,
        audit: db.store,
        kekId: 'veil-kek',
        clock,
      });
      const old = (await rotation.describe()).currentVersion;
      await rotation.rotate('admin-1');
      // Bypass the in-use check on purpose, as a misconfigured operator might.
      await ownKeys.retire('veil-kek', old);
      const [result] = await make({ keys: ownKeys }).detokenize(
        [r!.ok ? r!.token : ''],
        { ...admin, tenant: 'retire' },
        {
          purpose: 'x',
        },
      );
      expect(result).toMatchObject({ ok: false, code: 'VEIL_ERR_VAULT_KEY_RETIRED' });
    });

    it('reports per-item errors for bad input without failing the batch', async (ctx) => {
      if (!db) return ctx.skip();
      const vault = make();
      const results = await vault.tokenize(
        [
          { value: '', type: 'EMAIL' },
          { value: 'x@y.z', type: 'lower' },
          { value: '12', type: 'CREDIT_CARD', mode: 'format-preserving' },
          { value: 'ok@example.com', type: 'EMAIL' },
        ],
        { tenant: 'acme' },
      );
      expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
        'VEIL_ERR_VAULT_BAD_INPUT',
        'VEIL_ERR_VAULT_BAD_INPUT',
        'VEIL_ERR_VAULT_FPE_DOMAIN',
        'ok',
      ]);
    });
  });
}

describeVaultOn('SQLite', sqliteStore);
describeVaultOn('PostgreSQL', postgresStore);
