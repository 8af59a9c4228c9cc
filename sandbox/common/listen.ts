import type { FastifyInstance } from 'fastify';

/** Listens on loopback only (the simulators are never meant to face a network) and returns the base URL. */
export async function listenOnLoopback(
  app: FastifyInstance,
  port: number,
  host = '127.0.0.1',
): Promise<string> {
  await app.listen({ host, port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator did not bind a TCP port');
  return `http://${host}:${address.port}`;
}
