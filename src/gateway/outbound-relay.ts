import type { ProtectionPolicy } from '../core/protection/policy.js';
import type { GatewayStore, OutboundJob, SecureSegment } from './gateway-store.js';
import type { JobHandler, JobOutcome } from './outbound-worker.js';
import type { DeliveryOutcome } from './platform-message.js';
import { botMarkerTrigger, keywordTrigger, type SegmentTriggers } from './secure-segment-triggers.js';
import type { OpenSegmentRequest } from './secure-segments.js';
import type { TextProtector } from './text-protector.js';

/** Receipt reason codes Genesys accepts (contracts §2b) that Veil uses. */
export type ReceiptReasonCode =
  | 'MessageExpired'
  | 'InvalidDestination'
  | 'RateLimited'
  | 'DataFiltered'
  | 'GeneralError'
  | 'RecipientOptedOut';

/** What the channel said to one send. */
export type ChannelSendOutcome =
  | { readonly kind: 'sent'; readonly messageId: string }
  /** Worth trying again (429, 5xx, network); `retryAfterMs` when the channel said when. */
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number | undefined }
  /** Cannot succeed as it is: the platform gets a `Failed` receipt with `code`. */
  | { readonly kind: 'failed'; readonly code: ReceiptReasonCode; readonly reason: string };

/** The channel's send API, as the relay needs it (the adapter classifies the channel's errors). */
export interface ChannelSender {
  sendText(to: string, text: string): Promise<ChannelSendOutcome>;
}

export interface PlatformReceipt {
  readonly id: string;
  readonly to: { readonly id: string; readonly idType: 'Phone' | 'Opaque' };
  readonly time: string;
  readonly status: 'Delivered' | 'Failed';
  readonly reasons?: readonly { readonly code: string; readonly message?: string }[];
}

export interface ReceiptSink {
  sendReceipt(receipt: PlatformReceipt): Promise<DeliveryOutcome>;
}

export interface RelayTenant {
  readonly id: string;
  /** The pasted-data policy, applied when the conversation's encryption config protects agent text. */
  readonly agentData: 'allow' | 'mask' | 'block';
  /** True when the customer's conversation config protects agent text (absent: always). */
  readonly protectsAgent?: ((customer: string) => Promise<boolean>) | undefined;
  /** Tokens in a bot's text revealed for the customer it goes to (absent: bot text goes as it is). */
  readonly botReveal?: ((text: string, customer: string) => Promise<string>) | undefined;
  /** The bot marker and the agent/bot keyword rules that open a secure segment (absent: none). */
  readonly triggers?: SegmentTriggers | undefined;
  readonly blockNotice: string;
  readonly channel: ChannelSender;
  readonly receipts: ReceiptSink;
}

/** An agent's or bot's message from the platform. */
export interface AgentMessage {
  /** The platform's message id. */
  readonly id: string;
  readonly to: { readonly id: string; readonly idType: string };
  readonly text: string;
  /** Who wrote it (the webhook's `originatingEntity`): a human agent unless the platform says `Bot`. */
  readonly author?: 'agent' | 'bot';
}

export interface ChannelStatus {
  /** The channel's id of a message Veil sent. */
  readonly id: string;
  readonly status: string;
  readonly errors?: readonly { readonly code: number; readonly title?: string }[];
}

export interface OutboundRelayOptions {
  readonly store: GatewayStore;
  readonly tenants: ReadonlyMap<string, RelayTenant>;
  /** Masks what detection finds (policy `mask`). */
  readonly protector: TextProtector;
  /** True when the text holds sensitive data (policy `block`). */
  readonly containsSensitiveData: (text: string) => boolean;
  /** Opens a secure segment for a channel customer (the bot marker, agent/bot keyword rules). */
  readonly openSegment?: (
    tenant: string,
    customer: string,
    request: OpenSegmentRequest,
  ) => Promise<SecureSegment>;
  /** Wakes the worker once a job is stored. */
  readonly kick?: () => void;
  readonly clock?: () => number;
}

/** A stored message job: the text after the pasted-data policy, before any bot reveal. */
interface MessageJob {
  readonly id: string;
  readonly to: PlatformReceipt['to'];
  readonly customer: string;
  readonly author: 'agent' | 'bot';
  readonly text: string;
}

const MASK_ALL: ProtectionPolicy = { defaultOperator: 'mask' };

/**
 * A failed status's error (WhatsApp reports the 24-hour window in the status webhook, not in the
 * send's answer) as the platform's receipt reason.
 */
function statusFailureCode(code: number | undefined): ReceiptReasonCode {
  if (code === 131047) return 'MessageExpired';
  if (code === 131026) return 'InvalidDestination';
  return 'GeneralError';
}

/**
 * Platform → customer. `accept` runs inside the platform's webhook: the customer is found, segment
 * triggers fire, an agent's pasted data is allowed, masked or blocked, and the message is stored as a
 * job (deduplicated on the platform's message id) before the webhook is answered. The worker then
 * sends it (`handlers().message`: a bot's tokens revealed for their own customer at that moment, so
 * nothing revealed is ever stored) with retries, and every receipt goes back through the store too
 * (`handlers().receipt`), retried until the platform takes it.
 */
export class OutboundRelay {
  readonly #o: OutboundRelayOptions;
  readonly #clock: () => number;

  constructor(options: OutboundRelayOptions) {
    this.#o = options;
    this.#clock = options.clock ?? Date.now;
  }

  async agentMessage(
    tenantId: string,
    message: AgentMessage,
  ): Promise<'queued' | 'duplicate' | 'blocked' | 'failed'> {
    const tenant = this.#o.tenants.get(tenantId);
    if (!tenant) return 'failed';
    const store = this.#o.store;
    // Genesys retries its webhook: a message already taken is not taken (nor triggered) again.
    if (await store.hasOutboundJob(tenant.id, 'message', message.id)) return 'duplicate';
    const to = {
      id: message.to.id,
      idType: message.to.idType === 'Opaque' ? ('Opaque' as const) : ('Phone' as const),
    };
    const customer =
      to.idType === 'Opaque' ? await store.customerFor(tenant.id, to.id) : to.id.replace(/^\+/, '');
    if (!customer || !/^[0-9]+$/.test(customer)) {
      await this.#receipt(tenant.id, message.id, to, 'Failed', {
        code: 'InvalidDestination',
        message: 'unknown customer',
      });
      return 'failed';
    }
    const author = message.author ?? 'agent';
    let text = message.text;
    const triggers = tenant.triggers;
    if (triggers && this.#o.openSegment) {
      // Opened before the text goes out, so the customer's answer falls inside the segment.
      const marked = author === 'bot' ? botMarkerTrigger(triggers, text) : { text };
      text = marked.text;
      const open = marked.open ?? keywordTrigger(triggers, author, text);
      if (open) await this.#o.openSegment(tenant.id, customer, open);
    }
    if (text.length === 0) {
      // Only the marker: a control message for Veil, handled; nothing to send.
      await this.#receipt(tenant.id, message.id, to, 'Delivered');
      return 'queued';
    }
    const agentData =
      tenant.agentData === 'allow' || (tenant.protectsAgent && !(await tenant.protectsAgent(customer)))
        ? 'allow'
        : tenant.agentData;
    if (agentData === 'block' && this.#o.containsSensitiveData(text)) {
      await this.#receipt(tenant.id, message.id, to, 'Failed', {
        code: 'DataFiltered',
        message: tenant.blockNotice,
      });
      return 'blocked';
    }
    if (agentData === 'mask')
      text = await this.#o.protector.protect(text, MASK_ALL, { tenant: tenant.id, subjectId: customer });
    const job: MessageJob = { id: message.id, to, customer, author, text };
    await store.addOutboundJob({
      tenant: tenant.id,
      kind: 'message',
      key: message.id,
      lane: customer,
      payload: JSON.stringify(job),
      createdAt: this.#clock(),
    });
    this.#o.kick?.();
    return 'queued';
  }

  /** Channel statuses → one final receipt per message (delivered/read → Delivered; failed → Failed). */
  async statuses(tenantId: string, statuses: readonly ChannelStatus[]): Promise<void> {
    const tenant = this.#o.tenants.get(tenantId);
    if (!tenant) return;
    for (const status of statuses) {
      const receipt =
        status.status === 'failed'
          ? 'Failed'
          : ['delivered', 'read', 'played'].includes(status.status)
            ? 'Delivered'
            : undefined;
      if (!receipt) continue;
      const record = await this.#o.store.outbound(tenant.id, status.id);
      if (!record || record.receipt !== null) continue;
      if (!(await this.#o.store.setReceipt(tenant.id, status.id, receipt))) continue;
      const [idType, ...rest] = record.recipient.split(':');
      await this.#receipt(
        tenant.id,
        record.platformMessageId,
        { id: rest.join(':'), idType: idType === 'Opaque' ? 'Opaque' : 'Phone' },
        receipt,
        receipt === 'Failed'
          ? {
              code: statusFailureCode(status.errors?.[0]?.code),
              message: `channel error ${status.errors?.[0]?.code ?? 'unknown'}`,
            }
          : undefined,
      );
    }
  }

  /** The worker's handlers for the two kinds of job. */
  handlers(): Record<OutboundJob['kind'], JobHandler> {
    return {
      message: { run: (job) => this.#send(job), giveUp: (job, reason) => this.#gaveUp(job, reason) },
      receipt: {
        run: (job) => this.#postReceipt(job),
        // The platform never took it: nothing more to tell it.
        giveUp: async () => undefined,
      },
    };
  }

  async #send(job: OutboundJob): Promise<JobOutcome> {
    const tenant = this.#o.tenants.get(job.tenant);
    if (!tenant) return { kind: 'failed', reason: 'unknown tenant' };
    const message = JSON.parse(job.payload) as MessageJob;
    const text =
      message.author === 'bot' && tenant.botReveal
        ? await tenant.botReveal(message.text, message.customer)
        : message.text;
    const sent = await tenant.channel.sendText(message.customer, text);
    if (sent.kind === 'retry') return sent;
    if (sent.kind === 'failed') {
      await this.#receipt(tenant.id, message.id, message.to, 'Failed', {
        code: sent.code,
        message: sent.reason,
      });
      return { kind: 'failed', reason: sent.reason };
    }
    await this.#o.store.addOutbound(
      {
        tenant: tenant.id,
        channelMessageId: sent.messageId,
        platformMessageId: message.id,
        recipient: `${message.to.idType}:${message.to.id}`,
      },
      this.#clock(),
    );
    return { kind: 'done' };
  }

  async #gaveUp(job: OutboundJob, reason: string): Promise<void> {
    const message = JSON.parse(job.payload) as MessageJob;
    await this.#receipt(job.tenant, message.id, message.to, 'Failed', {
      code: 'GeneralError',
      message: `the channel did not accept the message (${reason})`,
    });
  }

  async #postReceipt(job: OutboundJob): Promise<JobOutcome> {
    const tenant = this.#o.tenants.get(job.tenant);
    if (!tenant) return { kind: 'failed', reason: 'unknown tenant' };
    const outcome = await tenant.receipts.sendReceipt(JSON.parse(job.payload) as PlatformReceipt);
    if (outcome.kind === 'delivered') return { kind: 'done' };
    if (outcome.kind === 'rejected') return { kind: 'failed', reason: outcome.reason };
    return outcome;
  }

  /** Stores a receipt for the platform (posted by the worker, retried until taken). */
  async #receipt(
    tenant: string,
    id: string,
    to: PlatformReceipt['to'],
    status: PlatformReceipt['status'],
    reason?: { readonly code: ReceiptReasonCode; readonly message: string },
  ): Promise<void> {
    const receipt: PlatformReceipt = {
      id,
      to,
      time: new Date(this.#clock()).toISOString(),
      status,
      ...(reason ? { reasons: [reason] } : {}),
    };
    await this.#o.store.addOutboundJob({
      tenant,
      kind: 'receipt',
      key: `${id}:${status}`,
      lane: `receipt:${to.id}`,
      payload: JSON.stringify(receipt),
      createdAt: this.#clock(),
    });
    this.#o.kick?.();
  }
}
