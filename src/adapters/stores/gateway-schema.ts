import type { ColumnType, Generated } from 'kysely';

/** Gateway tables (see gateway-migration.ts). Integers PostgreSQL returns as strings are read as string | number. */
type BigIntColumn = ColumnType<string | number, number, number>;
type NullableBigInt = ColumnType<string | number | null, number | null, number | null>;

export interface GatewayInboxTable {
  seq: Generated<number>;
  tenant: string;
  message_id: string;
  conversation: string;
  /** Plaintext event JSON; null once protected. */
  payload: string | null;
  received_at: BigIntColumn;
  /** 'pending' | 'done' */
  state: string;
  /** The conversation's lease bucket (lease-buckets.ts). */
  bucket: number;
}

export interface GatewayOutboxTable {
  seq: Generated<number>;
  id: string;
  tenant: string;
  conversation: string;
  body: string;
  /** 'pending' | 'delivered' | 'rejected' */
  state: string;
  attempts: number;
  next_attempt_at: BigIntColumn;
  last_error: string | null;
  created_at: BigIntColumn;
  finished_at: NullableBigInt;
  /** The conversation's lease bucket (lease-buckets.ts). */
  bucket: number;
}

export interface GatewayPseudonymsTable {
  tenant: string;
  customer: string;
  pseudonym: string;
  created_at: BigIntColumn;
}

export interface GatewayOutboundTable {
  tenant: string;
  channel_message_id: string;
  platform_message_id: string;
  recipient: string;
  receipt: string | null;
  created_at: BigIntColumn;
}

export interface GatewaySegmentsTable {
  id: string;
  tenant: string;
  customer: string;
  reason: string;
  max_messages: number | null;
  expires_at: NullableBigInt;
  messages: number;
  opened_at: BigIntColumn;
  closed_at: NullableBigInt;
  close_reason: string | null;
  config: string | null;
  opened_by: string | null;
}

export interface GatewayConversationConfigsTable {
  tenant: string;
  customer: string;
  config: string;
  updated_at: BigIntColumn;
}

/** One row per bucket of conversations: who may deliver it, until when, and the fencing epoch. */
export interface GatewayLeasesTable {
  bucket: number;
  owner: string | null;
  epoch: BigIntColumn;
  expires_at: BigIntColumn;
}

/** Processes alive (heartbeat): how many share the buckets. */
export interface GatewayWorkersTable {
  id: string;
  expires_at: BigIntColumn;
}

export interface GatewayOutboundJobsTable {
  seq: Generated<number>;
  tenant: string;
  /** 'message' | 'receipt' */
  kind: string;
  key: string;
  lane: string;
  /** Null once finished (a message's text is erased). */
  payload: string | null;
  /** 'pending' | 'done' | 'failed' */
  state: string;
  attempts: number;
  next_attempt_at: BigIntColumn;
  last_error: string | null;
  created_at: BigIntColumn;
  finished_at: NullableBigInt;
}

// A type alias (not an interface) so it satisfies Kysely's `withTables` record constraint.
export type GatewayTables = {
  gateway_inbox: GatewayInboxTable;
  gateway_outbox: GatewayOutboxTable;
  gateway_pseudonyms: GatewayPseudonymsTable;
  gateway_outbound: GatewayOutboundTable;
  gateway_segments: GatewaySegmentsTable;
  gateway_conversation_configs: GatewayConversationConfigsTable;
  gateway_leases: GatewayLeasesTable;
  gateway_workers: GatewayWorkersTable;
  gateway_outbound_jobs: GatewayOutboundJobsTable;
};
