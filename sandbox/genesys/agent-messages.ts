import { randomUUID } from 'node:crypto';
import type { Conversation, GenesysState, Integration, OutboundMessage } from './genesys-state.js';
import { outboundMessageBody } from './outbound-message.js';

/**
 * An agent or bot reply: recorded in the transcript and posted, signed, to the integration's
 * outbound webhook. `to` names the customer (their `from.id`); a new customer starts a conversation.
 */
export interface AgentMessage {
  readonly to?: string;
  readonly conversationId?: string;
  readonly text: string;
  readonly nickname?: string;
  readonly purpose?: 'agent' | 'bot';
  readonly attachment?: Record<string, unknown>;
}

export function queueAgentMessage(
  state: GenesysState,
  integration: Integration,
  message: AgentMessage,
): { id: string; conversationId: string } | { error: string; status?: number } {
  let conversation: Conversation | undefined;
  if (message.conversationId !== undefined) {
    conversation = state.conversations.get(message.conversationId);
    if (!conversation) return { error: `conversation ${message.conversationId} not found`, status: 404 };
  } else if (message.to !== undefined) {
    conversation = state.conversationFor(integration.id, {
      id: message.to,
      idType: /^\+?\d+$/.test(message.to) ? 'Phone' : 'Opaque',
    });
  } else {
    return { error: 'either "to" or "conversationId" is required' };
  }
  const owner = state.integrations.get(conversation.integrationId) ?? integration;
  const id = randomUUID();
  const purpose = message.purpose ?? 'agent';
  const body = outboundMessageBody(owner, conversation, {
    id,
    text: message.text,
    nickname: message.nickname ?? (purpose === 'bot' ? 'Sandbox Bot' : 'Sandbox Agent'),
    time: new Date(state.clock.now()).toISOString(),
    originatingEntity: purpose === 'bot' ? 'Bot' : 'Human',
    ...(message.attachment === undefined ? {} : { attachment: message.attachment }),
  });
  const outbound: OutboundMessage = {
    id,
    conversationId: conversation.id,
    body,
    status: 'Queued',
    receipts: [],
  };
  state.outbound.push(outbound);
  state.outboundById.set(id, outbound);
  state.record(conversation.id, purpose, id, message.text);
  state.events.emit({ type: 'outbound.queued', id, conversationId: conversation.id });
  state.sendWebhook(owner, `outbound:${id}`, body, conversation.id);
  return { id, conversationId: conversation.id };
}
