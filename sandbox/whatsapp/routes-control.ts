import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { newWamid } from '../common/ids.js';
import {
  injectedMessageSchema,
  isMediaMessage,
  webhookMessage,
  type StoredMediaRef,
} from './inbound-message.js';
import { sampleMedia } from './media-store.js';
import { templateCreateSchema, templateStatuses } from './template-schema.js';
import { inboundMessageWebhook } from './webhook-payloads.js';
import { whatsAppSettingsSchema } from './whatsapp-options.js';
import type { WhatsAppState } from './whatsapp-state.js';

/** The `/__sim` control API: inject customer messages, read the outbox, steer timing and faults. */
export function registerControlRoutes(app: FastifyInstance, state: WhatsAppState): void {
  app.get('/__sim/health', async () => ({
    status: 'ok',
    simulator: 'whatsapp',
    phoneNumberId: state.number.phoneNumberId,
    wabaId: state.number.wabaId,
    displayPhoneNumber: state.number.displayPhoneNumber,
    webhookUrl: state.settings.webhookUrl,
  }));

  app.post('/__sim/reset', async () => {
    state.reset();
    return { reset: true };
  });

  app.get('/__sim/outbox', async () => state.outbox.map((entry) => entry.body));

  app.get('/__sim/webhooks', async () =>
    state.deliverer
      .list()
      .map(({ body, ...delivery }) => ({ ...delivery, body: JSON.parse(body) as unknown })),
  );

  app.get('/__sim/config', async () => state.settings);
  app.post('/__sim/config', async (request, reply) => {
    const parsed = whatsAppSettingsSchema
      .partial()
      .extend({ retry: whatsAppSettingsSchema.shape.retry.partial().optional() })
      .safeParse(request.body ?? {});
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid settings', issues: parsed.error.issues });
    const { retry, ...rest } = parsed.data;
    // `retry` may be given in part; the rest of the schedule stays.
    state.updateSettings({
      ...rest,
      ...(retry === undefined ? {} : { retry: { ...state.settings.retry, ...retry } }),
    });
    return state.settings;
  });

  app.post('/__sim/clock', async (request, reply) => {
    const parsed = z.object({ advanceSeconds: z.number().min(0) }).safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'expected {"advanceSeconds": n}' });
    state.clock.advance(parsed.data.advanceSeconds * 1000);
    return { now: new Date(state.clock.now()).toISOString() };
  });

  app.post<{ Params: { waId: string } }>('/__sim/customers/:waId/messages', async (request, reply) => {
    const waId = request.params.waId;
    if (!/^[0-9]{8,15}$/.test(waId)) return reply.code(400).send({ error: 'wa_id must be 8-15 digits' });
    const parsed = injectedMessageSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid customer message', issues: parsed.error.issues });
    const message = parsed.data;

    let media: StoredMediaRef | undefined;
    if (isMediaMessage(message)) {
      const sample = sampleMedia[message.type];
      if (message.data !== undefined && message.mime_type === undefined) {
        return reply.code(400).send({ error: 'mime_type is required with data' });
      }
      const bytes =
        message.data !== undefined ? Buffer.from(message.data, 'base64') : (sample?.bytes ?? Buffer.alloc(0));
      const stored = state.media.add(
        bytes,
        message.mime_type ?? sample?.mimeType ?? '',
        message.filename ?? sample?.filename,
      );
      if (typeof stored === 'string') return reply.code(400).send({ error: stored });
      media = stored;
    }

    const replyTarget =
      message.context?.id ??
      (message.type === 'button' ? state.lastSentTo.get(waId)?.template : undefined) ??
      (message.type === 'interactive' ? state.lastSentTo.get(waId)?.interactive : undefined);
    if ((message.type === 'button' || message.type === 'interactive') && replyTarget === undefined) {
      return reply
        .code(400)
        .send({ error: `a ${message.type} reply needs a business message to answer (context.id)` });
    }

    const now = state.clock.now();
    const known = state.customers.get(waId);
    const name = message.name ?? known?.name ?? `Customer ${waId.slice(-4)}`;
    state.customers.set(waId, { name, lastMessageAt: now });
    const id = newWamid();
    const entry = webhookMessage(
      message,
      {
        id,
        from: waId,
        timestamp: Math.floor(now / 1000),
        ...(replyTarget === undefined
          ? {}
          : { context: { from: state.number.displayPhoneNumber, id: replyTarget } }),
      },
      media,
    );
    state.inboundIds.add(id);
    state.events.emit({ type: 'inbound.queued', id, waId });
    state.sendWebhook('message', inboundMessageWebhook(state.number, { waId, name }, entry), waId);
    return reply.code(202).send({ id });
  });

  app.post('/__sim/verify', async (request, reply) => {
    const url = state.settings.webhookUrl;
    if (!url) return reply.code(409).send({ error: 'no webhookUrl configured' });
    const body = z.object({ verifyToken: z.string().optional() }).safeParse(request.body ?? {});
    const token = (body.success ? body.data.verifyToken : undefined) ?? state.options.verifyToken;
    const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
    const target = new URL(url);
    target.searchParams.set('hub.mode', 'subscribe');
    target.searchParams.set('hub.challenge', challenge);
    target.searchParams.set('hub.verify_token', token);
    try {
      const response = await fetch(target, { signal: AbortSignal.timeout(10_000) });
      const text = await response.text();
      return { verified: response.status === 200 && text === challenge, status: response.status, challenge };
    } catch (error) {
      return { verified: false, error: error instanceof Error ? error.message : 'request failed', challenge };
    }
  });

  // Seed a template directly in a given status, skipping review (demos, other test suites).
  app.post('/__sim/templates', async (request, reply) => {
    const parsed = templateCreateSchema
      .extend({ status: z.enum(templateStatuses).default('APPROVED') })
      .safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid template', issues: parsed.error.issues });
    const { status, ...template } = parsed.data;
    if (state.templates.find(template.name, template.language))
      return reply.code(409).send({ error: 'template exists' });
    const record = state.templates.create(template, status);
    return reply.code(201).send({ id: record.id, status: record.status });
  });

  // Move a template to any status (e.g. PAUSED) and send the status-update webhook.
  app.post<{ Params: { idOrName: string } }>('/__sim/templates/:idOrName/status', async (request, reply) => {
    const parsed = z
      .object({
        event: z.enum(templateStatuses),
        reason: z.string().nullable().optional(),
        language: z.string().optional(),
      })
      .safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'expected {"event": STATUS, "reason"?, "language"?}' });
    const key = request.params.idOrName;
    const targets = state.templates
      .list()
      .filter((t) => t.id === key || t.name === key)
      .filter(
        (t) => parsed.data.language === undefined || t.language === parsed.data.language.replace('-', '_'),
      );
    if (targets.length === 0) return reply.code(404).send({ error: 'no such template' });
    for (const template of targets)
      state.setTemplateStatus(template, parsed.data.event, parsed.data.reason ?? 'NONE');
    return { updated: targets.map((t) => t.id) };
  });
}
