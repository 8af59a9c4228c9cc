import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqliteDatabase } from './sqlite-database.js';

describe('openSqliteDatabase', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function synchronousOf(setting?: 'normal' | 'full'): Promise<number> {
    dir ??= await mkdtemp(path.join(os.tmpdir(), 'veil-sqlite-'));
    const db = openSqliteDatabase(path.join(dir, `${setting ?? 'default'}.db`), { synchronous: setting });
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

  it('background checkpoints: commits never checkpoint, a worker thread copies the WAL into the file', async () => {
    dir ??= await mkdtemp(path.join(os.tmpdir(), 'veil-sqlite-'));
    const file = path.join(dir, 'background.db');
    const db = openSqliteDatabase(file, { backgroundCheckpoints: true });
    try {
      const { rows } = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(db);
      expect(rows[0]!.wal_autocheckpoint).toBe(0);
      await sql`create table filler (x blob)`.execute(db);
      for (let i = 0; i < 64; i++) await sql`insert into filler values (randomblob(4096))`.execute(db);
      // Only a checkpoint writes pages into the database file itself; nothing here does one.
      await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(64 * 4096), {
        timeout: 10_000,
        interval: 50,
      });
    } finally {
      await db.destroy();
    }
  });
});
