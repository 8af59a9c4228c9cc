import { z } from 'zod';

/** Open Messaging request bodies (contracts §2b), from the SDK models. */
const isoTime = z.iso.datetime({ offset: true });

export const recipientSchema = z
  .object({
    id: z.string().min(1),
    idType: z.enum(['Email', 'Phone', 'Opaque']),
    nickname: z.string().optional(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    image: z.string().optional(),
    email: z.string().optional(),
  })
  .passthrough();

export const attachmentSchema = z
  .object({
    mediaType: z.enum(['Image', 'Video', 'Audio', 'File', 'Link']),
    url: z.url(),
    mime: z.string().min(1),
    filename: z.string().optional(),
    sha256: z.string().optional(),
    text: z.string().optional(),
    contentSizeBytes: z
      .number()
      .int()
      .min(0)
      .max(25 * 1024 * 1024)
      .optional(),
  })
  .passthrough();

export const inboundMessageSchema = z
  .object({
    channel: z
      .object({
        messageId: z.string().min(1).optional(),
        from: recipientSchema,
        time: isoTime,
        metadata: z.record(z.string(), z.unknown()).optional(),
      })
      .passthrough(),
    text: z.string().optional(),
    content: z
      .array(z.object({ contentType: z.string().optional(), attachment: attachmentSchema }).passthrough())
      .optional(),
    metadata: z.record(z.string(), z.string()).optional(),
  })
  .passthrough()
  .refine((body) => body.text !== undefined || (body.content?.length ?? 0) > 0, {
    message: "should have required property 'content', should have required property '.text'",
  });

export const inboundReceiptSchema = z
  .object({
    id: z.string().min(1),
    channel: z.object({ to: recipientSchema.partial({ idType: true }), time: isoTime }).passthrough(),
    status: z.enum(['Delivered', 'Failed']),
    direction: z.literal('Outbound').optional(),
    reasons: z
      .array(
        z.object({
          code: z.enum([
            'MessageExpired',
            'RateLimited',
            'MessageNotAllowed',
            'GeneralError',
            'UnsupportedMessage',
            'UnknownMessage',
            'InvalidMessageStructure',
            'InvalidDestination',
            'ServerError',
            'MediaTypeNotAllowed',
            'InvalidMediaContentLength',
            'RecipientOptedOut',
            'DataFiltered',
          ]),
          message: z.string().optional(),
        }),
      )
      .optional(),
    isFinalReceipt: z.boolean().optional(),
  })
  .passthrough();

export const inboundEventSchema = z
  .object({
    channel: z.object({ from: recipientSchema, time: isoTime }).passthrough(),
    events: z.array(z.object({ eventType: z.enum(['Typing']) }).passthrough()).min(1),
  })
  .passthrough();

export const integrationCreateSchema = z
  .object({
    name: z.string().min(1),
    outboundNotificationWebhookUrl: z.url(),
    outboundNotificationWebhookSignatureSecretToken: z.string().min(1),
    webhookHeaders: z.record(z.string(), z.string()).optional(),
    supportedContent: z.object({ id: z.string() }).optional(),
    messagingSetting: z.object({ id: z.string() }).optional(),
  })
  .passthrough();

export const agentlessSchema = z.object({
  fromAddress: z.string().min(1),
  toAddress: z.string().min(1),
  toAddressMessengerType: z.literal('open'),
  textBody: z.string().min(1),
});

export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export type Recipient = z.infer<typeof recipientSchema>;
