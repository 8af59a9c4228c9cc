import Fastify, { type FastifyInstance } from 'fastify';
import { installFaults } from '../common/faults.js';
import { acceptEmptyJson } from '../common/json-parser.js';
import { listenOnLoopback } from '../common/listen.js';
import type { SimEvents } from '../common/sim-events.js';
import { sendGenesysError, sendRateLimited } from './genesys-error.js';
import type { GenesysSimOptions } from './genesys-options.js';
import { GenesysState, type GenesysSimEvent } from './genesys-state.js';
import { registerApiRoutes } from './routes-api.js';
import { registerControlRoutes } from './routes-control.js';
import { registerOAuth } from './routes-oauth.js';

export interface GenesysSim {
  readonly app: FastifyInstance;
  readonly state: GenesysState;
  readonly events: SimEvents<GenesysSimEvent>;
  readonly integrationId: string;
  listen(port?: number, host?: string): Promise<string>;
  url(): string;
  close(): Promise<void>;
}

/** Builds the Genesys Cloud simulator without listening. */
export function buildGenesysSim(options: GenesysSimOptions): GenesysSim {
  const state = new GenesysState(options);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 30 * 1024 * 1024 });
  acceptEmptyJson(app);

  installFaults(app, state.faults, {
    serverError: (reply, status) =>
      sendGenesysError(reply, status, 'internal.server.error', 'Injected fault'),
    rateLimited: (reply, retryAfterSeconds) => sendRateLimited(reply, retryAfterSeconds),
  });
  registerOAuth(app, state);

  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (request.url.startsWith('/__sim')) return reply.code(status).send({ error: error.message });
    return sendGenesysError(
      reply,
      status,
      status < 500 ? 'bad.request' : 'internal.server.error',
      error.message,
    );
  });
  app.setNotFoundHandler((request, reply) =>
    request.url.startsWith('/__sim')
      ? reply.code(404).send({ error: 'no such control endpoint' })
      : sendGenesysError(
          reply,
          404,
          'not.found',
          `No resource at ${request.method} ${request.url.split('?')[0]}`,
        ),
  );

  registerControlRoutes(app, state);
  registerApiRoutes(app, state);

  let baseUrl: string | undefined;
  return {
    app,
    state,
    events: state.events,
    integrationId: state.defaultIntegration().id,
    async listen(port = 0, host = '127.0.0.1') {
      baseUrl = await listenOnLoopback(app, port, host);
      return baseUrl;
    },
    url() {
      if (!baseUrl) throw new Error('the Genesys simulator is not listening');
      return baseUrl;
    },
    async close() {
      await state.close();
      await app.close();
    },
  };
}
