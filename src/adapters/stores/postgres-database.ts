import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { VeilDatabase } from './schema.js';

export interface PostgresOptions {
  readonly url: string;
  /** Optional schema (search_path), used by tests to isolate runs. */
  readonly schema?: string;
  readonly maxConnections?: number;
}

/** PostgreSQL for several Veil nodes sharing one vault. */
export function openPostgresDatabase(options: PostgresOptions): Kysely<VeilDatabase> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  return new Kysely<VeilDatabase>({ dialect: new PostgresDialect({ pool }) });
}
