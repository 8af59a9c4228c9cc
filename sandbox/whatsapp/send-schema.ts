import { z } from 'zod';

/**
 * The `POST /{phone-number-id}/messages` body (contracts §1d), validated as strictly as the
 * documented limits allow. Failing here answers Graph error 100 (invalid parameter).
 */
const mediaObject = z
  .object({
    id: z.string().min(1).optional(),
    link: z.url({ protocol: /^https?$/ }).optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().optional(),
  })
  .refine((media) => (media.id === undefined) !== (media.link === undefined), 'exactly one of id or link');

const replyButton = z.object({
  type: z.literal('reply'),
  reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
});

const interactiveButton = z.object({
  type: z.literal('button'),
  header: z
    .object({ type: z.enum(['text', 'image', 'video', 'document']) })
    .passthrough()
    .optional(),
  body: z.object({ text: z.string().min(1).max(1024) }),
  footer: z.object({ text: z.string().min(1).max(60) }).optional(),
  action: z.object({
    buttons: z
      .array(replyButton)
      .min(1)
      .max(3)
      .refine(
        (buttons) => new Set(buttons.map((b) => b.reply.id)).size === buttons.length,
        'button ids must be unique',
      )
      .refine(
        (buttons) => new Set(buttons.map((b) => b.reply.title)).size === buttons.length,
        'button titles must be unique',
      ),
  }),
});

const listRow = z.object({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});

const interactiveList = z.object({
  type: z.literal('list'),
  header: z.object({ type: z.literal('text'), text: z.string().min(1).max(60) }).optional(),
  body: z.object({ text: z.string().min(1).max(4096) }),
  footer: z.object({ text: z.string().min(1).max(60) }).optional(),
  action: z.object({
    button: z.string().min(1).max(20),
    sections: z
      .array(z.object({ title: z.string().max(24).optional(), rows: z.array(listRow).min(1) }))
      .min(1)
      .max(10)
      .refine(
        (sections) => sections.reduce((n, s) => n + s.rows.length, 0) <= 10,
        'at most 10 rows in total',
      ),
  }),
});

/** Other interactive kinds (cta_url, flow, product…) are accepted with their type only. */
const interactiveOther = z
  .object({
    type: z.enum([
      'cta_url',
      'flow',
      'product',
      'product_list',
      'catalog_message',
      'location_request_message',
    ]),
  })
  .passthrough();

export const templateParameterSchema = z
  .object({
    type: z.enum([
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
    ]),
    parameter_name: z.string().min(1).optional(),
  })
  .passthrough()
  .refine((p) => p.type in p, { message: 'a parameter carries a field named after its type' });

export const templateSendComponentSchema = z.object({
  type: z.preprocess(
    (v) => (typeof v === 'string' ? v.toLowerCase() : v),
    z.enum(['header', 'body', 'button']),
  ),
  sub_type: z.enum(['quick_reply', 'url', 'copy_code', 'flow', 'catalog', 'mpm']).optional(),
  index: z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).optional(),
  parameters: z.array(templateParameterSchema).default([]),
});

export const templateSendSchema = z.object({
  name: z.string().min(1),
  language: z.object({ code: z.string().min(2), policy: z.literal('deterministic').optional() }),
  components: z.array(templateSendComponentSchema).default([]),
});

const common = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.enum(['individual', 'group']).optional(),
  to: z.string().regex(/^\+?[0-9 ()-]{5,25}$/, 'a phone number'),
  context: z.object({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};

export const sendSchema = z.preprocess(
  (value) =>
    value !== null && typeof value === 'object' && !('type' in value) ? { ...value, type: 'text' } : value,
  z.discriminatedUnion('type', [
    z.object({
      ...common,
      type: z.literal('text'),
      text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
    }),
    z.object({ ...common, type: z.literal('template'), template: templateSendSchema }),
    z.object({
      ...common,
      type: z.literal('interactive'),
      interactive: z.union([interactiveButton, interactiveList, interactiveOther]),
    }),
    z.object({ ...common, type: z.literal('image'), image: mediaObject }),
    z.object({ ...common, type: z.literal('audio'), audio: mediaObject }),
    z.object({ ...common, type: z.literal('video'), video: mediaObject }),
    z.object({ ...common, type: z.literal('document'), document: mediaObject }),
    z.object({ ...common, type: z.literal('sticker'), sticker: mediaObject }),
    z.object({
      ...common,
      type: z.literal('location'),
      location: z.object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().optional(),
        address: z.string().optional(),
      }),
    }),
    z.object({
      ...common,
      type: z.literal('reaction'),
      reaction: z.object({ message_id: z.string().min(1), emoji: z.string() }),
    }),
    z.object({
      ...common,
      type: z.literal('contacts'),
      contacts: z.array(z.record(z.string(), z.unknown())).min(1),
    }),
  ]),
);

export type SendBody = z.infer<typeof sendSchema>;
export type TemplateSend = z.infer<typeof templateSendSchema>;
export type TemplateParameter = z.infer<typeof templateParameterSchema>;

/** Digits of a recipient as the API normalises them (`+`, `-`, `()`, spaces dropped). */
export const waIdOf = (to: string): string => to.replace(/[^0-9]/g, '');

/** `{"messaging_product":"whatsapp","status":"read","message_id":"wamid…"}`: marks a received message read. */
export const markReadSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});
