import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { VeilDatabase } from './schema.js';
import { startBackgroundCheckpoints } from './sqlite-checkpointer.js';

/** Automatic checkpoint threshold in pages (4 KiB): 64 MiB of WAL. */
const AUTO_CHECKPOINT_PAGES = 16384;

export interface SqliteOptions {
  /** `full` adds an fsync per commit (power-loss durability); `normal` survives a process crash. */
  readonly synchronous?: 'normal' | 'full';
  /**
   * Checkpoint the WAL from a worker thread instead of inside commits (long-running servers: a
   * checkpoint inside a commit stalls the event loop). Off for short CLI runs, which would pay a
   * thread start for nothing.
   */
  readonly backgroundCheckpoints?: boolean;
}

/**
 * The embedded database: one file, WAL for concurrent readers, `synchronous=NORMAL` by default (the
 * usual WAL setting: a process crash loses no committed transaction, a power loss may lose the last
 * ones; `full` adds an fsync per commit for power-loss durability), and
 * `secure_delete` so deleted rows and destroyed keys are overwritten with zeros instead of lingering
 * in free pages.
 */
export function openSqliteDatabase(file: string, options: SqliteOptions = {}): Kysely<VeilDatabase> {
  const synchronous = options.synchronous ?? 'normal';
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Only Veil's user may read the file, even in a data directory others can list (mode applies on creation).
  closeSync(openSync(file, 'a', 0o600));
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  database.pragma('secure_delete = ON');
  database.pragma('busy_timeout = 5000');
  // Checkpoint (copy WAL into the database and fsync) every 64 MiB of WAL instead of every 4 MiB:
  // on virtual disks the fsync dominates batch writes, and measured throughput rises by about half.
  // In the background instead, when asked: the commits then never checkpoint.
  database.pragma(`wal_autocheckpoint = ${options.backgroundCheckpoints ? 0 : AUTO_CHECKPOINT_PAGES}`);
  // The WAL file is reused after a checkpoint, not shrunk: cap what it keeps on disk.
  database.pragma('journal_size_limit = 67108864');
  const checkpoints = options.backgroundCheckpoints
    ? startBackgroundCheckpoints(file, () => {
        if (database.open) database.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      })
    : undefined;
  return new Kysely<VeilDatabase>({
    dialect: new SqliteDialect({ database: withStatementCache(database, () => checkpoints?.stop()) }),
  });
}

/**
 * Kysely prepares every query anew; the vault runs the same few SQL texts over and over (batch
 * inserts of one size, lookups), and preparing a 1,000-parameter insert costs as much as running
 * it. Prepared statements are therefore kept, least recently used dropped first. Safe because
 * Kysely runs one query at a time on this single connection and the vault never streams results.
 * 512 entries: the gateway's batched statements have one SQL text per row count (inbox, outbox,
 * delivered marks…), so under load a few hundred texts are live at once; at 128 they evicted each
 * other and were prepared again, which showed in the gateway's profile.
 */
function withStatementCache(
  database: Database.Database,
  beforeClose: () => void,
  size = 512,
): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      beforeClose();
      database.close();
    },
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
