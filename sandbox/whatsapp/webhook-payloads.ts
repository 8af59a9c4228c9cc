/**
 * WhatsApp webhook bodies (contracts §1b, §1e): the shared envelope, inbound messages,
 * message statuses and template status updates.
 */
export interface BusinessNumber {
  readonly wabaId: string;
  readonly phoneNumberId: string;
  readonly displayPhoneNumber: string;
}

function envelope(
  number: BusinessNumber,
  field: string,
  value: Record<string, unknown>,
  time?: number,
): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: number.wabaId, ...(time === undefined ? {} : { time }), changes: [{ field, value }] }],
  };
}

function messagesValue(number: BusinessNumber, rest: Record<string, unknown>): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId },
    ...rest,
  };
}

export function inboundMessageWebhook(
  number: BusinessNumber,
  contact: { readonly waId: string; readonly name: string },
  message: Record<string, unknown>,
): Record<string, unknown> {
  return envelope(
    number,
    'messages',
    messagesValue(number, {
      contacts: [{ profile: { name: contact.name }, wa_id: contact.waId }],
      messages: [message],
    }),
  );
}

export interface StatusUpdate {
  readonly id: string;
  readonly status: 'sent' | 'delivered' | 'read' | 'failed';
  readonly timestamp: number;
  readonly recipientId: string;
  readonly bizOpaqueCallbackData?: string;
  readonly pricing?: Record<string, unknown>;
  readonly conversation?: Record<string, unknown>;
  readonly errors?: readonly Record<string, unknown>[];
}

export function statusWebhook(number: BusinessNumber, update: StatusUpdate): Record<string, unknown> {
  const status: Record<string, unknown> = {
    id: update.id,
    status: update.status,
    timestamp: String(update.timestamp),
    recipient_id: update.recipientId,
    ...(update.bizOpaqueCallbackData === undefined
      ? {}
      : { biz_opaque_callback_data: update.bizOpaqueCallbackData }),
    ...(update.conversation === undefined ? {} : { conversation: update.conversation }),
    ...(update.pricing === undefined ? {} : { pricing: update.pricing }),
    ...(update.errors === undefined ? {} : { errors: update.errors }),
  };
  return envelope(number, 'messages', messagesValue(number, { statuses: [status] }));
}

export interface TemplateStatusUpdate {
  readonly event: string;
  readonly templateId: string;
  readonly name: string;
  readonly language: string;
  readonly category: string;
  readonly reason: string | null;
  readonly rejectionInfo?: { readonly reason: string; readonly recommendation: string };
  readonly time: number;
}

export function templateStatusWebhook(
  number: BusinessNumber,
  update: TemplateStatusUpdate,
): Record<string, unknown> {
  return envelope(
    number,
    'message_template_status_update',
    {
      event: update.event,
      // An integer on the wire (contracts §1e); simulator ids stay below 2^53.
      message_template_id: Number(update.templateId),
      message_template_name: update.name,
      // Webhooks spell languages with a hyphen although creation uses an underscore (contracts §1e).
      message_template_language: update.language.replace('_', '-'),
      reason: update.reason,
      message_template_category: update.category,
      ...(update.rejectionInfo === undefined ? {} : { rejection_info: update.rejectionInfo }),
    },
    update.time,
  );
}
