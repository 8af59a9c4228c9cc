import { z } from 'zod';

/**
 * Zod schemas for the WhatsApp Cloud API webhook body (contracts §1b). Objects are not strict:
 * Meta adds fields over time and an unknown field must not make Veil drop a customer's message.
 * A message whose type Veil does not know is kept as `unknown` and forwarded as a notice.
 */
const media = z.object({
  id: z.string().min(1),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  url: z.string().optional(),
  voice: z.boolean().optional(),
});

const base = {
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: z.string().regex(/^[0-9]+$/),
  context: z
    .object({
      from: z.string().optional(),
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
    })
    .optional(),
  referral: z.record(z.string(), z.unknown()).optional(),
};

const errorObject = z.object({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

const contactCard = z
  .object({
    name: z.object({ formatted_name: z.string().optional() }).passthrough().optional(),
    phones: z
      .array(z.object({ phone: z.string().optional(), wa_id: z.string().optional() }).passthrough())
      .optional(),
    emails: z.array(z.object({ email: z.string().optional() }).passthrough()).optional(),
  })
  .passthrough();

export const inboundMessageSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('text'), text: z.object({ body: z.string() }) }),
  z.object({ ...base, type: z.literal('image'), image: media }),
  z.object({ ...base, type: z.literal('document'), document: media }),
  z.object({ ...base, type: z.literal('audio'), audio: media }),
  z.object({ ...base, type: z.literal('video'), video: media }),
  z.object({ ...base, type: z.literal('sticker'), sticker: media }),
  z.object({
    ...base,
    type: z.literal('interactive'),
    interactive: z.discriminatedUnion('type', [
      z.object({
        type: z.literal('button_reply'),
        button_reply: z.object({ id: z.string(), title: z.string() }),
      }),
      z.object({
        type: z.literal('list_reply'),
        list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }),
      }),
    ]),
  }),
  z.object({
    ...base,
    type: z.literal('button'),
    button: z.object({ payload: z.string(), text: z.string() }),
  }),
  z.object({
    ...base,
    type: z.literal('location'),
    location: z.object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    }),
  }),
  z.object({ ...base, type: z.literal('contacts'), contacts: z.array(contactCard) }),
  z.object({ ...base, type: z.literal('unsupported'), errors: z.array(errorObject).optional() }),
]);

/** Any message: a known type parsed strictly by its schema, or kept with its type for a notice. */
export const anyMessageSchema = z.object({ ...base, type: z.string().min(1) }).passthrough();

export const statusSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'played']),
  timestamp: z.string(),
  recipient_id: z.string(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(errorObject).optional(),
});

const changeValue = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.string(), phone_number_id: z.string().min(1) }),
  contacts: z
    .array(z.object({ profile: z.object({ name: z.string() }).optional(), wa_id: z.string() }))
    .optional(),
  messages: z.array(anyMessageSchema).optional(),
  statuses: z.array(statusSchema).optional(),
  errors: z.array(errorObject).optional(),
});

export const webhookSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string(),
      time: z.number().optional(),
      changes: z.array(
        z.object({
          field: z.string(),
          // Only `messages` changes carry messages and statuses; other fields are acknowledged and ignored.
          value: z.unknown(),
        }),
      ),
    }),
  ),
});

export const messagesChangeSchema = changeValue;

export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export type WhatsAppStatus = z.infer<typeof statusSchema>;
