import { randomBytes } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AuditEvent, AuditLog } from '../audit.js';
import type { DataKeyRecord, TokenRecord, TokenStore } from '../token-store.js';

export interface TokenStoreFixture {
  readonly store: TokenStore & AuditLog;
  cleanup(): Promise<void>;
}

const uniq = () => randomBytes(6).toString('hex');

function token(tenant: string, overrides: Partial<TokenRecord> = {}): TokenRecord {
  return {
    tenant,
    token: `tok_${uniq()}`,
    type: 'EMAIL',
    mode: 'random',
    subjectId: null,
    conversationId: 'conv-1',
    retentionClass: 'standard',
    createdAt: 1_700_000_000_000,
    expiresAt: null,
    dataKeyId: 'dk_1',
    sealed: randomBytes(40),
    ...overrides,
  };
}

function dataKey(tenant: string, overrides: Partial<DataKeyRecord> = {}): DataKeyRecord {
  return {
    id: `dk_${uniq()}`,
    tenant,
    purpose: 'value',
    subjectId: null,
    generation: 0,
    kekId: 'kek',
    kekVersion: 1,
    wrapped: randomBytes(61),
    uses: 0,
    createdAt: 1_700_000_000_000,
    destroyedAt: null,
    ...overrides,
  };
}

/**
 * Every TokenStore runs this suite against a real database. `setup` returns undefined to skip
 * (for example, no PostgreSQL reachable); the caller prints why.
 */
export function describeTokenStore(name: string, setup: () => Promise<TokenStoreFixture | undefined>): void {
  describe(`TokenStore contract: ${name}`, () => {
    let fixture: TokenStoreFixture | undefined;
    let store: TokenStore & AuditLog;
    beforeAll(async () => {
      fixture = await setup();
      if (fixture) store = fixture.store;
    });
    afterAll(async () => {
      await fixture?.cleanup();
    });

    it('stores and reads back every field, bytes intact, scoped by tenant', async (ctx) => {
      if (!fixture) return ctx.skip();
      const t = `t-${uniq()}`;
      const a = token(t, { subjectId: 'subj-1', expiresAt: 1_800_000_000_000, mode: 'deterministic' });
      const b = token(t, { conversationId: null, retentionClass: null });
      await store.putTokens([a, b], 'ignore');
      const found = await store.getTokens(t, [a.token, b.token, 'tok_missing']);
      expect(found.size).toBe(2);
      const got = found.get(a.token)!;
      expect({ ...got, sealed: Buffer.from(got.sealed) }).toEqual({ ...a, sealed: Buffer.from(a.sealed) });
      expect(found.get(b.token)).toMatchObject({
        conversationId: null,
        retentionClass: null,
        expiresAt: null,
      });
      expect((await store.getTokens(`other-${t}`, [a.token])).size).toBe(0);
    });

    it('reads tokens with their data keys in one call, missing keys left out', async (ctx) => {
      if (!fixture) return ctx.skip();
      const t = `t-${uniq()}`;
      const key = dataKey(t, { purpose: 'subject', subjectId: 's9' });
      await store.insertDataKey(key);
      const a = token(t, { dataKeyId: key.id });
      const b = token(t, { dataKeyId: key.id });
      const orphan = token(t, { dataKeyId: 'dk_gone' });
      await store.putTokens([a, b, orphan], 'ignore');
      const { tokens, keys } = await store.getTokensWithKeys(t, [a.token, b.token, orphan.token, 'tok_none']);
      expect([...tokens.keys()].sort()).toEqual([a.token, b.token, orphan.token].sort());
      expect([...keys.keys()]).toEqual([key.id]);
      const got = keys.get(key.id)!;
      expect({ ...got, wrapped: Buffer.from(got.wrapped!) }).toEqual({
        ...key,
        wrapped: Buffer.from(key.wrapped!),
      });
      expect(Buffer.from(tokens.get(a.token)!.sealed).equals(Buffer.from(a.sealed))).toBe(true);
      expect((await store.getTokensWithKeys(`other-${t}`, [a.token])).tokens.size).toBe(0);
    });

    it('ignores or replaces on conflict as asked', async (ctx) => {
      if (!fixture) return ctx.skip();
      const t = `t-${uniq()}`;
      const a = token(t);
      await store.putTokens([a], 'ignore');
      await store.putTokens([{ ...a, dataKeyId: 'dk_2', sealed: Buffer.from('x') }], 'ignore');
      expect((await store.getTokens(t, [a.token])).get(a.token)?.dataKeyId).toBe('dk_1');
      await store.putTokens([{ ...a, dataKeyId: 'dk_2', sealed: Buffer.from('replacement') }], 'replace');
      const after = (await store.getTokens(t, [a.token])).get(a.token)!;
      expect(after.dataKeyId).toBe('dk_2');
      expect(Buffer.from(after.sealed).toString()).toBe('replacement');
    });

    it('writes and reads large and repeated batches field for field (chunked, reused statements)', async (ctx) => {
      if (!fixture) return ctx.skip();
      const t = `t-${uniq()}`;
      // Varied fields, so a parameter shifted by one column or row in any chunk would show.
      const many = Array.from({ length: 1200 }, (_, i) =>
        token(t, {
          type: i % 2 ? 'EMAIL' : 'PHONE',
          subjectId: i % 3 ? `s${i}` : null,
          expiresAt: i % 5 ? null : 1_900_000_000_000 + i,
          createdAt: 1_700_000_000_000 + i,
        }),
      );
      await store.putTokens(many, 'ignore');
      const again = Array.from({ length: 500 }, (_, i) =>
        token(t, { conversationId: `c${i}`, retentionClass: null }),
      );
      await store.putTokens(again, 'ignore');
      const found = await store.getTokens(
        t,
        [...many, ...again].map((m) => m.token),
      );
      expect(found.size).toBe(1700);
      for (const expected of [...many, ...again]) {
        const got = found.get(expected.token)!;
        expect({ ...got, sealed: Buffer.from(got.sealed) }).toEqual({
          ...expected,
          sealed: Buffer.from(expected.sealed),
        });
      }
    });

    it('deletes one token and sweeps expired ones within the limit', async (ctx) => {
      if (!fixture) return ctx.skip();
      const t = `t-${uniq()}`;
      const keep = token(t, { expiresAt: 2_000 });
      const expired = [1, 2, 3].map(() => token(t, { expiresAt: 1_000 }));
      const single = token(t);
      await store.putTokens([keep, single, ...expired], 'ignore');
      expect(await store.deleteToken(t, single.token)).toBe(true);
      expect(await store.deleteToken(t, single.token)).toBe(false);
      let swept = 0;
      // Other suites' rows may also be due; sweep until this tenant's are gone, two at a time.
      for (let round = 0; round < 50; round++) {
        const n = await store.deleteExpired(1_500, 2);
        expect(n).toBeLessThanOrEqual(2);
        swept += n;
        if (n === 0) break;
      }
      expect(swept).toBeGreaterThanOrEqual(3);
      const left = await store.getTokens(t, [keep.token, ...expired.map((e) => e.token)]);
      expect([...left.keys()]).toEqual([keep.token]);
    });

    it('keeps data key generations unique and finds the latest', async (ctx) => {
      if (!fixture) return ctx.skip();
      const t = `t-${uniq()}`;
      const g0 = dataKey(t, { purpose: 'subject', subjectId: 's1' });
      expect(await store.insertDataKey(g0)).toBe(true);
      expect(await store.insertDataKey({ ...g0, id: `dk_${uniq()}` })).toBe(false);
      const g1 = dataKey(t, { purpose: 'subject', subjectId: 's1', generation: 1 });
      expect(await store.insertDataKey(g1)).toBe(true);
      expect((await store.latestDataKey(t, 'subject', 's1'))?.id).toBe(g1.id);
      expect(await store.latestDataKey(t, 'subject', 's2')).toBeUndefined();
      expect(await store.latestDataKey(t, 'value', null)).toBeUndefined();
      const got = (await store.getDataKeys([g0.id])).get(g0.id)!;
      expect({ ...got, wrapped: Buffer.from(got.wrapped!) }).toEqual({
        ...g0,
        wrapped: Buffer.from(g0.wrapped!),
      });
    });

    it('counts uses atomically', async (ctx) => {
      if (!fixture) return ctx.skip();
      const k = dataKey(`t-${uniq()}`);
      await store.insertDataKey(k);
      const totals = await Promise.all(Array.from({ length: 10 }, () => store.addDataKeyUses(k.id, 5)));
      expect(Math.max(...totals)).toBe(50);
      expect(new Set(totals).size).toBe(10);
    });

    it("destroys a subject's keys only", async (ctx) => {
      if (!fixture) return ctx.skip();
      const t = `t-${uniq()}`;
      const mine = dataKey(t, { purpose: 'subject', subjectId: 'alice' });
      const other = dataKey(t, { purpose: 'subject', subjectId: 'bob' });
      await store.insertDataKey(mine);
      await store.insertDataKey(other);
      expect(await store.destroySubjectKeys(t, 'alice', 5_000)).toEqual([mine.id]);
      expect(await store.destroySubjectKeys(t, 'alice', 6_000)).toEqual([]);
      const keys = await store.getDataKeys([mine.id, other.id]);
      expect(keys.get(mine.id)).toMatchObject({ wrapped: null, destroyedAt: 5_000 });
      expect(keys.get(other.id)?.wrapped).not.toBeNull();
      expect((await store.latestDataKey(t, 'subject', 'alice'))?.wrapped).toBeNull();
    });

    it('lists keys to rewrap in pages and updates them compare-and-set', async (ctx) => {
      if (!fixture) return ctx.skip();
      const kekId = `kek-${uniq()}`;
      const t = `t-${uniq()}`;
      const keys = [1, 2, 3, 4, 5].map((g) => dataKey(t, { kekId, generation: g }));
      keys.push(dataKey(t, { kekId, generation: 9, kekVersion: 2 }));
      keys.push(dataKey(t, { kekId, generation: 10, purpose: 'subject', subjectId: 'x', wrapped: null }));
      for (const k of keys) await store.insertDataKey(k);
      expect(await store.countDataKeysToRewrap(kekId, 2)).toBe(5);
      const page1 = await store.listDataKeysToRewrap(kekId, 2, '', 3);
      const page2 = await store.listDataKeysToRewrap(kekId, 2, page1[2]!.id, 3);
      expect(page1).toHaveLength(3);
      expect(page2).toHaveLength(2);
      expect([...page1, ...page2].map((k) => k.id)).toEqual(
        keys
          .slice(0, 5)
          .map((k) => k.id)
          .sort(),
      );
      const target = page1[0]!;
      const next = { kekId, kekVersion: 2, ciphertext: Buffer.from('rewrapped') };
      expect(await store.updateWrappedKey(target.id, 1, next)).toBe(true);
      expect(await store.updateWrappedKey(target.id, 1, next)).toBe(false);
      expect(await store.countDataKeysToRewrap(kekId, 2)).toBe(4);
      expect(Object.fromEntries(await store.kekVersionsInUse(kekId))).toEqual({ 1: 4, 2: 2 });
    });

    it('appends audit events and lists them newest first, by tenant', async (ctx) => {
      if (!fixture) return ctx.skip();
      const t = `t-${uniq()}`;
      const event = (n: number): AuditEvent => ({
        id: `aud_${uniq()}`,
        at: 1_700_000_000_000 + n,
        tenant: t,
        principal: 'alice',
        action: 'reveal',
        target: `tok_${n}`,
        type: 'EMAIL',
        purpose: 'support',
        level: 'masked',
        outcome: 'ok',
      });
      const third = event(3);
      await store.append([event(1), event(2)]);
      await store.append([third]);
      const listed = await store.list({ tenant: t, limit: 2 });
      expect(listed.map((e) => e.target)).toEqual(['tok_3', 'tok_2']);
      expect(listed[0]).toEqual(third);
    });

    it('reports stats', async (ctx) => {
      if (!fixture) return ctx.skip();
      const stats = await store.stats(Date.now());
      expect(stats.tokens).toBeGreaterThan(0);
      expect(stats.tokensByType.EMAIL).toBeGreaterThan(0);
      expect(stats.dataKeys).toBeGreaterThan(0);
      expect(stats.destroyedDataKeys).toBeGreaterThan(0);
      expect(stats.auditEvents).toBeGreaterThan(0);
    });
  });
}
