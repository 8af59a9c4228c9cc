import type { FallbackStepRecord } from './fallback.js';

/**
 * What the template lifecycle and template sends need from storage. Implemented over Kysely in
 * src/adapters/stores/template-store.ts (SQLite and PostgreSQL); core code sees only these ports.
 */

/** A status change as Meta reported it (status-update webhook) or as Veil read it from the list API. */
export interface TemplateStatusChange {
  readonly name: string;
  /** Creation spelling (`en_US`); webhooks' `en-US` is normalised before it gets here. */
  readonly language: string;
  readonly templateId: string | null;
  readonly category: string | null;
  readonly status: string;
  /** Meta's reason code (INVALID_FORMAT, SCAM, …); null when none was given or it was "NONE". */
  readonly reason: string | null;
  /** Extra structured information (rejection_info, other_info, disable_info) as Meta sent it. */
  readonly detail: Readonly<Record<string, unknown>> | null;
  /** When the event happened (webhook `entry[].time`), or when it was received if absent. */
  readonly eventAt: number;
  readonly receivedAt: number;
}

export interface TemplateQualityChange {
  readonly name: string;
  readonly language: string;
  readonly templateId: string | null;
  readonly quality: string;
  readonly previousQuality: string | null;
  readonly eventAt: number;
  readonly receivedAt: number;
}

/** The outcome of recording a change: the status before it, and whether it became the current one. */
export interface RecordedChange {
  readonly previous: string | null;
  /** False when an older event arrived after a newer one: kept in history, current state unchanged. */
  readonly applied: boolean;
}

/** Current state of one template in one language. */
export interface TemplateState {
  readonly name: string;
  readonly language: string;
  readonly templateId: string | null;
  readonly category: string | null;
  readonly status: string;
  readonly reason: string | null;
  readonly quality: string | null;
  readonly statusAt: number | null;
  readonly qualityAt: number | null;
  /** The latest of statusAt and qualityAt. */
  readonly lastChangeAt: number;
}

export interface TemplateHistoryEntry {
  readonly kind: 'status' | 'quality';
  readonly value: string;
  readonly previous: string | null;
  readonly reason: string | null;
  readonly detail: Readonly<Record<string, unknown>> | null;
  readonly eventAt: number;
  readonly receivedAt: number;
}

export interface TemplateLifecycleStore {
  recordStatus(change: TemplateStatusChange): Promise<RecordedChange>;
  recordQuality(change: TemplateQualityChange): Promise<RecordedChange>;
  listTemplateStates(): Promise<TemplateState[]>;
  /** Current statuses of every language of the given names, keyed `name\u0000language`. */
  statusesOf(names: readonly string[]): Promise<Map<string, string>>;
  templateHistory(name: string, language: string): Promise<TemplateHistoryEntry[]>;
}

/**
 * One send decision: what was asked, what was chosen (template, fallback template or plain text)
 * and why each earlier candidate was skipped. Holds no recipient and no message text: the provider
 * message id is the link to the message itself.
 */
export interface SendDecisionRecord {
  readonly id: string;
  readonly at: number;
  readonly tenant: string;
  readonly requestedName: string;
  readonly requestedLanguage: string;
  /** 'template' | 'text' when something was chosen; null when the send was refused before choosing. */
  readonly chosenKind: 'template' | 'text' | null;
  readonly chosenName: string | null;
  readonly chosenLanguage: string | null;
  readonly fellBack: boolean;
  readonly steps: readonly FallbackStepRecord[];
  /** sent: accepted by the provider; refused: stopped by Veil; failed: the provider refused. */
  readonly outcome: 'sent' | 'refused' | 'failed';
  readonly errorCode: string | null;
  readonly messageId: string | null;
}

export interface SendDecisionLog {
  recordSendDecision(record: SendDecisionRecord): Promise<void>;
  sendDecisions(options?: {
    readonly tenant?: string;
    readonly limit?: number;
  }): Promise<SendDecisionRecord[]>;
}

/**
 * "When did this customer last write?" for the 24-hour window. Backed for now by a table the
 * templates area owns (`template_customer_window`); the gateway's inbox is meant to feed it.
 */
export interface CustomerWindowSource {
  lastCustomerMessageAt(customer: string): Promise<Date | undefined>;
}

export interface CustomerWindowRecorder {
  /** Never moves the window back: an older timestamp than the stored one is ignored. */
  recordCustomerMessage(customer: string, at: Date): Promise<void>;
}

/** One key per customer however the number is written (`+55 11 9…`, `5511…`): digits only. */
export function customerKey(number: string): string {
  return number.replace(/\D+/g, '');
}
