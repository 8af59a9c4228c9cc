import type { ProtectionPolicy } from '../core/protection/policy.js';
import type { GatewayStore, SecureSegment } from './gateway-store.js';
import { botMarkerTrigger, keywordTrigger, type SegmentTriggers } from './secure-segment-triggers.js';
import type { OpenSegmentRequest } from './secure-segments.js';
import type { TextProtector } from './text-protector.js';

/** The channel's send API, as the relay needs it. */
export interface ChannelSender {
  sendText(to: string, text: string): Promise<{ readonly messageId: string }>;
}

export interface PlatformReceipt {
  readonly id: string;
  readonly to: { readonly id: string; readonly idType: 'Phone' | 'Opaque' };
  readonly time: string;
  readonly status: 'Delivered' | 'Failed';
  readonly reasons?: readonly { readonly code: string; readonly message?: string }[];
}

export interface ReceiptSink {
  sendReceipt(receipt: PlatformReceipt): Promise<unknown>;
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
  readonly clock?: () => number;
}

const MASK_ALL: ProtectionPolicy = { defaultOperator: 'mask' };

/**
 * Platform → customer: an agent's text is checked for pasted sensitive data (allow, mask, or
 * block with a notice back to the agent as a `Failed` receipt), sent through the channel, and the
 * channel's statuses come back to the platform as receipts.
 */
export class OutboundRelay {
  readonly #o: OutboundRelayOptions;
  readonly #clock: () => number;

  constructor(options: OutboundRelayOptions) {
    this.#o = options;
    this.#clock = options.clock ?? Date.now;
  }

  async agentMessage(tenantId: string, message: AgentMessage): Promise<'sent' | 'blocked' | 'failed'> {
    const tenant = this.#o.tenants.get(tenantId);
    if (!tenant) return 'failed';
    const to = {
      id: message.to.id,
      idType: message.to.idType === 'Opaque' ? ('Opaque' as const) : ('Phone' as const),
    };
    const fail = async (code: string, text: string) => {
      await tenant.receipts.sendReceipt({
        id: message.id,
        to,
        time: new Date(this.#clock()).toISOString(),
        status: 'Failed',
        reasons: [{ code, message: text }],
      });
    };
    const customer =
      to.idType === 'Opaque' ? await this.#o.store.customerFor(tenant.id, to.id) : to.id.replace(/^\+/, '');
    if (!customer || !/^[0-9]+$/.test(customer)) {
      await fail('InvalidDestination', 'unknown customer');
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
      await tenant.receipts.sendReceipt({
        id: message.id,
        to,
        time: new Date(this.#clock()).toISOString(),
        status: 'Delivered',
      });
      return 'sent';
    }
    const agentData =
      tenant.agentData === 'allow' || (tenant.protectsAgent && !(await tenant.protectsAgent(customer)))
        ? 'allow'
        : tenant.agentData;
    if (agentData === 'block' && this.#o.containsSensitiveData(text)) {
      await fail('DataFiltered', tenant.blockNotice);
      return 'blocked';
    }
    if (agentData === 'mask')
      text = await this.#o.protector.protect(text, MASK_ALL, { tenant: tenant.id, subjectId: customer });
    // After the pasted-data check: what a bot reveals is the customer's own data, at the allowed level.
    if (author === 'bot' && tenant.botReveal) text = await tenant.botReveal(text, customer);
    let sent: { messageId: string };
    try {
      sent = await tenant.channel.sendText(customer, text);
    } catch {
      await fail('GeneralError', 'the channel did not accept the message');
      return 'failed';
    }
    await this.#o.store.addOutbound(
      {
        tenant: tenant.id,
        channelMessageId: sent.messageId,
        platformMessageId: message.id,
        recipient: `${to.idType}:${to.id}`,
      },
      this.#clock(),
    );
    return 'sent';
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
      await tenant.receipts.sendReceipt({
        id: record.platformMessageId,
        to: { id: rest.join(':'), idType: idType === 'Opaque' ? 'Opaque' : 'Phone' },
        time: new Date(this.#clock()).toISOString(),
        status: receipt,
        ...(receipt === 'Failed'
          ? {
              reasons: [
                { code: 'GeneralError', message: `channel error ${status.errors?.[0]?.code ?? 'unknown'}` },
              ],
            }
          : {}),
      });
    }
  }
}
