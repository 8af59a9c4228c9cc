import type { ColumnType, Generated } from 'kysely';

/** Template lifecycle tables (see template-migration.ts). PostgreSQL returns int8 as strings. */
type BigIntColumn = ColumnType<string | number, number, number>;
type NullableBigInt = ColumnType<string | number | null, number | null, number | null>;

export interface TemplateStatusTable {
  name: string;
  language: string;
  template_id: string | null;
  category: string | null;
  status: string;
  reason: string | null;
  status_at: NullableBigInt;
  quality: string | null;
  quality_at: NullableBigInt;
}

export interface TemplateStatusHistoryTable {
  seq: Generated<number>;
  name: string;
  language: string;
  template_id: string | null;
  /** 'status' | 'quality' */
  kind: string;
  value: string;
  previous: string | null;
  reason: string | null;
  /** JSON object (rejection_info, other_info, disable_info) or null. */
  detail: string | null;
  event_at: BigIntColumn;
  received_at: BigIntColumn;
}

export interface TemplateSendDecisionsTable {
  seq: Generated<number>;
  id: string;
  at: BigIntColumn;
  tenant: string;
  requested_name: string;
  requested_language: string;
  chosen_kind: string | null;
  chosen_name: string | null;
  chosen_language: string | null;
  /** 0 | 1 (one type for both databases). */
  fell_back: number;
  /** JSON array of fallback step records. */
  steps: string;
  outcome: string;
  error_code: string | null;
  message_id: string | null;
}

export interface TemplateCustomerWindowTable {
  customer: string;
  last_message_at: BigIntColumn;
}

// A type alias (not an interface) so it satisfies Kysely's `withTables` record constraint.
export type TemplateTables = {
  template_status: TemplateStatusTable;
  template_status_history: TemplateStatusHistoryTable;
  template_send_decisions: TemplateSendDecisionsTable;
  template_customer_window: TemplateCustomerWindowTable;
};
