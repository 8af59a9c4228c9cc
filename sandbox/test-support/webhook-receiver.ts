import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { SimEvents } from '../common/sim-events.js';

/** A callback endpoint for tests: records raw bodies and headers, answers with scripted statuses. */
export interface ReceivedWebhook {
  readonly type: 'received';
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: Buffer;
  readonly json: unknown;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly events: SimEvents<ReceivedWebhook>;
  /** Statuses for the next requests, in order; afterwards every request gets 200. */
  respondWith(...statuses: number[]): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(verifyToken?: string): Promise<WebhookReceiver> {
  const events = new SimEvents<ReceivedWebhook>();
  const scripted: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (request.method === 'GET') {
        const query = new URL(request.url ?? '/', 'http://x').searchParams;
        const ok = query.get('hub.mode') === 'subscribe' && query.get('hub.verify_token') === verifyToken;
        response.writeHead(ok ? 200 : 403).end(ok ? (query.get('hub.challenge') ?? '') : 'forbidden');
        return;
      }
      let json: unknown = undefined;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        json = undefined;
      }
      const status = scripted.shift() ?? 200;
      events.emit({
        type: 'received',
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        raw,
        json,
      });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('receiver did not bind');
  return {
    url: `http://127.0.0.1:${address.port}/webhook`,
    events,
    respondWith: (...statuses) => scripted.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
