import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresDatabase } from '../postgres-database.js';
import { openSqliteDatabase } from '../sqlite-database.js';
import { SqlVaultStore } from '../sql-vault-store.js';

/** What scripts/provision.sh creates; override with VEIL_TEST_DATABASE_URL. */
// Test-only knob (test-support is test code, like *.test.ts, which the lint rule already exempts).
export const TEST_DATABASE_URL =
  process.env.VEIL_TEST_DATABASE_URL ?? 'postgres://veil_test:veil_test@127.0.0.1:5432/veil_test';

export interface StoreUnderTest {
  readonly store: SqlVaultStore;
  /** The SQLite file, for byte searches. */
  readonly file?: string;
  /** The PostgreSQL schema holding this run's tables. */
  readonly schema?: string;
  cleanup(): Promise<void>;
}

export async function sqliteStore(): Promise<StoreUnderTest> {
  const dir = mkdtempSync(path.join(tmpdir(), 'veil-store-'));
  const file = path.join(dir, 'veil.db');
  const store = await SqlVaultStore.open(openSqliteDatabase(file), 'sqlite');
  return {
    store,
    file,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let reachable: Promise<boolean> | undefined;

/** True when the test PostgreSQL answers; prints a visible notice once when it does not. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      console.warn(
        `\n*** PostgreSQL tests SKIPPED: no server at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} ` +
          `(${error instanceof Error ? error.message : String(error)}). Run scripts/provision.sh as root. ***\n`,
      );
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** A fresh schema per call, dropped on cleanup, so runs never see each other's rows. */
export async function postgresStore(): Promise<StoreUnderTest | undefined> {
  if (!(await postgresReachable())) return undefined;
  const schema = `veil_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = await SqlVaultStore.open(
    openPostgresDatabase({ url: TEST_DATABASE_URL, schema, maxConnections: 4 }),
    'postgres',
  );
  return {
    store,
    schema,
    cleanup: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}
