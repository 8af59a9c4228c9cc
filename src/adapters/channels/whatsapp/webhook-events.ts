import {
  inboundMessageSchema,
  messagesChangeSchema,
  webhookSchema,
  type InboundMessage,
  type WhatsAppStatus,
} from './webhook-schema.js';

/** One customer message from a webhook, with the business number it was sent to. */
export interface CustomerMessage {
  readonly phoneNumberId: string;
  /** The customer's WhatsApp id (contacts[].wa_id, falling back to the message's `from`). */
  readonly waId: string;
  readonly profileName?: string;
  readonly message: InboundMessage;
}

export interface StatusUpdate {
  readonly phoneNumberId: string;
  readonly status: WhatsAppStatus;
}

export interface WebhookEvents {
  readonly messages: readonly CustomerMessage[];
  readonly statuses: readonly StatusUpdate[];
}

/**
 * Flattens a verified webhook body into customer messages and statuses (a POST may batch many,
 * contracts §1b). Throws a ZodError when the envelope itself is malformed. A message of a type
 * Veil does not parse (new types, a malformed body) becomes `unsupported` rather than being lost.
 */
export function eventsFromWebhook(body: unknown): WebhookEvents {
  const envelope = webhookSchema.parse(body);
  const messages: CustomerMessage[] = [];
  const statuses: StatusUpdate[] = [];
  for (const entry of envelope.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = messagesChangeSchema.parse(change.value);
      const phoneNumberId = value.metadata.phone_number_id;
      const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      const onlyContact = value.contacts?.length === 1 ? value.contacts[0] : undefined;
      for (const raw of value.messages ?? []) {
        const parsed = inboundMessageSchema.safeParse(raw);
        const message: InboundMessage = parsed.success
          ? parsed.data
          : { from: raw.from, id: raw.id, timestamp: raw.timestamp, type: 'unsupported' };
        const waId = names.has(raw.from) ? raw.from : (onlyContact?.wa_id ?? raw.from);
        const profileName = names.get(waId);
        messages.push({ phoneNumberId, waId, message, ...(profileName ? { profileName } : {}) });
      }
      for (const status of value.statuses ?? []) statuses.push({ phoneNumberId, status });
    }
  }
  return { messages, statuses };
}
