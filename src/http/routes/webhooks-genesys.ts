import type { FastifyInstance } from 'fastify';
import {
  outboundWebhookSchema,
  type OutboundWebhook,
} from '../../adapters/platforms/genesys/outbound-schema.js';
import { verifyGenesysSignature } from '../../adapters/platforms/genesys/webhook-signature.js';
import { webhookProblem } from './webhook-support.js';

export interface GenesysWebhookTenant {
  readonly id: string;
  readonly integrationId: string;
  readonly webhookSecret: string;
}

export interface GenesysWebhookDeps {
  readonly tenants: readonly GenesysWebhookTenant[];
  /** Handles one verified outbound message; the route answers 200 once it resolves. */
  handle(tenant: string, message: OutboundWebhook): Promise<void>;
}

/**
 * `POST /webhooks/genesys/{integration}`: the Open Messaging outbound webhook (contracts §2b),
 * signature checked over the raw body with the integration's secret. Answers 2xx for anything it
 * accepted, even when the customer could not be reached: Genesys fails the whole chat on a 4xx,
 * so a delivery failure goes back as a `Failed` receipt instead.
 */
export function genesysWebhookRoutes(app: FastifyInstance, deps: GenesysWebhookDeps): void {
  const byIntegration = new Map(deps.tenants.map((t) => [t.integrationId, t]));
  app.post<{ Params: { integration: string } }>('/webhooks/genesys/:integration', async (request, reply) => {
    const tenant = byIntegration.get(request.params.integration);
    if (!tenant) return webhookProblem(reply, 404, 'VEIL_ERR_WEBHOOK_INTEGRATION', 'unknown integration');
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = request.headers['x-hub-signature-256'];
    if (!verifyGenesysSignature(tenant.webhookSecret, raw, typeof header === 'string' ? header : undefined))
      return webhookProblem(reply, 401, 'VEIL_ERR_WEBHOOK_SIGNATURE', 'X-Hub-Signature-256 does not match');
    let parsed;
    try {
      parsed = outboundWebhookSchema.safeParse(JSON.parse(raw.toString('utf8')));
    } catch {
      return webhookProblem(reply, 400, 'VEIL_ERR_WEBHOOK_BODY', 'not JSON');
    }
    if (!parsed.success)
      return webhookProblem(reply, 400, 'VEIL_ERR_WEBHOOK_BODY', 'not an Open Messaging outbound message');
    await deps.handle(tenant.id, parsed.data);
    return reply.code(200).send();
  });
}
