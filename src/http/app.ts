import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ApiKeys } from '../core/vault/api-keys.js';
import type { Vault } from '../core/vault/vault.js';
import { registerApiKeyAuth } from './api-key-auth.js';
import { registerProblemDetails } from './problem-details.js';
import { detokenizeRoute } from './routes/detokenize.js';
import { subjectsRoute } from './routes/subjects.js';
import { templateRoutes, type TemplateRoutesDeps } from './routes/template-routes.js';
import { tokenizeRoute } from './routes/tokenize.js';
import { tokensRoute } from './routes/tokens.js';

export interface AppDeps {
  readonly vault: Vault;
  readonly apiKeys: ApiKeys;
  /** Largest accepted body in bytes; larger requests get 413 before parsing. */
  readonly bodyLimit?: number;
  /** Fastify logger options; off by default. Request bodies are never logged. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Template statuses and sends (`GET /v1/templates`, `POST /v1/messages/template`); absent: not served. */
  readonly templates?: TemplateRoutesDeps;
}

/** The HTTP API. Builds, never listens: tests, the CLI and `serve` decide where it runs. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({ bodyLimit: deps.bodyLimit ?? 1_048_576, logger: deps.logger ?? false });
  registerProblemDetails(app);
  app.get('/healthz', async () => ({ ok: true }));
  app.register(
    async (v1) => {
      registerApiKeyAuth(v1, deps.apiKeys);
      tokenizeRoute(v1, deps.vault);
      detokenizeRoute(v1, deps.vault);
      tokensRoute(v1, deps.vault);
      subjectsRoute(v1, deps.vault);
      if (deps.templates) templateRoutes(v1, deps.templates);
    },
    { prefix: '/v1' },
  );
  return app;
}
