import type { Conversation, Integration } from './genesys-state.js';

/**
 * The Outbound Open NormalizedMessage posted to the integration's webhook (contracts §2b,
 * reconstructed there from the SDK model `OpenNormalizedMessage`).
 */
export interface OutboundText {
  readonly id: string;
  readonly text: string;
  readonly nickname: string;
  readonly time: string;
  /** `originatingEntity`: who wrote it, a human agent or a bot. */
  readonly originatingEntity?: 'Human' | 'Bot';
  readonly attachment?: Record<string, unknown>;
}

export function outboundMessageBody(
  integration: Integration,
  conversation: Conversation,
  message: OutboundText,
): Record<string, unknown> {
  return {
    id: message.id,
    channel: {
      id: integration.id,
      platform: 'Open',
      type: 'Private',
      messageId: '',
      to: { id: conversation.customer.id, idType: conversation.customer.idType },
      from: { id: integration.id, idType: 'Opaque', nickname: message.nickname },
      time: message.time,
    },
    type: 'Text',
    text: message.text,
    ...(message.attachment === undefined
      ? {}
      : { content: [{ contentType: 'Attachment', attachment: message.attachment }] }),
    direction: 'Outbound',
    originatingEntity: message.originatingEntity ?? 'Human',
    metadata: {},
  };
}

/** The Receipt Genesys posts for a message the integration sent in. */
export function inboundReceiptBody(
  integration: Integration,
  conversation: Conversation,
  receipt: { readonly id: string; readonly messageId: string | undefined; readonly time: string },
): Record<string, unknown> {
  return {
    id: receipt.id,
    channel: {
      id: integration.id,
      platform: 'Open',
      type: 'Private',
      messageId: receipt.messageId ?? '',
      to: { id: conversation.customer.id, idType: conversation.customer.idType },
      from: { id: integration.id, idType: 'Opaque' },
      time: receipt.time,
    },
    type: 'Receipt',
    status: 'Delivered',
    isFinalReceipt: true,
    direction: 'Inbound',
  };
}
