import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { installFaults } from '../common/faults.js';
import { acceptEmptyJson } from '../common/json-parser.js';
import { listenOnLoopback } from '../common/listen.js';
import type { SimEvents } from '../common/sim-events.js';
import { graphCodes, graphError } from './graph-error.js';
import { sendGraphError, unsupported } from './graph-route-helpers.js';
import { registerControlRoutes } from './routes-control.js';
import { registerMediaRoutes } from './routes-media.js';
import { registerMessageRoutes } from './routes-messages.js';
import { registerTemplateRoutes } from './routes-templates.js';
import type { WhatsAppSimOptions } from './whatsapp-options.js';
import { WhatsAppState, type WhatsAppSimEvent } from './whatsapp-state.js';

export interface WhatsAppSim {
  readonly app: FastifyInstance;
  readonly state: WhatsAppState;
  readonly events: SimEvents<WhatsAppSimEvent>;
  /** Starts listening on loopback (port 0 = any free port); returns the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Base URL once listening. */
  url(): string;
  close(): Promise<void>;
}

/** Builds the WhatsApp Cloud API simulator without listening (tests may use `app.inject`). */
export function buildWhatsAppSim(options: WhatsAppSimOptions): WhatsAppSim {
  const state = new WhatsAppState(options);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 110 * 1024 * 1024 });
  acceptEmptyJson(app);
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  installFaults(app, state.faults, {
    serverError: (reply, status) =>
      sendGraphError(reply, graphError(graphCodes.serverError, 'injected fault', status)),
    rateLimited: (reply) => sendGraphError(reply, graphError(graphCodes.throughput, 'injected rate limit')),
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/__sim')) return undefined;
    if (!bearerAccepted(request.headers.authorization, options.accessToken)) {
      return sendGraphError(reply, graphError(graphCodes.invalidToken));
    }
    return undefined;
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (request.url.startsWith('/__sim')) return reply.code(status).send({ error: error.message });
    return sendGraphError(
      reply,
      status < 500
        ? graphError(graphCodes.invalidParameter, error.message, status)
        : graphError(graphCodes.serverError),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    request.url.startsWith('/__sim')
      ? reply.code(404).send({ error: 'no such control endpoint' })
      : sendGraphError(reply, unsupported(request.method, request.url.split('?')[0] ?? '')),
  );

  registerControlRoutes(app, state);
  registerMessageRoutes(app, state);
  registerMediaRoutes(app, state);
  registerTemplateRoutes(app, state);

  let baseUrl: string | undefined;
  return {
    app,
    state,
    events: state.events,
    async listen(port = 0, host = '127.0.0.1') {
      baseUrl = await listenOnLoopback(app, port, host);
      return baseUrl;
    },
    url() {
      if (!baseUrl) throw new Error('the WhatsApp simulator is not listening');
      return baseUrl;
    },
    async close() {
      await state.close();
      await app.close();
    },
  };
}

/** Constant-time bearer check; without a configured token any non-empty bearer token passes. */
function bearerAccepted(header: string | undefined, expected: string | undefined): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  if (expected === undefined) return true;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(expected));
}
