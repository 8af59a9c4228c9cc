import { z } from 'zod';

/**
 * A template send body (`POST /{phone-number-id}/messages` with `type: "template"`, contracts.md §1d).
 * Parameter objects are loose so that each send-time rule can report its own problem with a path.
 */

const lower = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(values));

const media = z.object({
  id: z.string().optional(),
  link: z.string().optional(),
  filename: z.string().optional(),
});

export const sendParameterSchema = z.object({
  type: lower([
    'text',
    'currency',
    'date_time',
    'image',
    'video',
    'document',
    'location',
    'payload',
    'coupon_code',
    'action',
  ] as const),
  parameter_name: z.string().optional(),
  text: z.string().optional(),
  currency: z.object({ fallback_value: z.string(), code: z.string(), amount_1000: z.number() }).optional(),
  date_time: z.object({ fallback_value: z.string() }).optional(),
  image: media.optional(),
  video: media.optional(),
  document: media.optional(),
  location: z
    .object({
      latitude: z.union([z.number(), z.string()]),
      longitude: z.union([z.number(), z.string()]),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  payload: z.string().optional(),
  coupon_code: z.string().optional(),
  action: z.record(z.string(), z.unknown()).optional(),
});

export const sendComponentSchema = z.object({
  type: lower(['header', 'body', 'button'] as const),
  sub_type: lower([
    'quick_reply',
    'url',
    'copy_code',
    'flow',
    'catalog',
    'mpm',
    'voice_call',
  ] as const).optional(),
  index: z.union([z.string(), z.number()]).optional(),
  parameters: z.array(sendParameterSchema).default([]),
});

export const sendBodySchema = z.object({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.enum(['individual', 'group']).optional(),
  to: z.string().min(1),
  type: z.literal('template'),
  template: z.object({
    name: z.string().min(1),
    language: z.object({ code: z.string().min(1), policy: z.string().optional() }),
    components: z.array(sendComponentSchema).optional(),
  }),
  context: z.object({ message_id: z.string() }).optional(),
  biz_opaque_callback_data: z.string().optional(),
});

export type SendParameter = z.infer<typeof sendParameterSchema>;
export type SendComponent = z.infer<typeof sendComponentSchema>;
export type SendBody = z.infer<typeof sendBodySchema>;

/** A messages payload is a template send when it says `"type": "template"` and has a template object. */
export const isSendBody = (raw: unknown): boolean =>
  typeof raw === 'object' &&
  raw !== null &&
  (raw as { type?: unknown }).type === 'template' &&
  typeof (raw as { template?: unknown }).template === 'object';
