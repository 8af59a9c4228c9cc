import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ApiKeys } from '../../core/vault/api-keys.js';
import { SqlApiKeyStore } from './sql-api-key-store.js';
import { postgresStore, sqliteStore, type StoreUnderTest } from './test-support/databases.js';

for (const [name, open] of [
  ['SQLite', sqliteStore],
  ['PostgreSQL', postgresStore],
] as const) {
  describe(`API keys on ${name}`, () => {
    let db: StoreUnderTest | undefined;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => db?.cleanup());

    it('issues a key shown once, stores only its digest, verifies, and revokes', async (ctx) => {
      if (!db) return ctx.skip();
      const repo = new SqlApiKeyStore(db.store.db);
      const keys = new ApiKeys(repo, () => 42);
      const { key, record } = await keys.issue('acme', ['agent'], 'console');
      expect(key).toMatch(/^vk_[a-z2-7]{16}\.[a-z2-7]{52}$/);
      const stored = await repo.findApiKey(record.id);
      expect(JSON.stringify(stored)).not.toContain(key.split('.')[1]);
      expect(await keys.verify(key)).toEqual({ id: `apikey:${record.id}`, tenant: 'acme', roles: ['agent'] });
      const wrongSecret = key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a');
      expect(await keys.verify(wrongSecret)).toBeUndefined();
      expect(await keys.verify('vk_nope')).toBeUndefined();
      expect((await keys.list('acme')).map((k) => k.id)).toEqual([record.id]);
      expect(await keys.revoke(record.id)).toBe(true);
      expect(await keys.verify(key)).toBeUndefined();
    });
  });
}
