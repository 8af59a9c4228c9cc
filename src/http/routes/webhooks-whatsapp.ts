import type { FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { toChannelMessage } from '../../adapters/channels/whatsapp/webhook-channel-message.js';
import { eventsFromWebhook, type StatusUpdate } from '../../adapters/channels/whatsapp/webhook-events.js';
import { verifyWhatsAppSignature } from '../../adapters/channels/whatsapp/webhook-signature.js';
import type { TenantMessage } from '../../gateway/channel-message.js';
import type { TemplateLifecycle } from '../../core/templates/lifecycle.js';
import { sameSecret, webhookProblem } from './webhook-support.js';
import { handleTemplateChanges } from './webhook-template-changes.js';

export interface WhatsAppWebhookTenant {
  readonly id: string;
  readonly phoneNumberId: string;
  readonly appSecret: string;
  readonly verifyToken: string;
}

export interface WhatsAppWebhookDeps {
  readonly tenants: readonly WhatsAppWebhookTenant[];
  /** Durably stores the messages (duplicates dropped); the route answers 200 only after it resolves. */
  receive(messages: readonly TenantMessage[]): Promise<unknown>;
  /** Statuses of messages Veil sent (receipts for the platform). */
  statuses?(updates: readonly { readonly tenant: string; readonly update: StatusUpdate }[]): Promise<void>;
  /** Template status/quality webhooks (src/core/templates/lifecycle.ts). */
  readonly templates?: Pick<TemplateLifecycle, 'handleTemplateWebhookChange'>;
}

/**
 * `GET /webhooks/whatsapp` (verification handshake) and `POST /webhooks/whatsapp` (contracts §1a–1c).
 * Must be registered in a scope whose JSON parser keeps the raw bytes (see webhook-routes.ts).
 */
export function whatsappWebhookRoutes(app: FastifyInstance, deps: WhatsAppWebhookDeps): void {
  const byNumber = new Map(deps.tenants.map((t) => [t.phoneNumberId, t]));
  const secrets = [...new Set(deps.tenants.map((t) => t.appSecret))];

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/webhooks/whatsapp',
    async (request, reply) => {
      const q = request.query;
      const token = q['hub.verify_token'] ?? '';
      const known = deps.tenants.some((t) => sameSecret(token, t.verifyToken));
      if (q['hub.mode'] !== 'subscribe' || !known || q['hub.challenge'] === undefined)
        return webhookProblem(reply, 403, 'VEIL_ERR_WEBHOOK_VERIFY_TOKEN', 'verification refused');
      // Echoed byte for byte: Meta's docs disagree on whether it is an int or a string.
      return reply.code(200).type('text/plain').send(q['hub.challenge']);
    },
  );

  app.post('/webhooks/whatsapp', async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = request.headers['x-hub-signature-256'];
    const signature = typeof header === 'string' ? header : undefined;
    // The app secret is per Meta app; every configured one is tried (each in constant time).
    const secret = secrets.find((s) => verifyWhatsAppSignature(s, raw, signature));
    if (secret === undefined)
      return webhookProblem(reply, 401, 'VEIL_ERR_WEBHOOK_SIGNATURE', 'X-Hub-Signature-256 does not match');
    let events;
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
      events = eventsFromWebhook(body);
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof ZodError)
        return webhookProblem(reply, 400, 'VEIL_ERR_WEBHOOK_BODY', 'not a WhatsApp webhook body');
      throw error;
    }
    // A number signed with another app's secret is not this sender's to speak for: ignored.
    const tenantOf = (phoneNumberId: string) => {
      const tenant = byNumber.get(phoneNumberId);
      return tenant !== undefined && tenant.appSecret === secret ? tenant : undefined;
    };
    const messages: TenantMessage[] = [];
    for (const event of events.messages) {
      const tenant = tenantOf(event.phoneNumberId);
      if (tenant) messages.push({ tenant: tenant.id, message: toChannelMessage(event) });
    }
    if (messages.length > 0) await deps.receive(messages);
    const statuses = events.statuses.flatMap((update) => {
      const tenant = tenantOf(update.phoneNumberId);
      return tenant ? [{ tenant: tenant.id, update }] : [];
    });
    if (statuses.length > 0 && deps.statuses) await deps.statuses(statuses);
    if (deps.templates) await handleTemplateChanges(body, deps.templates, request.log);
    return reply.code(200).send();
  });
}
