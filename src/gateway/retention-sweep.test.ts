import { afterAll, describe, expect, it } from 'vitest';
import { startGatewayHarness, type GatewayHarness } from './test-support/gateway-harness.js';

const DAY = 86_400_000;
let harness: GatewayHarness | undefined;
afterAll(async () => {
  await harness?.close();
});

describe('retention in the running gateway', () => {
  it('keeps a delivered message 8 days by default (its wamid still dedups), then deletes its rows', async () => {
    let now = Date.UTC(2026, 0, 1);
    harness = await startGatewayHarness({ gateway: { pipeline: { clock: () => now }, retentionSweepMs: 0 } });
    const gateway = await harness.open();
    const message = {
      tenant: harness.tenant.id,
      message: { id: 'wamid.keep', customer: '5511999990001', sentAt: 0, type: 'text' as const, text: 'olá' },
    };
    expect(await gateway.pipeline.receive([message])).toBe(1);
    await gateway.pipeline.idle();
    expect((await gateway.store.counts()).delivered).toBe(1);

    now += 7 * DAY; // still inside Meta's retry window: a retry is recognized
    expect(await gateway.sweepRetention()).toMatchObject({ inbox: 0, outbox: 0 });
    expect(await gateway.pipeline.receive([message])).toBe(0);

    now += 2 * DAY;
    expect(await gateway.sweepRetention()).toMatchObject({ inbox: 1, outbox: 1 });
    expect((await gateway.store.counts()).delivered).toBe(0);
  });
});
