import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { sendGenesysError } from './genesys-error.js';
import type { GenesysState, Integration } from './genesys-state.js';
import { patchSchema, querySchema } from './interaction-model.js';
import {
  agentlessSchema,
  inboundEventSchema,
  inboundMessageSchema,
  inboundReceiptSchema,
  integrationCreateSchema,
} from './open-messaging-schema.js';
import { inboundReceiptBody } from './outbound-message.js';
import { queueAgentMessage } from './agent-messages.js';

/** The platform API under `/api/v2` (contracts §2b, and the sandbox's transcript surface). */
export function registerApiRoutes(app: FastifyInstance, state: GenesysState): void {
  const badRequest = (reply: FastifyReply, error: z.ZodError) =>
    sendGenesysError(
      reply,
      400,
      'bad.request',
      error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      error.issues.map((i) => ({ fieldName: i.path.join('.'), errorMessage: i.message })),
    );
  const integrationOr404 = (reply: FastifyReply, id: string): Integration | undefined => {
    const integration = state.integrations.get(id);
    if (!integration) sendGenesysError(reply, 404, 'not.found', `Integration ${id} not found`);
    return integration;
  };

  app.post<{ Params: { integrationId: string }; Querystring: { prefetchConversationId?: string } }>(
    '/api/v2/conversations/messages/:integrationId/inbound/open/message',
    async (request, reply) => {
      const integration = integrationOr404(reply, request.params.integrationId);
      if (!integration) return reply;
      const parsed = inboundMessageSchema.safeParse(request.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const body = parsed.data;
      state.inbound.push(request.body);
      const dedupKey =
        body.channel.messageId === undefined ? undefined : `${integration.id}:${body.channel.messageId}`;
      const seen = dedupKey === undefined ? undefined : state.seenMessageIds.get(dedupKey);
      if (seen) {
        state.events.emit({
          type: 'inbound.accepted',
          id: String(seen.id),
          conversationId: String(seen.conversationId),
          duplicate: true,
        });
        return withPrefetch(seen, request.query.prefetchConversationId);
      }
      const conversation = state.conversationFor(integration.id, body.channel.from);
      const id = randomUUID();
      const response: Record<string, unknown> = {
        id,
        channel: {
          ...body.channel,
          id: integration.id,
          platform: 'Open',
          type: 'Private',
          to: { id: integration.id },
        },
        type: 'Text',
        ...(body.text === undefined ? {} : { text: body.text }),
        ...(body.content === undefined ? {} : { content: body.content }),
        direction: 'Inbound',
        ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
        conversationId: conversation.id,
      };
      if (dedupKey !== undefined) state.seenMessageIds.set(dedupKey, response);
      state.record(conversation.id, 'customer', id, body.text ?? '');
      state.events.emit({ type: 'inbound.accepted', id, conversationId: conversation.id, duplicate: false });
      if (state.settings.receiptsForInbound) {
        const receipt = inboundReceiptBody(integration, conversation, {
          id,
          messageId: body.channel.messageId,
          time: new Date(state.clock.now()).toISOString(),
        });
        state.sendWebhook(integration, `receipt:${id}`, receipt, conversation.id);
      }
      return withPrefetch(response, request.query.prefetchConversationId);
    },
  );

  app.post<{ Params: { integrationId: string } }>(
    '/api/v2/conversations/messages/:integrationId/inbound/open/receipt',
    async (request, reply) => {
      if (!integrationOr404(reply, request.params.integrationId)) return reply;
      const parsed = inboundReceiptSchema.safeParse(request.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const message = state.outboundById.get(parsed.data.id);
      if (!message)
        return sendGenesysError(reply, 400, 'bad.request', `No outbound message with id ${parsed.data.id}`);
      state.receipts.push(request.body);
      message.receipts.push(request.body);
      message.status = parsed.data.status === 'Delivered' ? 'Delivered' : 'Failed';
      state.events.emit({ type: 'receipt.received', id: parsed.data.id, status: parsed.data.status });
      return { ...parsed.data, type: 'Receipt' };
    },
  );

  app.post<{ Params: { integrationId: string } }>(
    '/api/v2/conversations/messages/:integrationId/inbound/open/event',
    async (request, reply) => {
      if (!integrationOr404(reply, request.params.integrationId)) return reply;
      const parsed = inboundEventSchema.safeParse(request.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      state.inboundEvents.push(request.body);
      return { id: randomUUID(), ...parsed.data, type: 'Event' };
    },
  );

  app.post('/api/v2/conversations/messages/agentless', async (request, reply) => {
    const parsed = agentlessSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const integration = integrationOr404(reply, parsed.data.fromAddress);
    if (!integration) return reply;
    const queued = queueAgentMessage(state, integration, {
      to: parsed.data.toAddress,
      text: parsed.data.textBody,
      purpose: 'bot',
    });
    if ('error' in queued) return sendGenesysError(reply, 400, 'bad.request', queued.error);
    return reply
      .code(202)
      .send({ id: queued.id, conversationId: queued.conversationId, textBody: parsed.data.textBody });
  });

  registerIntegrationRoutes(app, state, badRequest, integrationOr404);

  app.post('/api/v2/interactions/query', async (request, reply) => {
    const parsed = querySchema.safeParse(request.body ?? {});
    if (!parsed.success) return badRequest(reply, parsed.error);
    const { pageSize, nextPage, interval, messengerType } = parsed.data;
    const filterKey = JSON.stringify([interval ?? null, messengerType ?? null]);
    let offset = 0;
    if (nextPage !== undefined) {
      const cursor = decodeCursor(nextPage);
      if (!cursor || cursor.filter !== filterKey) {
        return sendGenesysError(reply, 400, 'bad.request', 'nextPage is not a cursor for this query');
      }
      offset = cursor.offset;
    }
    const all = state.interactions.list({
      ...(interval ? { interval } : {}),
      ...(messengerType ? { messengerType } : {}),
    });
    const entities = all.slice(offset, offset + pageSize);
    const end = offset + entities.length;
    return {
      entities,
      pageSize,
      total: all.length,
      ...(end < all.length ? { nextPage: encodeCursor({ offset: end, filter: filterKey }) } : {}),
    };
  });

  app.get<{ Params: { id: string } }>('/api/v2/interactions/:id', async (request, reply) => {
    const interaction = state.interactions.get(request.params.id);
    return (
      interaction ?? sendGenesysError(reply, 404, 'not.found', `interaction ${request.params.id} not found`)
    );
  });

  app.patch<{ Params: { id: string } }>('/api/v2/interactions/:id', async (request, reply) => {
    const parsed = patchSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const outcome = state.interactions.patch(request.params.id, parsed.data.messages, parsed.data.version);
    if (!outcome.ok) return sendGenesysError(reply, outcome.status, outcome.code, outcome.message);
    state.events.emit({
      type: 'interaction.patched',
      id: outcome.interaction.id,
      version: outcome.interaction.version,
    });
    return outcome.interaction;
  });
}

function registerIntegrationRoutes(
  app: FastifyInstance,
  state: GenesysState,
  badRequest: (reply: FastifyReply, error: z.ZodError) => FastifyReply,
  integrationOr404: (reply: FastifyReply, id: string) => Integration | undefined,
): void {
  const base = '/api/v2/conversations/messaging/integrations/open';
  app.get(base, async () => {
    const entities = [...state.integrations.values()].map(integrationView);
    return { entities, pageSize: 25, pageNumber: 1, total: entities.length, pageCount: 1 };
  });
  app.post(base, async (request, reply) => {
    const parsed = integrationCreateSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const integration: Integration = {
      id: randomUUID(),
      name: parsed.data.name,
      outboundNotificationWebhookUrl: parsed.data.outboundNotificationWebhookUrl,
      outboundNotificationWebhookSignatureSecretToken:
        parsed.data.outboundNotificationWebhookSignatureSecretToken,
      webhookHeaders: parsed.data.webhookHeaders ?? {},
      dateCreated: new Date(state.clock.now()).toISOString(),
    };
    state.integrations.set(integration.id, integration);
    return reply.code(200).send(integrationView(integration));
  });
  app.get<{ Params: { id: string } }>(`${base}/:id`, async (request, reply) => {
    const integration = integrationOr404(reply, request.params.id);
    return integration ? integrationView(integration) : reply;
  });
  app.patch<{ Params: { id: string } }>(`${base}/:id`, async (request, reply) => {
    const integration = integrationOr404(reply, request.params.id);
    if (!integration) return reply;
    const parsed = integrationCreateSchema.partial().safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const patch = parsed.data;
    if (patch.name !== undefined) integration.name = patch.name;
    if (patch.outboundNotificationWebhookUrl !== undefined)
      integration.outboundNotificationWebhookUrl = patch.outboundNotificationWebhookUrl;
    if (patch.outboundNotificationWebhookSignatureSecretToken !== undefined) {
      integration.outboundNotificationWebhookSignatureSecretToken =
        patch.outboundNotificationWebhookSignatureSecretToken;
    }
    if (patch.webhookHeaders !== undefined) integration.webhookHeaders = patch.webhookHeaders;
    return integrationView(integration);
  });
  app.delete<{ Params: { id: string } }>(`${base}/:id`, async (request, reply) => {
    if (!integrationOr404(reply, request.params.id)) return reply;
    state.integrations.delete(request.params.id);
    return reply.code(204).send();
  });
}

/** The secret is write-only: responses never carry it. */
function integrationView(integration: Integration): Record<string, unknown> {
  return {
    id: integration.id,
    name: integration.name,
    outboundNotificationWebhookUrl: integration.outboundNotificationWebhookUrl,
    webhookHeaders: integration.webhookHeaders,
    recipient: { id: integration.id },
    status: 'Active',
    createStatus: 'Completed',
    dateCreated: integration.dateCreated,
    selfUri: `/api/v2/conversations/messaging/integrations/open/${integration.id}`,
  };
}

function withPrefetch(
  response: Record<string, unknown>,
  prefetch: string | undefined,
): Record<string, unknown> {
  if (prefetch === 'true') return response;
  const { conversationId: _omitted, ...rest } = response;
  return rest;
}

const encodeCursor = (cursor: { offset: number; filter: string }): string =>
  Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

function decodeCursor(value: string): { offset: number; filter: string } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (parsed !== null && typeof parsed === 'object' && 'offset' in parsed && 'filter' in parsed) {
      const { offset, filter } = parsed as { offset: unknown; filter: unknown };
      if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && typeof filter === 'string')
        return { offset, filter };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
