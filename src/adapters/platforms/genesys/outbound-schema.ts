import { z } from 'zod';

/**
 * The Open Messaging outbound webhook body (contracts §2b, reconstructed from the SDK's
 * `OpenNormalizedMessage`): agent/bot text, receipts for messages Veil sent in, typing events.
 * Not strict: Genesys adds fields.
 */
const address = z.object({
  id: z.string().min(1),
  idType: z.string().optional(),
  nickname: z.string().optional(),
});

export const outboundWebhookSchema = z.object({
  id: z.string().min(1),
  channel: z.object({
    id: z.string().optional(),
    platform: z.string().optional(),
    type: z.string().optional(),
    messageId: z.string().optional(),
    to: address.optional(),
    from: address.optional(),
    time: z.string().optional(),
  }),
  type: z.string(),
  text: z.string().optional(),
  content: z.array(z.record(z.string(), z.unknown())).optional(),
  direction: z.string().optional(),
  status: z.string().optional(),
  /** `Human` or `Bot` (SDK model `OpenNormalizedMessage.originatingEntity`). */
  originatingEntity: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export type OutboundWebhook = z.infer<typeof outboundWebhookSchema>;
