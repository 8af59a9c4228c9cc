import { z } from 'zod';

/**
 * The transcript surface the history anonymizer works on. Genesys has no public endpoint to edit
 * stored message bodies (contracts §2d); this shape is the sandbox's, documented in docs/sandbox.md.
 */
export const interactionMessageSchema = z
  .object({
    id: z.string().min(1),
    participantId: z.string().min(1),
    purpose: z.enum(['customer', 'agent', 'bot']),
    direction: z.enum(['inbound', 'outbound']),
    timestamp: z.iso.datetime(),
    text: z.string(),
    attachments: z
      .array(
        z
          .object({
            id: z.string().min(1),
            mediaType: z.string(),
            mime: z.string(),
            filename: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type InteractionMessage = z.infer<typeof interactionMessageSchema>;

export interface Participant {
  readonly id: string;
  readonly purpose: 'customer' | 'agent' | 'bot';
  readonly name: string;
  readonly address?: string;
}

export interface Interaction {
  readonly id: string;
  version: number;
  readonly mediaType: 'message';
  readonly messengerType: 'webmessaging' | 'open';
  readonly startTime: string;
  endTime?: string;
  readonly participants: Participant[];
  messages: InteractionMessage[];
}

/** What the seed put where, so anonymizer tests can check every value is gone. */
export interface SeededPii {
  readonly interactionId: string;
  readonly messageId: string;
  readonly type: 'PERSON' | 'EMAIL' | 'PHONE' | 'CPF' | 'CREDIT_CARD' | 'STREET_ADDRESS';
  readonly value: string;
}

export const patchSchema = z
  .object({ messages: z.array(interactionMessageSchema), version: z.number().int().min(1).optional() })
  .strict();

export const querySchema = z
  .object({
    pageSize: z.number().int().min(1).max(100).default(25),
    nextPage: z.string().min(1).optional(),
    interval: z
      .string()
      .regex(/^[^/]+\/[^/]+$/, 'interval is "start/end" in ISO-8601')
      .refine(
        (value) => value.split('/').every((part) => !Number.isNaN(Date.parse(part))),
        'interval bounds must be ISO-8601',
      )
      .optional(),
    messengerType: z.enum(['webmessaging', 'open']).optional(),
  })
  .strict();
