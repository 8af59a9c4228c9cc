import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from './sqlite-database.js';

describe('openSqliteDatabase', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function synchronousOf(setting?: 'normal' | 'full'): Promise<number> {
    dir ??= await mkdtemp(path.join(os.tmpdir(), 'veil-sqlite-'));
    const db = openSqliteDatabase(path.join(dir, `${setting ?? 'default'}.db`), setting);
    try {
      const { rows } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
      return rows[0]!.synchronous;
    } finally {
      await db.destroy();
    }
  }

  it('syncs at WAL commits by default (NORMAL) and on every commit when asked (FULL)', async () => {
    expect(await synchronousOf()).toBe(1);
    expect(await synchronousOf('full')).toBe(2);
  });
});
