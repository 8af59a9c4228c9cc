import { afterEach, describe, expect, it } from 'vitest';
import { ControlledDelay, EventRecorder } from './test-support/event-recorder.js';
import {
  customerSays,
  getJson,
  postJson,
  startGatewayHarness,
  type Json,
  type GatewayHarness,
} from './test-support/gateway-harness.js';

let harness: GatewayHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const inboundIds = async (h: GatewayHarness): Promise<string[]> =>
  (await getJson(`${h.sandbox.urls.genesys}/__sim/inbound`)).map((m: Json) => m.channel.messageId as string);

const faults = (h: GatewayHarness, body: Json) => postJson(`${h.sandbox.urls.genesys}/__sim/faults`, body);

async function start(delay: ControlledDelay, recorder: EventRecorder): Promise<GatewayHarness> {
  const h = await startGatewayHarness({
    gateway: {
      pipeline: { delay: delay.delay, clock: delay.clock, onEvent: recorder.onEvent, random: () => 0 },
    },
  });
  await h.open();
  // A first message so the OAuth token is cached: faults below then hit the delivery itself.
  await customerSays(h, { type: 'text', text: 'olá' });
  await h.gateway().pipeline.idle();
  return h;
}

describe('delivery to Genesys', () => {
  it('fetches a new OAuth token when the platform answers 401, without counting a retry', async () => {
    const recorder = new EventRecorder();
    harness = await start(new ControlledDelay(true), recorder);
    expect(harness.gateway().tokens.get('sandbox')!.fetched).toBe(1);
    await postJson(`${harness.sandbox.urls.genesys}/__sim/tokens/expire`, {});
    const id = await customerSays(harness, { type: 'text', text: 'de novo' });
    await harness.gateway().pipeline.idle();
    expect(harness.gateway().tokens.get('sandbox')!.fetched).toBe(2);
    expect(recorder.of('retry')).toEqual([]);
    expect(recorder.of('delivered').find((e) => e.id === id)?.attempts).toBe(1);
    expect(await inboundIds(harness)).toContain(id);
  });

  it('waits as long as Retry-After says on 429', async () => {
    const delay = new ControlledDelay(true);
    const recorder = new EventRecorder();
    harness = await start(delay, recorder);
    await faults(harness, { rateLimitNext: 1, retryAfterSeconds: 7 });
    const id = await customerSays(harness, { type: 'text', text: 'tudo bem?' });
    await harness.gateway().pipeline.idle();
    expect(delay.requested).toEqual([7000]);
    expect(recorder.of('delivered').find((e) => e.id === id)?.attempts).toBe(2);
  });

  it('backs off exponentially on 5xx, then opens the circuit after repeated failures', async () => {
    const delay = new ControlledDelay(true);
    const recorder = new EventRecorder();
    harness = await start(delay, recorder);
    await faults(harness, { failNext: 6, failStatus: 503 });
    const id = await customerSays(harness, { type: 'text', text: 'alô' });
    await harness.gateway().pipeline.idle();
    // random() = 0 → half the ceiling: 250 ms doubling. The 5th consecutive failure opens the
    // circuit for 5 s, so after its 2 s backoff the lane waits 3 s more; the 6th reopens it.
    const retries = recorder.of('retry').map((e) => e.delayMs);
    expect(retries).toEqual([125, 250, 500, 1000, 2000, 4000]);
    expect(delay.requested).toEqual([125, 250, 500, 1000, 2000, 3000, 4000, 1000]);
    expect(recorder.of('delivered').find((e) => e.id === id)?.attempts).toBe(7);
    expect((await inboundIds(harness)).filter((x) => x === id)).toHaveLength(1);
  });

  it('keeps order within a conversation while another conversation goes on', async () => {
    const delay = new ControlledDelay(false);
    const recorder = new EventRecorder();
    harness = await start(delay, recorder);
    await faults(harness, { failNext: 1, failStatus: 503 });
    const a1 = await customerSays(harness, { type: 'text', text: 'um' });
    await recorder.waitFor((e) => e.type === 'retry' && e.id === a1);
    const a2 = await customerSays(harness, { type: 'text', text: 'dois' });
    const a3 = await customerSays(harness, { type: 'text', text: 'três' });
    const b1 = await customerSays(harness, { type: 'text', text: 'outra pessoa' }, '5521999990000');
    await recorder.waitFor((e) => e.type === 'delivered' && e.id === b1);
    expect(await inboundIds(harness)).not.toContain(a2);
    delay.release();
    await harness.gateway().pipeline.idle();
    const order = (await inboundIds(harness)).filter((x) => [a1, a2, a3].includes(x));
    expect(order).toEqual([a1, a2, a3]);
  });

  it('replays undelivered outbox rows after a restart on the same database, each delivered once', async () => {
    const delay = new ControlledDelay(false);
    const recorder = new EventRecorder();
    harness = await start(delay, recorder);
    await faults(harness, { failNext: 1000, failStatus: 503 });
    const ids = [
      await customerSays(harness, { type: 'text', text: 'primeira' }),
      await customerSays(harness, { type: 'text', text: 'segunda' }),
      await customerSays(harness, { type: 'text', text: 'de outro cliente' }, '5521999990000'),
    ];
    await recorder.waitFor((e) => e.type === 'retry' && e.id === ids[2]);
    await harness.closeGateway();
    await postJson(`${harness.sandbox.urls.genesys}/__sim/faults`, { failNext: 0 });
    expect(await inboundIds(harness)).not.toContain(ids[0]);

    const reopened = await harness.open({ pipeline: {} });
    await reopened.pipeline.idle();
    const delivered = (await inboundIds(harness)).filter((x) => ids.includes(x));
    expect([...delivered].sort()).toEqual([...ids].sort());
    expect(delivered.indexOf(ids[0]!)).toBeLessThan(delivered.indexOf(ids[1]!));
    expect(await reopened.store.counts()).toMatchObject({ outboxPending: 0, inboxPending: 0, delivered: 4 });
  });

  it('a redelivery after a crash between platform acceptance and bookkeeping keeps one platform copy', async () => {
    harness = await startGatewayHarness();
    const first = await harness.open();
    const id = await customerSays(harness, { type: 'text', text: 'só uma vez' });
    await first.pipeline.idle();
    // As if the process died after Genesys answered 200 but before the row was marked delivered.
    await first.vault.store.db
      .withTables<{ gateway_outbox: { id: string; state: string } }>()
      .updateTable('gateway_outbox')
      .set({ state: 'pending' })
      .where('id', '=', id)
      .execute();
    await harness.closeGateway();
    const second = await harness.open();
    await second.pipeline.idle();
    expect((await inboundIds(harness)).filter((x) => x === id)).toHaveLength(2); // sent twice…
    const conversations = await getJson(`${harness.sandbox.urls.genesys}/__sim/conversations`);
    const copies = conversations
      .flatMap((c: Json) => c.messages as Json[])
      .filter((m: Json) => JSON.stringify(m).includes('só uma vez'));
    expect(copies).toHaveLength(1); // …seen once, thanks to the stable channel.messageId
  });
});
