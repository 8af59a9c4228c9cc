import { createHash } from 'node:crypto';
import { SimClock } from '../common/clock.js';
import { Faults } from '../common/faults.js';
import { metaJson } from '../common/meta-json.js';
import { Scheduler } from '../common/scheduler.js';
import { SimEvents } from '../common/sim-events.js';
import { metaLegacySignature, metaSignature } from '../common/signatures.js';
import { KeyedBuckets, TokenBucket } from '../common/token-bucket.js';
import { WebhookDeliverer, type DeliveryEvent, type DeliveryRecord } from '../common/webhook-delivery.js';
import { graphCodes, webhookError } from './graph-error.js';
import { MediaStore } from './media-store.js';
import type { SendBody } from './send-schema.js';
import { reviewFinding } from './template-rules.js';
import type { TemplateRecord, TemplateStatus } from './template-schema.js';
import { TemplateStore } from './template-store.js';
import {
  statusWebhook,
  templateStatusWebhook,
  type BusinessNumber,
  type StatusUpdate,
} from './webhook-payloads.js';
import {
  defaultBusinessNumber,
  defaultWhatsAppSettings,
  type SeedTemplate,
  type WhatsAppSettings,
  type WhatsAppSimOptions,
} from './whatsapp-options.js';

export type WhatsAppSimEvent =
  | DeliveryEvent
  | { readonly type: 'webhook.skipped'; readonly kind: string }
  | {
      readonly type: 'message.accepted';
      readonly id: string;
      readonly to: string;
      readonly messageType: string;
    }
  | { readonly type: 'message.refused'; readonly code: number }
  | { readonly type: 'status.queued'; readonly id: string; readonly status: StatusUpdate['status'] }
  | { readonly type: 'inbound.queued'; readonly id: string; readonly waId: string }
  | { readonly type: 'message.read'; readonly id: string }
  | {
      readonly type: 'template.status';
      readonly id: string;
      readonly name: string;
      readonly status: TemplateStatus;
    };

export interface OutboxEntry {
  readonly id: string;
  readonly waId: string;
  readonly body: unknown;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Everything one WhatsApp simulator knows, and the behaviours that produce webhooks. */
export class WhatsAppState {
  readonly number: BusinessNumber;
  readonly clock = new SimClock();
  readonly events = new SimEvents<WhatsAppSimEvent>();
  readonly faults = new Faults();
  readonly templates = new TemplateStore();
  readonly media = new MediaStore();
  readonly scheduler = new Scheduler();
  readonly deliverer: WebhookDeliverer;
  settings: WhatsAppSettings;
  readonly customers = new Map<string, { name: string; lastMessageAt: number }>();
  readonly outbox: OutboxEntry[] = [];
  /** Ids of customer messages delivered, which the business may mark as read. */
  readonly inboundIds = new Set<string>();
  /** Last template / interactive message sent to each customer, for the context of their replies. */
  readonly lastSentTo = new Map<string, { template?: string; interactive?: string }>();
  throughput: TokenBucket;
  pairLimits: KeyedBuckets | null;
  private readonly seeds: readonly SeedTemplate[];

  constructor(readonly options: WhatsAppSimOptions) {
    this.number = {
      phoneNumberId: options.phoneNumberId ?? defaultBusinessNumber.phoneNumberId,
      displayPhoneNumber: options.displayPhoneNumber ?? defaultBusinessNumber.displayPhoneNumber,
      wabaId: options.wabaId ?? defaultBusinessNumber.wabaId,
    };
    this.settings = { ...defaultWhatsAppSettings, ...options.settings };
    this.deliverer = new WebhookDeliverer(
      () => this.settings.retry,
      // Meta: only 200 acknowledges; anything else is retried.
      { accepted: (status) => status === 200, retryable: () => true },
      (event) => this.events.emit(event),
    );
    this.throughput = new TokenBucket(
      this.settings.throughputPerSecond,
      this.settings.throughputPerSecond,
      this.clock.now(),
    );
    this.pairLimits = this.makePairLimits();
    this.seeds = options.templates ?? [];
    this.seedTemplates();
  }

  updateSettings(patch: Partial<WhatsAppSettings>): void {
    this.settings = { ...this.settings, ...patch };
    if (patch.throughputPerSecond !== undefined) {
      this.throughput = new TokenBucket(
        patch.throughputPerSecond,
        patch.throughputPerSecond,
        this.clock.now(),
      );
    }
    if (patch.pairRateLimit !== undefined) this.pairLimits = this.makePairLimits();
  }

  /** Empties what was sent and received; seeded templates come back, settings stay. */
  reset(): void {
    this.scheduler.cancelAll();
    this.customers.clear();
    this.outbox.length = 0;
    this.inboundIds.clear();
    this.lastSentTo.clear();
    this.media.clear();
    this.templates.clear();
    this.seedTemplates();
    this.deliverer.clear();
    this.events.reset();
    this.faults.reset();
    this.clock.reset();
    this.pairLimits?.reset();
    this.throughput = new TokenBucket(
      this.settings.throughputPerSecond,
      this.settings.throughputPerSecond,
      this.clock.now(),
    );
  }

  windowOpen(waId: string): boolean {
    const customer = this.customers.get(waId);
    return customer !== undefined && this.clock.now() - customer.lastMessageAt < dayMs;
  }

  /** Signs and queues one webhook; with no callback configured the event is only recorded as skipped. */
  sendWebhook(kind: string, payload: unknown, orderKey?: string): DeliveryRecord | undefined {
    const url = this.settings.webhookUrl;
    if (!url) {
      this.events.emit({ type: 'webhook.skipped', kind });
      return undefined;
    }
    const body = Buffer.from(
      this.settings.metaStyleJson ? metaJson(payload) : JSON.stringify(payload),
      'utf8',
    );
    let duplicates = 0;
    if (this.settings.duplicateNext > 0) {
      this.settings = { ...this.settings, duplicateNext: this.settings.duplicateNext - 1 };
      duplicates = 1;
    } else if (this.settings.duplicateProbability > 0 && Math.random() < this.settings.duplicateProbability) {
      duplicates = 1;
    }
    return this.deliverer.enqueue({
      kind,
      url,
      body,
      headers: {
        'x-hub-signature-256': metaSignature(this.options.appSecret, body),
        'x-hub-signature': metaLegacySignature(this.options.appSecret, body),
        'user-agent': 'facebookexternalua',
      },
      ...(this.settings.orderedDelivery && orderKey !== undefined ? { orderKey } : {}),
      duplicates,
    });
  }

  /** The status webhooks that follow an accepted send: failed, or sent → delivered → read. */
  scheduleStatuses(
    id: string,
    waId: string,
    send: SendBody,
    apiVersion: string,
    template?: TemplateRecord,
  ): void {
    const delay = this.settings.statusDelayMs;
    const base = {
      id,
      recipientId: waId,
      ...(send.biz_opaque_callback_data === undefined
        ? {}
        : { bizOpaqueCallbackData: send.biz_opaque_callback_data }),
    };
    const emit = (status: StatusUpdate['status'], extra: Partial<StatusUpdate> = {}): void => {
      this.events.emit({ type: 'status.queued', id, status });
      this.sendWebhook(
        `status.${status}`,
        statusWebhook(this.number, { ...base, status, timestamp: this.clock.nowSeconds(), ...extra }),
        waId,
      );
    };
    if (this.settings.undeliverableNumbers.includes(waId)) {
      const error = webhookError(
        graphCodes.undeliverable,
        'Message failed to send because the recipient is not a WhatsApp user.',
      );
      this.scheduler.after(delay, () => emit('failed', { errors: [error] }));
      return;
    }
    if (!template && !this.windowOpen(waId)) {
      const error = webhookError(
        graphCodes.reEngagement,
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      );
      this.scheduler.after(delay, () => emit('failed', { errors: [error] }));
      return;
    }
    const category = template ? template.category.toLowerCase() : 'service';
    const free = !template || (template.category === 'UTILITY' && this.windowOpen(waId));
    const pricing = {
      billable: !free,
      pricing_model: 'PMP',
      type: free ? 'free_customer_service' : 'regular',
      category,
    };
    // v24.0 and later omit `conversation` (contracts §1b).
    const major = Number(/^v(\d+)/.exec(apiVersion)?.[1] ?? '0');
    const conversationId = createHash('sha256')
      .update(`${this.number.phoneNumberId}:${waId}`)
      .digest('hex')
      .slice(0, 32);
    const conversation = (sent: boolean): Partial<StatusUpdate> =>
      major >= 24
        ? {}
        : {
            conversation: {
              id: conversationId,
              ...(sent ? { expiration_timestamp: String(this.clock.nowSeconds() + 86_400) } : {}),
              origin: { type: category },
            },
          };
    this.scheduler.after(delay, () => {
      emit('sent', { pricing, ...conversation(true) });
      if (!this.settings.autoDeliver) return;
      this.scheduler.after(delay, () => {
        emit('delivered', { pricing, ...conversation(false) });
        if (!this.settings.autoRead) return;
        this.scheduler.after(delay, () => emit('read'));
      });
    });
  }

  /** Puts a template through review, then announces the outcome by webhook. */
  scheduleReview(template: TemplateRecord): void {
    this.scheduler.after(this.settings.templateReviewDelayMs, () => {
      if (this.templates.get(template.id) !== template || template.status !== 'PENDING') return;
      const outcome = this.settings.templateReviewOutcome;
      const finding = reviewFinding({ ...template, components: template.components });
      if (outcome === 'approve' || (outcome === 'auto' && !finding)) {
        this.setTemplateStatus(template, 'APPROVED', 'NONE');
      } else {
        const rejection = finding ?? {
          reason: 'INVALID_FORMAT' as const,
          rejection: {
            reason: 'Rejected by the simulator (forced outcome).',
            recommendation: 'Review the template.',
          },
        };
        this.setTemplateStatus(template, 'REJECTED', rejection.reason, rejection.rejection);
      }
    });
  }

  setTemplateStatus(
    template: TemplateRecord,
    status: TemplateStatus,
    reason: string | null,
    rejectionInfo?: { reason: string; recommendation: string },
  ): void {
    template.status = status;
    if (status === 'REJECTED' && reason !== null) template.rejectedReason = reason;
    else delete template.rejectedReason;
    this.events.emit({ type: 'template.status', id: template.id, name: template.name, status });
    this.sendWebhook(
      'template.status',
      templateStatusWebhook(this.number, {
        event: status,
        templateId: template.id,
        name: template.name,
        language: template.language,
        category: template.category,
        reason,
        ...(rejectionInfo === undefined ? {} : { rejectionInfo }),
        time: this.clock.nowSeconds(),
      }),
    );
  }

  async close(): Promise<void> {
    this.scheduler.cancelAll();
    await this.deliverer.close();
  }

  private makePairLimits(): KeyedBuckets | null {
    const limit = this.settings.pairRateLimit;
    return limit ? new KeyedBuckets(limit.burst, limit.perSecond) : null;
  }

  private seedTemplates(): void {
    for (const seed of this.seeds) this.templates.create(seed.template, seed.status ?? 'APPROVED');
  }
}
