import type { FastifyInstance } from 'fastify';
import { newWamid } from '../common/ids.js';
import { graphCodes, graphError } from './graph-error.js';
import { invalidParameter, isApiVersion, sendGraphError, unsupported } from './graph-route-helpers.js';
import { markReadSchema, sendSchema, waIdOf } from './send-schema.js';
import { checkTemplateSend } from './template-send-check.js';
import type { WhatsAppState } from './whatsapp-state.js';

/** `POST /{version}/{phone-number-id}/messages` (contracts §1d, §1f). */
export function registerMessageRoutes(app: FastifyInstance, state: WhatsAppState): void {
  app.post<{ Params: { version: string; phoneNumberId: string } }>(
    '/:version/:phoneNumberId/messages',
    async (request, reply) => {
      const { version, phoneNumberId } = request.params;
      if (!isApiVersion(version) || phoneNumberId !== state.number.phoneNumberId) {
        return sendGraphError(reply, unsupported('post', phoneNumberId));
      }
      const refuse = (error: ReturnType<typeof graphError>) => {
        state.events.emit({ type: 'message.refused', code: error.body.error.code });
        return sendGraphError(reply, error);
      };
      // Marking a customer's message as read shares the endpoint: {"status":"read","message_id":…}.
      const read = markReadSchema.safeParse(request.body);
      if (read.success) {
        if (!state.inboundIds.has(read.data.message_id)) {
          return refuse(
            graphError(
              graphCodes.invalidParameter,
              `message_id ${read.data.message_id} is not a received message`,
            ),
          );
        }
        state.events.emit({ type: 'message.read', id: read.data.message_id });
        return { success: true };
      }
      const parsed = sendSchema.safeParse(request.body);
      if (!parsed.success) return refuse(invalidParameter(parsed.error.issues));
      const send = parsed.data;
      const waId = waIdOf(send.to);
      if (waId.length < 8 || waId.length > 15)
        return refuse(graphError(graphCodes.invalidParameter, 'to: not a valid phone number'));

      const now = state.clock.now();
      const overall = state.throughput.take(now);
      if (!overall.ok)
        return refuse(graphError(graphCodes.throughput, 'Cloud API message throughput has been reached.'));

      let template;
      if (send.type === 'template') {
        const checked = checkTemplateSend(send.template, state.templates);
        if (!checked.ok) return refuse(checked.error);
        template = checked.template;
      } else if (state.settings.windowErrorMode === 'sync' && !state.windowOpen(waId)) {
        return refuse(
          graphError(
            graphCodes.reEngagement,
            'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
          ),
        );
      }
      const media = mediaIdOf(send);
      if (media !== undefined && !state.media.get(media)) {
        return refuse(graphError(graphCodes.invalidParameter, `media id ${media} does not exist`));
      }
      if (state.pairLimits && !state.pairLimits.take(waId, now).ok) {
        return refuse(
          graphError(graphCodes.pairRateLimit, 'Too many messages sent to this recipient in a short period.'),
        );
      }

      const id = newWamid();
      state.outbox.push({ id, waId, body: request.body });
      const sent = state.lastSentTo.get(waId) ?? {};
      if (send.type === 'template') sent.template = id;
      if (send.type === 'interactive') sent.interactive = id;
      state.lastSentTo.set(waId, sent);
      state.events.emit({ type: 'message.accepted', id, to: waId, messageType: send.type });
      state.scheduleStatuses(id, waId, send, version, template);
      return reply.code(200).send({
        messaging_product: 'whatsapp',
        contacts: [{ input: send.to, wa_id: waId }],
        messages: [{ id }],
      });
    },
  );
}

function mediaIdOf(send: ReturnType<typeof sendSchema.parse>): string | undefined {
  switch (send.type) {
    case 'image':
      return send.image.id;
    case 'audio':
      return send.audio.id;
    case 'video':
      return send.video.id;
    case 'document':
      return send.document.id;
    case 'sticker':
      return send.sticker.id;
    default:
      return undefined;
  }
}
