import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { VeilDatabase } from './schema.js';

/**
 * The embedded database: one file, WAL for concurrent readers, `synchronous=NORMAL` (durable at
 * checkpoints, the usual WAL trade-off), and `secure_delete` so deleted rows and destroyed keys are
 * overwritten with zeros instead of lingering in free pages.
 */
export function openSqliteDatabase(file: string): Kysely<VeilDatabase> {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('secure_delete = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<VeilDatabase>({ dialect: new SqliteDialect({ database }) });
}
