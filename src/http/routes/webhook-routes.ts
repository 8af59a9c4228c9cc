import type { FastifyInstance } from 'fastify';
import { genesysWebhookRoutes, type GenesysWebhookDeps } from './webhooks-genesys.js';
import { whatsappWebhookRoutes, type WhatsAppWebhookDeps } from './webhooks-whatsapp.js';

/**
 * The channel and platform webhooks, in their own scope: there the JSON body is kept as raw bytes,
 * because both vendors sign the exact bytes they send and a re-serialised body would not verify.
 */
export function registerWebhookRoutes(
  app: FastifyInstance,
  deps: { readonly whatsapp: WhatsAppWebhookDeps; readonly genesys: GenesysWebhookDeps },
): void {
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    whatsappWebhookRoutes(scope, deps.whatsapp);
    genesysWebhookRoutes(scope, deps.genesys);
  });
}
