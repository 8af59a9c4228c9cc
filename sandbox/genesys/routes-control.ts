import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { queueAgentMessage } from './agent-messages.js';
import { genesysSettingsSchema } from './genesys-options.js';
import type { GenesysState } from './genesys-state.js';

const agentMessageSchema = z
  .object({
    to: z.string().min(1).optional(),
    conversationId: z.string().min(1).optional(),
    text: z.string().min(1),
    nickname: z.string().min(1).optional(),
    purpose: z.enum(['agent', 'bot']).optional(),
    attachment: z.record(z.string(), z.unknown()).optional(),
  })
  .refine(
    (m) => m.to !== undefined || m.conversationId !== undefined,
    'either "to" or "conversationId" is required',
  );

/** The `/__sim` control API: what the platform saw, agent replies, timing, tokens, reset. */
export function registerControlRoutes(app: FastifyInstance, state: GenesysState): void {
  app.get('/__sim/health', async () => {
    const integration = state.defaultIntegration();
    return {
      status: 'ok',
      simulator: 'genesys',
      integrationId: integration.id,
      outboundWebhookUrl: integration.outboundNotificationWebhookUrl,
    };
  });

  app.post('/__sim/reset', async () => {
    state.reset();
    return { reset: true };
  });

  app.get('/__sim/inbound', async () => state.inbound);
  app.get('/__sim/inbound-events', async () => state.inboundEvents);
  app.get('/__sim/receipts', async () => state.receipts);
  app.get('/__sim/outbound', async () => state.outbound);
  app.get('/__sim/conversations', async () =>
    [...state.conversations.values()].map((c) => ({
      ...c,
      messages: state.interactions.get(c.id)?.messages ?? [],
    })),
  );
  app.get('/__sim/webhooks', async () =>
    state.deliverer
      .list()
      .map(({ body, ...delivery }) => ({ ...delivery, body: JSON.parse(body) as unknown })),
  );
  app.get('/__sim/interactions/pii', async () => state.interactions.pii());

  app.post('/__sim/agent/messages', async (request, reply) => {
    const parsed = agentMessageSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid agent message', issues: parsed.error.issues });
    const queued = queueAgentMessage(state, state.defaultIntegration(), parsed.data);
    if ('error' in queued) return reply.code(queued.status ?? 400).send({ error: queued.error });
    return reply.code(202).send(queued);
  });

  app.get('/__sim/config', async () => state.settings);
  app.post('/__sim/config', async (request, reply) => {
    const parsed = genesysSettingsSchema
      .partial()
      .extend({
        retry: genesysSettingsSchema.shape.retry.partial().optional(),
        outboundWebhookUrl: z.url().nullable().optional(),
        webhookSecret: z.string().min(1).optional(),
      })
      .safeParse(request.body ?? {});
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid settings', issues: parsed.error.issues });
    const { outboundWebhookUrl, webhookSecret, retry, ...settings } = parsed.data;
    // `retry` may be given in part; the rest of the schedule stays.
    state.updateSettings({
      ...settings,
      ...(retry === undefined ? {} : { retry: { ...state.settings.retry, ...retry } }),
    });
    const integration = state.defaultIntegration();
    if (outboundWebhookUrl !== undefined) integration.outboundNotificationWebhookUrl = outboundWebhookUrl;
    if (webhookSecret !== undefined)
      integration.outboundNotificationWebhookSignatureSecretToken = webhookSecret;
    return { ...state.settings, outboundWebhookUrl: integration.outboundNotificationWebhookUrl };
  });

  app.post('/__sim/clock', async (request, reply) => {
    const parsed = z.object({ advanceSeconds: z.number().min(0) }).safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'expected {"advanceSeconds": n}' });
    state.clock.advance(parsed.data.advanceSeconds * 1000);
    return { now: new Date(state.clock.now()).toISOString() };
  });

  app.post('/__sim/tokens/expire', async () => ({ expired: state.tokens.expireAll(state.clock.now()) }));
}
