import { randomUUID } from 'node:crypto';
import { SimClock } from '../common/clock.js';
import { Faults } from '../common/faults.js';
import { Scheduler } from '../common/scheduler.js';
import { SimEvents } from '../common/sim-events.js';
import { genesysSignature } from '../common/signatures.js';
import { KeyedBuckets } from '../common/token-bucket.js';
import { WebhookDeliverer, type DeliveryEvent } from '../common/webhook-delivery.js';
import {
  defaultGenesysSettings,
  defaultIntegrationId,
  type GenesysSettings,
  type GenesysSimOptions,
} from './genesys-options.js';
import { InteractionStore } from './interaction-store.js';
import { OAuthTokens } from './oauth-tokens.js';
import type { Recipient } from './open-messaging-schema.js';

export type GenesysSimEvent =
  | DeliveryEvent
  | { readonly type: 'webhook.skipped'; readonly kind: string }
  | {
      readonly type: 'inbound.accepted';
      readonly id: string;
      readonly conversationId: string;
      readonly duplicate: boolean;
    }
  | { readonly type: 'receipt.received'; readonly id: string; readonly status: string }
  | { readonly type: 'outbound.queued'; readonly id: string; readonly conversationId: string }
  | { readonly type: 'interaction.patched'; readonly id: string; readonly version: number };

export interface Integration {
  readonly id: string;
  name: string;
  outboundNotificationWebhookUrl: string | null;
  outboundNotificationWebhookSignatureSecretToken: string | null;
  webhookHeaders: Record<string, string>;
  readonly dateCreated: string;
}

export interface Conversation {
  readonly id: string;
  readonly integrationId: string;
  readonly customer: Recipient;
}

export interface OutboundMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly body: Record<string, unknown>;
  status: 'Queued' | 'Sent' | 'Failed' | 'Delivered';
  readonly receipts: unknown[];
}

/** Everything one Genesys simulator knows. */
export class GenesysState {
  readonly clock = new SimClock();
  readonly events = new SimEvents<GenesysSimEvent>();
  readonly faults = new Faults();
  readonly scheduler = new Scheduler();
  readonly tokens: OAuthTokens;
  readonly deliverer: WebhookDeliverer;
  readonly interactions: InteractionStore;
  readonly integrations = new Map<string, Integration>();
  settings: GenesysSettings;
  rateLimits: KeyedBuckets;
  /** Every accepted inbound body, as received, duplicates included ("what Genesys saw"). */
  readonly inbound: unknown[] = [];
  readonly inboundEvents: unknown[] = [];
  readonly receipts: unknown[] = [];
  readonly outbound: OutboundMessage[] = [];
  readonly outboundById = new Map<string, OutboundMessage>();
  /** (integration, channel.messageId) → the response first given, for deduplication. */
  readonly seenMessageIds = new Map<string, Record<string, unknown>>();
  readonly conversations = new Map<string, Conversation>();
  /** `${integrationId}\u0000${customer id}` → conversation id. */
  private readonly conversationByCustomer = new Map<string, string>();

  constructor(readonly options: GenesysSimOptions) {
    this.settings = { ...defaultGenesysSettings, ...options.settings };
    this.tokens = new OAuthTokens(options.clientId, options.clientSecret);
    this.rateLimits = this.makeRateLimits();
    this.deliverer = new WebhookDeliverer(
      () => this.settings.retry,
      // Genesys: any 2xx accepts; 429 and 5xx (and timeouts) are retried; other statuses fail the message.
      {
        accepted: (status) => status >= 200 && status < 300,
        retryable: (status) => status === 429 || status >= 500,
      },
      (event) => this.onDelivery(event),
    );
    this.interactions = new InteractionStore(
      options.transcripts?.count ?? 60,
      options.transcripts?.seed ?? 20260401,
    );
    this.addDefaultIntegration();
  }

  updateSettings(patch: Partial<GenesysSettings>): void {
    this.settings = { ...this.settings, ...patch };
    if (patch.rateLimitPerMinute !== undefined) this.rateLimits = this.makeRateLimits();
  }

  reset(): void {
    this.scheduler.cancelAll();
    this.inbound.length = 0;
    this.inboundEvents.length = 0;
    this.receipts.length = 0;
    this.outbound.length = 0;
    this.outboundById.clear();
    this.seenMessageIds.clear();
    this.conversations.clear();
    this.conversationByCustomer.clear();
    this.interactions.reseed();
    this.deliverer.clear();
    this.events.reset();
    this.faults.reset();
    this.rateLimits = this.makeRateLimits();
  }

  defaultIntegration(): Integration {
    const integration = this.integrations.get(this.options.integrationId ?? defaultIntegrationId);
    if (!integration) throw new Error('the default integration was deleted');
    return integration;
  }

  /** The conversation for a customer on an integration, created on first contact. */
  conversationFor(integrationId: string, customer: Recipient): Conversation {
    const key = `${integrationId}\u0000${customer.id}`;
    const existing = this.conversations.get(this.conversationByCustomer.get(key) ?? '');
    if (existing) return existing;
    const conversation: Conversation = { id: randomUUID(), integrationId, customer };
    this.conversations.set(conversation.id, conversation);
    this.conversationByCustomer.set(key, conversation.id);
    const now = new Date(this.clock.now()).toISOString();
    this.interactions.put({
      id: conversation.id,
      version: 1,
      mediaType: 'message',
      messengerType: 'open',
      startTime: now,
      participants: [
        {
          id: `${conversation.id}-customer`,
          purpose: 'customer',
          name: customer.nickname ?? customer.id,
          address: customer.id,
        },
        { id: `${conversation.id}-agent`, purpose: 'agent', name: 'Sandbox Agent' },
        { id: `${conversation.id}-bot`, purpose: 'bot', name: 'Sandbox Bot' },
      ],
      messages: [],
    });
    return conversation;
  }

  /** Appends to the conversation's transcript (what agents and history see). */
  record(conversationId: string, purpose: 'customer' | 'agent' | 'bot', id: string, text: string): void {
    const interaction = this.interactions.get(conversationId);
    if (!interaction) return;
    interaction.messages.push({
      id,
      participantId: `${conversationId}-${purpose}`,
      purpose,
      direction: purpose === 'customer' ? 'inbound' : 'outbound',
      timestamp: new Date(this.clock.now()).toISOString(),
      text,
    });
    interaction.version += 1;
  }

  /** Signs (base64 HMAC) and queues a webhook to the integration's outbound URL. */
  sendWebhook(integration: Integration, kind: string, payload: unknown, orderKey: string): boolean {
    const url = integration.outboundNotificationWebhookUrl;
    if (!url) {
      this.events.emit({ type: 'webhook.skipped', kind });
      return false;
    }
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    const secret = integration.outboundNotificationWebhookSignatureSecretToken;
    this.deliverer.enqueue({
      kind,
      url,
      body,
      headers: {
        ...integration.webhookHeaders,
        ...(secret ? { 'x-hub-signature-256': genesysSignature(secret, body) } : {}),
      },
      ...(this.settings.orderedDelivery ? { orderKey } : {}),
    });
    return true;
  }

  async close(): Promise<void> {
    this.scheduler.cancelAll();
    await this.deliverer.close();
  }

  private onDelivery(event: DeliveryEvent): void {
    this.events.emit(event);
    if (event.type === 'webhook.attempt') return;
    const kind = event.delivery.kind;
    const message = kind.startsWith('outbound:')
      ? this.outboundById.get(kind.slice('outbound:'.length))
      : undefined;
    if (message && message.status === 'Queued')
      message.status = event.type === 'webhook.delivered' ? 'Sent' : 'Failed';
  }

  private makeRateLimits(): KeyedBuckets {
    return new KeyedBuckets(this.settings.rateLimitPerMinute, this.settings.rateLimitPerMinute / 60);
  }

  private addDefaultIntegration(): void {
    const id = this.options.integrationId ?? defaultIntegrationId;
    this.integrations.set(id, {
      id,
      name: this.options.integrationName ?? 'Veil sandbox integration',
      outboundNotificationWebhookUrl: this.options.outboundWebhookUrl ?? null,
      outboundNotificationWebhookSignatureSecretToken: this.options.webhookSecret ?? null,
      webhookHeaders: {},
      dateCreated: new Date(this.clock.now()).toISOString(),
    });
  }
}
