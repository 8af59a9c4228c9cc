import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  RecordedChange,
  SendDecisionLog,
  SendDecisionRecord,
  TemplateHistoryEntry,
  TemplateLifecycleStore,
  TemplateQualityChange,
  TemplateState,
  TemplateStatusChange,
} from '../../core/templates/lifecycle-ports.js';
import type { FallbackStepRecord } from '../../core/templates/fallback.js';
import type { VeilDatabase } from './schema.js';
import type { TemplateSendDecisionsTable, TemplateStatusTable, TemplateTables } from './template-tables.js';

type Db = Kysely<VeilDatabase & TemplateTables>;

/** Status a row has when only its quality is known so far. */
const NO_STATUS = 'UNKNOWN';

/**
 * Template statuses, their history and send decisions, on the vault's database (SQLite or
 * PostgreSQL; tables from migration 0003_templates, applied by `SqlVaultStore.open`).
 *
 * Webhooks may arrive late, twice or out of order: every event goes into the history, but the
 * current state only moves forward in event time (an upsert guarded by `status_at`), so a late
 * PENDING cannot hide an APPROVED that Meta sent after it.
 */
export class SqlTemplateStore implements TemplateLifecycleStore, SendDecisionLog {
  readonly #db: Db;

  constructor(db: Kysely<VeilDatabase>) {
    this.#db = db.withTables<TemplateTables>();
  }

  async recordStatus(change: TemplateStatusChange): Promise<RecordedChange> {
    return this.#db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('template_status')
        .select(['status', 'status_at'])
        .where('name', '=', change.name)
        .where('language', '=', change.language)
        .executeTakeFirst();
      const result = await tx
        .insertInto('template_status')
        .values({
          name: change.name,
          language: change.language,
          template_id: change.templateId,
          category: change.category,
          status: change.status,
          reason: change.reason,
          status_at: change.eventAt,
          quality: null,
          quality_at: null,
        })
        .onConflict((oc) =>
          oc
            .columns(['name', 'language'])
            .doUpdateSet({
              template_id: sql`coalesce(excluded.template_id, template_status.template_id)`,
              category: sql`coalesce(excluded.category, template_status.category)`,
              status: (eb) => eb.ref('excluded.status'),
              reason: (eb) => eb.ref('excluded.reason'),
              status_at: (eb) => eb.ref('excluded.status_at'),
            })
            .where((eb) =>
              eb.or([
                eb('template_status.status_at', 'is', null),
                eb('template_status.status_at', '<=', eb.ref('excluded.status_at')),
              ]),
            ),
        )
        .executeTakeFirst();
      const previous = before && before.status !== NO_STATUS ? before.status : null;
      await tx
        .insertInto('template_status_history')
        .values({
          name: change.name,
          language: change.language,
          template_id: change.templateId,
          kind: 'status',
          value: change.status,
          previous,
          reason: change.reason,
          detail: change.detail ? JSON.stringify(change.detail) : null,
          event_at: change.eventAt,
          received_at: change.receivedAt,
        })
        .execute();
      return { previous, applied: Number(result.numInsertedOrUpdatedRows ?? 0) > 0 };
    });
  }

  async recordQuality(change: TemplateQualityChange): Promise<RecordedChange> {
    return this.#db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('template_status')
        .select('quality')
        .where('name', '=', change.name)
        .where('language', '=', change.language)
        .executeTakeFirst();
      const result = await tx
        .insertInto('template_status')
        .values({
          name: change.name,
          language: change.language,
          template_id: change.templateId,
          category: null,
          status: NO_STATUS,
          reason: null,
          status_at: null,
          quality: change.quality,
          quality_at: change.eventAt,
        })
        .onConflict((oc) =>
          oc
            .columns(['name', 'language'])
            .doUpdateSet({
              template_id: sql`coalesce(excluded.template_id, template_status.template_id)`,
              quality: (eb) => eb.ref('excluded.quality'),
              quality_at: (eb) => eb.ref('excluded.quality_at'),
            })
            .where((eb) =>
              eb.or([
                eb('template_status.quality_at', 'is', null),
                eb('template_status.quality_at', '<=', eb.ref('excluded.quality_at')),
              ]),
            ),
        )
        .executeTakeFirst();
      // Meta says what the score was; Veil's own record is the fallback.
      const previous = change.previousQuality ?? before?.quality ?? null;
      await tx
        .insertInto('template_status_history')
        .values({
          name: change.name,
          language: change.language,
          template_id: change.templateId,
          kind: 'quality',
          value: change.quality,
          previous,
          reason: null,
          detail: null,
          event_at: change.eventAt,
          received_at: change.receivedAt,
        })
        .execute();
      return { previous, applied: Number(result.numInsertedOrUpdatedRows ?? 0) > 0 };
    });
  }

  async listTemplateStates(): Promise<TemplateState[]> {
    const rows = await this.#db
      .selectFrom('template_status')
      .selectAll()
      .orderBy('name')
      .orderBy('language')
      .execute();
    return rows.map(stateFromRow);
  }

  async statusesOf(names: readonly string[]): Promise<Map<string, string>> {
    const statuses = new Map<string, string>();
    if (names.length === 0) return statuses;
    const rows = await this.#db
      .selectFrom('template_status')
      .select(['name', 'language', 'status'])
      .where('name', 'in', [...new Set(names)])
      .execute();
    for (const row of rows)
      if (row.status !== NO_STATUS) statuses.set(`${row.name}\u0000${row.language}`, row.status);
    return statuses;
  }

  async templateHistory(name: string, language: string): Promise<TemplateHistoryEntry[]> {
    const rows = await this.#db
      .selectFrom('template_status_history')
      .selectAll()
      .where('name', '=', name)
      .where('language', '=', language)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      kind: row.kind === 'quality' ? 'quality' : 'status',
      value: row.value,
      previous: row.previous,
      reason: row.reason,
      detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
      eventAt: Number(row.event_at),
      receivedAt: Number(row.received_at),
    }));
  }

  async recordSendDecision(record: SendDecisionRecord): Promise<void> {
    await this.#db
      .insertInto('template_send_decisions')
      .values({
        id: record.id,
        at: record.at,
        tenant: record.tenant,
        requested_name: record.requestedName,
        requested_language: record.requestedLanguage,
        chosen_kind: record.chosenKind,
        chosen_name: record.chosenName,
        chosen_language: record.chosenLanguage,
        fell_back: record.fellBack ? 1 : 0,
        steps: JSON.stringify(record.steps),
        outcome: record.outcome,
        error_code: record.errorCode,
        message_id: record.messageId,
      })
      .execute();
  }

  /** Most recent first. */
  async sendDecisions(
    options: { readonly tenant?: string; readonly limit?: number } = {},
  ): Promise<SendDecisionRecord[]> {
    let query = this.#db
      .selectFrom('template_send_decisions')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(options.limit ?? 100);
    if (options.tenant !== undefined) query = query.where('tenant', '=', options.tenant);
    return (await query.execute()).map(decisionFromRow);
  }
}

function stateFromRow(row: Selectable<TemplateStatusTable>): TemplateState {
  const statusAt = row.status_at === null ? null : Number(row.status_at);
  const qualityAt = row.quality_at === null ? null : Number(row.quality_at);
  return {
    name: row.name,
    language: row.language,
    templateId: row.template_id,
    category: row.category,
    status: row.status,
    reason: row.reason,
    quality: row.quality,
    statusAt,
    qualityAt,
    lastChangeAt: Math.max(statusAt ?? 0, qualityAt ?? 0),
  };
}

function decisionFromRow(row: Selectable<TemplateSendDecisionsTable>): SendDecisionRecord {
  const kind = row.chosen_kind;
  return {
    id: row.id,
    at: Number(row.at),
    tenant: row.tenant,
    requestedName: row.requested_name,
    requestedLanguage: row.requested_language,
    chosenKind: kind === 'template' || kind === 'text' ? kind : null,
    chosenName: row.chosen_name,
    chosenLanguage: row.chosen_language,
    fellBack: Number(row.fell_back) === 1,
    steps: JSON.parse(row.steps) as FallbackStepRecord[],
    outcome: row.outcome === 'sent' || row.outcome === 'failed' ? row.outcome : 'refused',
    errorCode: row.error_code,
    messageId: row.message_id,
  };
}
