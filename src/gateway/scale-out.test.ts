import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../adapters/stores/postgres-database.js';
import { SqlGatewayStore } from '../adapters/stores/sql-gateway-store.js';
import {
  postgresStore,
  TEST_DATABASE_URL,
  type StoreUnderTest,
} from '../adapters/stores/test-support/databases.js';
import { encryptionConfig } from './encryption-config.js';
import type { GatewayEvent } from './inbound-pipeline.js';
import { InboundPipeline } from './inbound-pipeline.js';
import type { PlatformMessage } from './platform-message.js';

let underTest: StoreUnderTest | undefined;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await underTest?.cleanup();
});

const MESSAGES = 300;
const CUSTOMERS = 12;

describe('scale-out on PostgreSQL', () => {
  it('two gateway processes share one database: each conversation through one of them, in order, once', async () => {
    underTest = await postgresStore();
    if (!underTest) return; // PostgreSQL not provisioned: skipped with a notice
    const delivered: { by: number; message: PlatformMessage }[] = [];
    let total = 0;
    let allDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allDone = resolve));
    const pipelines = [0, 1].map((index) => {
      // Each "process" has its own connection pool to the same schema.
      const db =
        index === 0
          ? underTest!.store.db
          : openPostgresDatabase({ url: TEST_DATABASE_URL, schema: underTest!.schema!, maxConnections: 4 });
      if (index === 1) closers.push(() => db.destroy());
      const pipeline = new InboundPipeline({
        store: new SqlGatewayStore(db),
        tenants: new Map([
          [
            't',
            {
              id: 't',
              identity: { id: 'phone', name: 'as-is' },
              encryption: encryptionConfig('s', {
                authors: ['customer'],
                defaultOperator: 'redact',
                byType: {},
              }),
              platform: {
                deliver: async (message) => {
                  delivered.push({ by: index, message });
                  return { kind: 'delivered' };
                },
              },
              secureNotice: '{token}',
            },
          ],
        ]),
        protector: { protect: async (text) => text, vaultWhole: async (text) => text },
        shard: { index, count: 2 },
        pollMs: 20,
        onEvent: (event: GatewayEvent) => {
          if (event.type === 'delivered' && ++total === MESSAGES) allDone();
        },
      });
      closers.push(() => pipeline.close());
      return pipeline;
    });

    // All webhooks reach process 0 (one load balancer target); process 1 finds its share in the store.
    for (let i = 0; i < MESSAGES; i += 10) {
      await pipelines[0]!.receive(
        Array.from({ length: 10 }, (_, k) => ({
          tenant: 't',
          message: {
            id: `m${i + k}`,
            customer: `55${(i + k) % CUSTOMERS}`,
            sentAt: 0,
            type: 'text',
            text: `#${i + k}`,
          },
        })),
      );
    }
    await done;

    expect(delivered).toHaveLength(MESSAGES);
    expect(new Set(delivered.map((d) => d.message.id)).size).toBe(MESSAGES);
    expect(new Set(delivered.map((d) => d.by))).toEqual(new Set([0, 1])); // the work is shared
    for (let c = 0; c < CUSTOMERS; c++) {
      const mine = delivered.filter((d) => d.message.sender.id === `+55${c}`);
      expect(new Set(mine.map((d) => d.by)).size).toBe(1); // one process per conversation
      const numbers = mine.map((d) => Number(d.message.text.slice(1)));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  });
});
