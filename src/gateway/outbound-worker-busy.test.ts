import { afterAll, describe, expect, it } from 'vitest';
import { SqlGatewayStore } from '../adapters/stores/sql-gateway-store.js';
import { sqliteStore, type StoreUnderTest } from '../adapters/stores/test-support/databases.js';
import { OutboundWorker, type JobOutcome } from './outbound-worker.js';

let underTest: StoreUnderTest | undefined;
afterAll(async () => {
  await underTest?.cleanup();
});

describe('outbound worker and leases', () => {
  it('reports a lane busy while its job runs, so its lease is not handed over mid-send', async () => {
    underTest = await sqliteStore();
    const store = new SqlGatewayStore(underTest.store.db);
    await store.addOutboundJob({
      tenant: 't',
      kind: 'message',
      key: 'k1',
      lane: '5511',
      payload: '{}',
      createdAt: 0,
    });
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    let finish: (outcome: JobOutcome) => void = () => undefined;
    const handler = {
      run: () => {
        started();
        return new Promise<JobOutcome>((resolve) => (finish = resolve));
      },
      giveUp: async () => undefined,
    };
    const worker = new OutboundWorker({
      store,
      handlers: { message: handler, receipt: handler },
      clock: () => 0,
    });
    worker.kick();
    await running;
    expect(worker.busyWith((tenant, lane) => tenant === 't' && lane === '5511')).toBe(true);
    expect(worker.busyWith((_, lane) => lane === 'someone else')).toBe(false);
    finish({ kind: 'done' });
    await worker.idle();
    expect(worker.busyWith(() => true)).toBe(false);
    await worker.close();
  });
});
