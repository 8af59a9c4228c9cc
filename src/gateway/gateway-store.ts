/**
 * The gateway's durable state: the inbox (customer events as received, deduplicated by the
 * channel's message id), the outbox (protected messages waiting for the platform, with their
 * retry state), customer pseudonyms, and outbound messages awaiting channel statuses.
 * Plaintext lives in the inbox only until the message is protected.
 */
export interface NewInboxEvent {
  readonly tenant: string;
  /** The channel's message id (WhatsApp `wamid`): the dedup key. */
  readonly messageId: string;
  /** Ordering key: one customer of one tenant. */
  readonly conversation: string;
  /** The event as JSON (plaintext). */
  readonly payload: string;
  readonly receivedAt: number;
}

export interface InboxRecord extends NewInboxEvent {
  readonly seq: number;
}

export interface NewOutboxMessage {
  /** Stable id the platform sees (`channel.messageId`). */
  readonly id: string;
  readonly tenant: string;
  readonly conversation: string;
  /** The protected PlatformMessage as JSON. */
  readonly body: string;
  readonly createdAt: number;
}

export interface OutboxRecord extends NewOutboxMessage {
  readonly seq: number;
  readonly attempts: number;
  readonly nextAttemptAt: number;
}

export interface OutboundRecord {
  readonly tenant: string;
  /** The channel's id of the message sent to the customer. */
  readonly channelMessageId: string;
  /** The platform's id of the agent/bot message. */
  readonly platformMessageId: string;
  readonly recipient: string;
  readonly receipt: string | null;
}

export interface GatewayCounts {
  readonly inboxPending: number;
  readonly outboxPending: number;
  readonly delivered: number;
  readonly rejected: number;
}

export interface SecureSegment {
  readonly id: string;
  readonly tenant: string;
  readonly customer: string;
  readonly reason: string;
  readonly maxMessages: number | null;
  readonly expiresAt: number | null;
  readonly messages: number;
  readonly openedAt: number;
  /** The encryption config the segment carries (media and anything besides the vaulted text); null: the conversation's. */
  readonly config: string | null;
  /** `api`, `bot-marker` or `keyword:<rule>`. */
  readonly openedBy: string;
}

/** Platform → channel work, stored before the platform's webhook is answered: a message to send or a receipt to post. */
export interface NewOutboundJob {
  readonly tenant: string;
  readonly kind: 'message' | 'receipt';
  /** Dedup key per tenant and kind: the platform's message id (messages), `<id>:<status>` (receipts). */
  readonly key: string;
  /** Jobs of one lane run one at a time, oldest first (a message's lane is its customer). */
  readonly lane: string;
  /** The job as JSON; erased once the job is finished. */
  readonly payload: string;
  readonly createdAt: number;
}

export interface OutboundJob extends NewOutboundJob {
  readonly seq: number;
  readonly attempts: number;
  readonly nextAttemptAt: number;
}

export interface GatewayStore {
  /** Stores events in one transaction; events already known (tenant + message id) are skipped. Returns how many were new. */
  addInbox(events: readonly NewInboxEvent[]): Promise<number>;
  /** Unprotected events after `afterSeq`, oldest first. */
  pendingInbox(limit: number, afterSeq?: number): Promise<InboxRecord[]>;
  /**
   * In one transaction: the outbox rows are written (a replayed id is a no-op) and the inbox rows
   * marked done with their plaintext payload erased.
   */
  moveToOutbox(
    done: readonly { readonly inboxSeq: number; readonly outbox: NewOutboxMessage | null }[],
  ): Promise<void>;
  /** Undelivered messages, oldest first. */
  pendingOutbox(limit: number, afterSeq?: number): Promise<OutboxRecord[]>;
  /** Marks rows delivered (one statement for many: deliveries are flushed in batches). */
  markDelivered(seqs: readonly number[], at: number): Promise<void>;
  markRetry(seq: number, attempts: number, nextAttemptAt: number, reason: string): Promise<void>;
  markRejected(seq: number, at: number, reason: string): Promise<void>;
  /** A stable pseudonym for a customer (created on first use). */
  pseudonymFor(tenant: string, customer: string, fresh: () => string): Promise<string>;
  customerFor(tenant: string, pseudonym: string): Promise<string | undefined>;
  addOutbound(record: Omit<OutboundRecord, 'receipt'>, at: number): Promise<void>;
  outbound(tenant: string, channelMessageId: string): Promise<OutboundRecord | undefined>;
  /** Records the receipt sent for an outbound message; false when one was recorded already. */
  setReceipt(tenant: string, channelMessageId: string, receipt: string): Promise<boolean>;
  counts(): Promise<GatewayCounts>;
  /** Opens a segment, closing any segment already open for the customer. */
  openSegment(segment: SecureSegment): Promise<void>;
  /** The customer's open segment, if any (expired ones are closed on the way). */
  activeSegment(tenant: string, customer: string, now: number): Promise<SecureSegment | undefined>;
  /** Customers among `customers` with a segment still marked open (expiry not checked: use activeSegment). */
  customersWithOpenSegments(tenant: string, customers: readonly string[]): Promise<Set<string>>;
  /** Counts one vaulted message; closes the segment when it reaches its limit. */
  countSegmentMessage(id: string, now: number): Promise<void>;
  /** Closes the customer's open segment; false when none was open. */
  closeSegment(tenant: string, customer: string, now: number, reason: string): Promise<boolean>;
  /** The encryption config chosen for each of `customers` that has one (others use the tenant's default). */
  conversationConfigs(tenant: string, customers: readonly string[]): Promise<Map<string, string>>;
  /** Stores a job unless one with the same tenant, kind and key exists; true when stored. */
  addOutboundJob(job: NewOutboundJob): Promise<boolean>;
  hasOutboundJob(tenant: string, kind: NewOutboundJob['kind'], key: string): Promise<boolean>;
  /** Unfinished jobs after `afterSeq`, oldest first. */
  pendingOutboundJobs(limit: number, afterSeq?: number): Promise<OutboundJob[]>;
  retryOutboundJob(seq: number, attempts: number, nextAttemptAt: number, reason: string): Promise<void>;
  /** Finishes a job (`done` or `failed`) and erases its payload. */
  finishOutboundJob(seq: number, state: 'done' | 'failed', at: number, reason: string | null): Promise<void>;
  /** Chooses a conversation's encryption config; null goes back to the tenant's default. */
  setConversationConfig(tenant: string, customer: string, config: string | null, at: number): Promise<void>;
}
