import { z } from 'zod';

/**
 * The control API's customer-message format (`POST /__sim/customers/{wa_id}/messages`), fixed so
 * outside tools can drive the simulator: `{"type":"text","text":"…"}` plus the other inbound types.
 * Each becomes a `messages[]` entry in Meta's webhook shape (contracts §1b).
 */
const common = {
  /** Profile name shown in `contacts[].profile.name`. */
  name: z.string().min(1).optional(),
  /** The business message this one replies to. */
  context: z.object({ id: z.string().min(1) }).optional(),
};

const mediaFields = {
  caption: z.string().optional(),
  mime_type: z.string().optional(),
  filename: z.string().optional(),
  /** File content, base64; a small sample file of the right kind is used when absent. */
  data: z.base64().optional(),
};

export const injectedMessageSchema = z.discriminatedUnion('type', [
  z.object({
    ...common,
    type: z.literal('text'),
    text: z.union([z.string().min(1), z.object({ body: z.string().min(1) })]),
  }),
  z.object({ ...common, type: z.literal('image'), ...mediaFields }),
  z.object({ ...common, type: z.literal('document'), ...mediaFields }),
  z.object({ ...common, type: z.literal('audio'), ...mediaFields, voice: z.boolean().optional() }),
  z.object({ ...common, type: z.literal('video'), ...mediaFields }),
  z.object({ ...common, type: z.literal('sticker'), ...mediaFields }),
  z.object({
    ...common,
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
    ...common,
    type: z.literal('button'),
    button: z.object({ payload: z.string(), text: z.string() }),
  }),
  z.object({
    ...common,
    type: z.literal('location'),
    location: z.object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    }),
  }),
  z.object({
    ...common,
    type: z.literal('contacts'),
    contacts: z.array(z.record(z.string(), z.unknown())).min(1),
  }),
]);

export type InjectedMessage = z.infer<typeof injectedMessageSchema>;
export type InjectedMediaMessage = Extract<
  InjectedMessage,
  { type: 'image' | 'document' | 'audio' | 'video' | 'sticker' }
>;

export const isMediaMessage = (message: InjectedMessage): message is InjectedMediaMessage =>
  ['image', 'document', 'audio', 'video', 'sticker'].includes(message.type);

export interface StoredMediaRef {
  readonly id: string;
  readonly mimeType: string;
  readonly sha256Base64: string;
  readonly filename?: string;
}

/** The webhook `messages[]` entry for an injected message. */
export function webhookMessage(
  message: InjectedMessage,
  ids: {
    readonly id: string;
    readonly from: string;
    readonly timestamp: number;
    /** The business message replied to: `from` is the business number. */
    readonly context?: { readonly from: string; readonly id: string };
  },
  media?: StoredMediaRef,
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    from: ids.from,
    id: ids.id,
    timestamp: String(ids.timestamp),
    type: message.type,
    ...(ids.context === undefined ? {} : { context: ids.context }),
  };
  switch (message.type) {
    case 'text':
      return { ...base, text: { body: typeof message.text === 'string' ? message.text : message.text.body } };
    case 'interactive':
      return { ...base, interactive: message.interactive };
    case 'button':
      return { ...base, button: message.button };
    case 'location':
      return { ...base, location: message.location };
    case 'contacts':
      return { ...base, contacts: message.contacts };
    default: {
      if (!media) throw new Error('media message without stored media');
      const body: Record<string, unknown> = {
        ...(message.caption === undefined || message.type === 'audio' || message.type === 'sticker'
          ? {}
          : { caption: message.caption }),
        ...(message.type === 'document' ? { filename: media.filename ?? 'document' } : {}),
        ...(message.type === 'audio' && message.voice !== undefined ? { voice: message.voice } : {}),
        mime_type: media.mimeType,
        sha256: media.sha256Base64,
        id: media.id,
      };
      return { ...base, [message.type]: body };
    }
  }
}
