import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SimEvents } from './sim-events.js';
import { retryDelayMs, WebhookDeliverer, type DeliveryEvent, type RetryPolicy } from './webhook-delivery.js';

const policy: RetryPolicy = {
  maxAttempts: 3,
  firstRetryDelayMs: 0,
  baseDelayMs: 1,
  backoffFactor: 2,
  maxDelayMs: 1000,
  timeoutMs: 200,
};

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('retry schedule', () => {
  it('retries first immediately, then backs off exponentially up to the cap', () => {
    const meta: RetryPolicy = { ...policy, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5, 6].map((retry) => retryDelayMs(meta, retry))).toEqual([
      0, 1000, 2000, 4000, 5000, 5000,
    ]);
  });
});

describe('WebhookDeliverer', () => {
  it('treats a callback that does not answer in time as a failed attempt and retries', async () => {
    let requests = 0;
    server = createServer((request, response) => {
      requests += 1;
      request.resume();
      // The first request is left hanging until the deliverer's timeout.
      if (requests > 1) response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const events = new SimEvents<DeliveryEvent>();
    const deliverer = new WebhookDeliverer(
      () => policy,
      { accepted: (s) => s === 200, retryable: () => true },
      (e) => events.emit(e),
    );
    deliverer.enqueue({
      kind: 'test',
      url: `http://127.0.0.1:${port}/`,
      body: Buffer.from('{}'),
      headers: {},
    });
    const delivered = await events.waitFor((e) => e.type === 'webhook.delivered');
    expect(delivered.delivery.attempts.map((a) => a.status ?? a.error)).toEqual(['timeout', 200]);
    await deliverer.close();
  });

  it('keeps one order key in order even when an earlier delivery needs retries', async () => {
    const seen: string[] = [];
    let failFirst = true;
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (failFirst) {
          failFirst = false;
          response.writeHead(500).end();
          return;
        }
        seen.push(body);
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const deliverer = new WebhookDeliverer(
      () => policy,
      { accepted: (s) => s === 200, retryable: () => true },
      () => undefined,
    );
    for (const n of [1, 2, 3])
      deliverer.enqueue({ kind: 'k', url, body: Buffer.from(String(n)), headers: {}, orderKey: 'customer' });
    await deliverer.idle();
    expect(seen).toEqual(['1', '2', '3']);
    await deliverer.close();
  });
});

describe('SimEvents', () => {
  it('keeps positions meaningful after trimming old events', async () => {
    const events = new SimEvents<{ type: string; n: number }>(10);
    for (let n = 0; n < 25; n += 1) events.emit({ type: 'x', n });
    expect(events.all().length).toBeLessThanOrEqual(11);
    const mark = events.mark();
    expect(mark).toBe(25);
    const waited = events.waitFor((e) => e.n >= 0, { since: mark });
    events.emit({ type: 'x', n: 25 });
    expect((await waited).n).toBe(25);
  });
});
