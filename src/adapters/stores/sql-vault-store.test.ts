import { describeTokenStore } from '../../core/vault/test-support/token-store-contract.js';
import { postgresStore, sqliteStore } from './test-support/databases.js';

describeTokenStore('SQLite (better-sqlite3, WAL)', sqliteStore);
describeTokenStore('PostgreSQL', postgresStore);
