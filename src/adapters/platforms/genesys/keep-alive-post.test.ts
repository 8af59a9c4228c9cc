import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { keepAlivePost, PostNetworkError } from './keep-alive-post.js';

/** A loopback server that records which connection each request came on. */
async function server(handle: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
  const sockets = new Set<unknown>();
  const seen: unknown[] = [];
  const bodies: string[] = [];
  const s = http.createServer((request, response) => {
    seen.push(request.socket);
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      handle(request, response);
    });
  });
  s.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/in`;
  return { s, url, seen, bodies, sockets };
}

describe('keepAlivePost', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('reuses one connection for sequential posts and reports status and headers', async () => {
    const srv = await server((_, response) => {
      response.writeHead(429, { 'retry-after': '3' });
      response.end('{"slow":"down"}');
    });
    const transport = keepAlivePost();
    cleanups.push(
      () => transport.close(),
      () => srv.s.close(),
    );
    const first = await transport.post(srv.url, { 'content-type': 'application/json' }, '{"n":1}', 5_000);
    const second = await transport.post(srv.url, { 'content-type': 'application/json' }, '{"n":2}', 5_000);
    expect([first.status, second.status]).toEqual([429, 429]);
    expect(first.header('Retry-After')).toBe('3');
    expect(first.header('x-missing')).toBeNull();
    expect(srv.bodies).toEqual(['{"n":1}', '{"n":2}']);
    expect(srv.seen[0]).toBe(srv.seen[1]);
  });

  it('sends again on a fresh connection when the server closed the idle one', async () => {
    const srv = await server((_, response) => {
      response.writeHead(200);
      response.end();
    });
    const transport = keepAlivePost();
    cleanups.push(
      () => transport.close(),
      () => srv.s.close(),
    );
    expect((await transport.post(srv.url, {}, 'a', 5_000)).status).toBe(200);
    // The server drops the pooled connection without telling the client's pool in time: the next
    // request may go out on the dead socket and must be retried once, not reported as a failure.
    for (const socket of srv.sockets) (socket as import('node:net').Socket).destroy();
    expect((await transport.post(srv.url, {}, 'b', 5_000)).status).toBe(200);
    expect(srv.bodies.at(-1)).toBe('b');
  });

  it('fails with a network error when the server does not answer in time', async () => {
    const srv = await server(() => undefined); // never answers
    const transport = keepAlivePost();
    cleanups.push(
      () => transport.close(),
      () => srv.s.closeAllConnections(),
      () => srv.s.close(),
    );
    await expect(transport.post(srv.url, {}, 'x', 50)).rejects.toBeInstanceOf(PostNetworkError);
  });

  it('fails with a network error when nothing listens', async () => {
    const srv = await server(() => undefined);
    const url = srv.url;
    await new Promise((resolve) => srv.s.close(resolve));
    const transport = keepAlivePost();
    cleanups.push(() => transport.close());
    await expect(transport.post(url, {}, 'x', 5_000)).rejects.toMatchObject({ reason: 'ECONNREFUSED' });
  });
});
