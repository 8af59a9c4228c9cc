import type { Kysely } from 'kysely';
import type {
  GatewayCounts,
  GatewayStore,
  InboxRecord,
  NewInboxEvent,
  NewOutboundJob,
  NewOutboxMessage,
  OutboundJob,
  OutboundRecord,
  OutboxRecord,
  SecureSegment,
} from '../../gateway/gateway-store.js';
import { bucketOf } from '../../gateway/lease-buckets.js';
import { CompiledQueries } from './compiled-queries.js';
import { CHUNK, insertOutbox, PENDING, pendingInboxRows, pendingOutboxRows } from './gateway-rows.js';
import { GroupCommit } from './group-commit.js';
import type { GatewayTables } from './gateway-schema.js';
import type { VeilDatabase } from './schema.js';

type Db = Kysely<VeilDatabase & GatewayTables>;

const inboxKey = (tenant: string, messageId: string): string => `${tenant}\n${messageId}`;

/**
 * The gateway's state over Kysely, on the same database as the vault (SQLite file or PostgreSQL).
 * Tables come from migration 0002_gateway, which `SqlVaultStore.open` applies.
 */
export class SqlGatewayStore implements GatewayStore {
  readonly #db: Db;
  /** The hot path's statements (webhook → inbox → outbox → delivered), compiled once per shape. */
  readonly #compiled = new CompiledQueries();

  constructor(db: Kysely<VeilDatabase>) {
    this.#db = db.withTables<GatewayTables>();
  }

  /**
   * Webhooks that arrive in the same event-loop turn are stored in one transaction (group commit);
   * each caller's promise settles once the transaction holding its events has committed, so a 200
   * still means "durably stored".
   */
  addInbox(events: readonly NewInboxEvent[]): Promise<number> {
    return events.length === 0 ? Promise.resolve(0) : this.#inbox.submit(events);
  }

  readonly #inbox = new GroupCommit<readonly NewInboxEvent[], number>((batches) => this.#storeInbox(batches));

  async #storeInbox(batches: readonly (readonly NewInboxEvent[])[]): Promise<number[]> {
    const all = batches.flat();
    const stored = await this.#db.transaction().execute(async (tx) => {
      const keys = new Set<string>();
      for (let i = 0; i < all.length; i += CHUNK) {
        const chunk = all.slice(i, i + CHUNK);
        const values = chunk.map((e) => ({
          tenant: e.tenant,
          message_id: e.messageId,
          conversation: e.conversation,
          payload: e.payload,
          received_at: e.receivedAt,
          state: 'pending',
          bucket: bucketOf(e.tenant, e.conversation),
        }));
        const { rows } = await this.#compiled.run(
          tx,
          `inbox-insert:${chunk.length}`,
          values.flatMap((v) => [
            v.tenant,
            v.message_id,
            v.conversation,
            v.payload,
            v.received_at,
            v.state,
            v.bucket,
          ]),
          () =>
            tx
              .insertInto('gateway_inbox')
              .values(values)
              .onConflict((oc) => oc.columns(['tenant', 'message_id']).doNothing())
              .returning(['tenant', 'message_id']),
        );
        for (const row of rows) keys.add(inboxKey(row.tenant, row.message_id));
      }
      return keys;
    });
    // A message id that appears twice in one batch was stored once: it counts for its first caller.
    return batches.map((events) => {
      let added = 0;
      for (const e of events) if (stored.delete(inboxKey(e.tenant, e.messageId))) added += 1;
      return added;
    });
  }

  pendingInbox(limit: number, afterSeq = 0): Promise<InboxRecord[]> {
    return pendingInboxRows(this.#compiled, this.#db, limit, afterSeq, null);
  }

  async moveToOutbox(
    done: readonly { readonly inboxSeq: number; readonly outbox: NewOutboxMessage | null }[],
  ): Promise<void> {
    if (done.length === 0) return;
    await this.#db.transaction().execute(async (tx) => {
      await insertOutbox(
        this.#compiled,
        tx,
        done.flatMap((d) => (d.outbox ? [d.outbox] : [])),
      );
      const seqs = done.map((d) => d.inboxSeq);
      for (let i = 0; i < seqs.length; i += CHUNK) {
        const chunk = seqs.slice(i, i + CHUNK);
        await this.#compiled.run(tx, `inbox-done:${chunk.length}`, ['done', null, ...chunk], () =>
          tx.updateTable('gateway_inbox').set({ state: 'done', payload: null }).where('seq', 'in', chunk),
        );
      }
    });
  }

  pendingOutbox(limit: number, afterSeq = 0): Promise<OutboxRecord[]> {
    return pendingOutboxRows(this.#compiled, this.#db, limit, afterSeq, null);
  }

  async markDelivered(seqs: readonly number[], at: number): Promise<void> {
    for (let i = 0; i < seqs.length; i += CHUNK) {
      const chunk = seqs.slice(i, i + CHUNK);
      await this.#compiled.run(
        this.#db,
        `outbox-delivered:${chunk.length}`,
        ['delivered', at, null, ...chunk],
        () =>
          this.#db
            .updateTable('gateway_outbox')
            .set({ state: 'delivered', finished_at: at, last_error: null })
            .where('seq', 'in', chunk),
      );
    }
  }

  async markRetry(seq: number, attempts: number, nextAttemptAt: number, reason: string): Promise<void> {
    await this.#db
      .updateTable('gateway_outbox')
      .set({ attempts, next_attempt_at: nextAttemptAt, last_error: reason })
      .where('seq', '=', seq)
      .execute();
  }

  async markRejected(seq: number, at: number, reason: string): Promise<void> {
    await this.#db
      .updateTable('gateway_outbox')
      .set({ state: 'rejected', finished_at: at, last_error: reason })
      .where('seq', '=', seq)
      .execute();
  }

  async pseudonymFor(tenant: string, customer: string, fresh: () => string): Promise<string> {
    const existing = await this.#db
      .selectFrom('gateway_pseudonyms')
      .select('pseudonym')
      .where('tenant', '=', tenant)
      .where('customer', '=', customer)
      .executeTakeFirst();
    if (existing) return existing.pseudonym;
    await this.#db
      .insertInto('gateway_pseudonyms')
      .values({ tenant, customer, pseudonym: fresh(), created_at: Date.now() })
      .onConflict((oc) => oc.columns(['tenant', 'customer']).doNothing())
      .execute();
    // Another node may have won the race: read back whichever pseudonym was stored.
    const stored = await this.#db
      .selectFrom('gateway_pseudonyms')
      .select('pseudonym')
      .where('tenant', '=', tenant)
      .where('customer', '=', customer)
      .executeTakeFirstOrThrow();
    return stored.pseudonym;
  }

  async customerFor(tenant: string, pseudonym: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('gateway_pseudonyms')
      .select('customer')
      .where('tenant', '=', tenant)
      .where('pseudonym', '=', pseudonym)
      .executeTakeFirst();
    return row?.customer;
  }

  async addOutbound(record: Omit<OutboundRecord, 'receipt'>, at: number): Promise<void> {
    await this.#db
      .insertInto('gateway_outbound')
      .values({
        tenant: record.tenant,
        channel_message_id: record.channelMessageId,
        platform_message_id: record.platformMessageId,
        recipient: record.recipient,
        receipt: null,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['tenant', 'channel_message_id']).doNothing())
      .execute();
  }

  async outbound(tenant: string, channelMessageId: string): Promise<OutboundRecord | undefined> {
    const row = await this.#db
      .selectFrom('gateway_outbound')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('channel_message_id', '=', channelMessageId)
      .executeTakeFirst();
    return row
      ? {
          tenant: row.tenant,
          channelMessageId: row.channel_message_id,
          platformMessageId: row.platform_message_id,
          recipient: row.recipient,
          receipt: row.receipt,
        }
      : undefined;
  }

  async setReceipt(tenant: string, channelMessageId: string, receipt: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('gateway_outbound')
      .set({ receipt })
      .where('tenant', '=', tenant)
      .where('channel_message_id', '=', channelMessageId)
      .where('receipt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async counts(): Promise<GatewayCounts> {
    const inbox = await this.#db
      .selectFrom('gateway_inbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('state', '=', PENDING)
      .executeTakeFirstOrThrow();
    const outbox = await this.#db
      .selectFrom('gateway_outbox')
      .select(['state', (eb) => eb.fn.countAll().as('n')])
      .groupBy('state')
      .execute();
    const by = new Map(outbox.map((r) => [r.state, Number(r.n)]));
    return {
      inboxPending: Number(inbox.n),
      outboxPending: by.get('pending') ?? 0,
      delivered: by.get('delivered') ?? 0,
      rejected: by.get('rejected') ?? 0,
    };
  }

  async openSegment(segment: SecureSegment): Promise<void> {
    await this.#db.transaction().execute(async (tx) => {
      await tx
        .updateTable('gateway_segments')
        .set({ closed_at: segment.openedAt, close_reason: 'replaced' })
        .where('tenant', '=', segment.tenant)
        .where('customer', '=', segment.customer)
        .where('closed_at', 'is', null)
        .execute();
      await tx
        .insertInto('gateway_segments')
        .values({
          id: segment.id,
          tenant: segment.tenant,
          customer: segment.customer,
          reason: segment.reason,
          max_messages: segment.maxMessages,
          expires_at: segment.expiresAt,
          messages: 0,
          opened_at: segment.openedAt,
          config: segment.config,
          opened_by: segment.openedBy,
        })
        .execute();
    });
  }

  async activeSegment(tenant: string, customer: string, now: number): Promise<SecureSegment | undefined> {
    const row = await this.#db
      .selectFrom('gateway_segments')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('customer', '=', customer)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.expires_at !== null && Number(row.expires_at) <= now) {
      await this.#db
        .updateTable('gateway_segments')
        .set({ closed_at: now, close_reason: 'expired' })
        .where('id', '=', row.id)
        .execute();
      return undefined;
    }
    return {
      id: row.id,
      tenant: row.tenant,
      customer: row.customer,
      reason: row.reason,
      maxMessages: row.max_messages,
      expiresAt: row.expires_at === null ? null : Number(row.expires_at),
      messages: Number(row.messages),
      openedAt: Number(row.opened_at),
      config: row.config,
      openedBy: row.opened_by ?? 'api',
    };
  }

  async customersWithOpenSegments(tenant: string, customers: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const unique = [...new Set(customers)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const chunk = unique.slice(i, i + CHUNK);
      const { rows } = await this.#compiled.run(
        this.#db,
        `segments-open:${chunk.length}`,
        [tenant, ...chunk],
        () =>
          this.#db
            .selectFrom('gateway_segments')
            .select('customer')
            .where('tenant', '=', tenant)
            .where('customer', 'in', chunk)
            .where('closed_at', 'is', null),
      );
      for (const row of rows) found.add(row.customer);
    }
    return found;
  }

  async countSegmentMessage(id: string, now: number): Promise<void> {
    await this.#db
      .updateTable('gateway_segments')
      .set((eb) => ({ messages: eb('messages', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await this.#db
      .updateTable('gateway_segments')
      .set({ closed_at: now, close_reason: 'messages' })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .where('max_messages', 'is not', null)
      .where((eb) => eb('messages', '>=', eb.ref('max_messages')))
      .execute();
  }

  async closeSegment(tenant: string, customer: string, now: number, reason: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('gateway_segments')
      .set({ closed_at: now, close_reason: reason })
      .where('tenant', '=', tenant)
      .where('customer', '=', customer)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async conversationConfigs(tenant: string, customers: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const unique = [...new Set(customers)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await this.#db
        .selectFrom('gateway_conversation_configs')
        .select(['customer', 'config'])
        .where('tenant', '=', tenant)
        .where('customer', 'in', unique.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) found.set(row.customer, row.config);
    }
    return found;
  }

  async setConversationConfig(
    tenant: string,
    customer: string,
    config: string | null,
    at: number,
  ): Promise<void> {
    if (config === null) {
      await this.#db
        .deleteFrom('gateway_conversation_configs')
        .where('tenant', '=', tenant)
        .where('customer', '=', customer)
        .execute();
      return;
    }
    await this.#db
      .insertInto('gateway_conversation_configs')
      .values({ tenant, customer, config, updated_at: at })
      .onConflict((oc) => oc.columns(['tenant', 'customer']).doUpdateSet({ config, updated_at: at }))
      .execute();
  }

  async addOutboundJob(job: NewOutboundJob): Promise<boolean> {
    const result = await this.#db
      .insertInto('gateway_outbound_jobs')
      .values({
        tenant: job.tenant,
        kind: job.kind,
        key: job.key,
        lane: job.lane,
        payload: job.payload,
        state: 'pending',
        attempts: 0,
        next_attempt_at: job.createdAt,
        created_at: job.createdAt,
      })
      .onConflict((oc) => oc.columns(['tenant', 'kind', 'key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async hasOutboundJob(tenant: string, kind: NewOutboundJob['kind'], key: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('gateway_outbound_jobs')
      .select('seq')
      .where('tenant', '=', tenant)
      .where('kind', '=', kind)
      .where('key', '=', key)
      .executeTakeFirst();
    return row !== undefined;
  }

  async pendingOutboundJobs(limit: number, afterSeq = 0): Promise<OutboundJob[]> {
    const rows = await this.#db
      .selectFrom('gateway_outbound_jobs')
      .select([
        'seq',
        'tenant',
        'kind',
        'key',
        'lane',
        'payload',
        'attempts',
        'next_attempt_at',
        'created_at',
      ])
      .where('state', '=', PENDING)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      tenant: r.tenant,
      kind: r.kind === 'receipt' ? 'receipt' : 'message',
      key: r.key,
      lane: r.lane,
      payload: r.payload ?? '{}',
      attempts: Number(r.attempts),
      nextAttemptAt: Number(r.next_attempt_at),
      createdAt: Number(r.created_at),
    }));
  }

  async retryOutboundJob(
    seq: number,
    attempts: number,
    nextAttemptAt: number,
    reason: string,
  ): Promise<void> {
    await this.#db
      .updateTable('gateway_outbound_jobs')
      .set({ attempts, next_attempt_at: nextAttemptAt, last_error: reason })
      .where('seq', '=', seq)
      .execute();
  }

  async finishOutboundJob(
    seq: number,
    state: 'done' | 'failed',
    at: number,
    reason: string | null,
  ): Promise<void> {
    await this.#db
      .updateTable('gateway_outbound_jobs')
      .set({ state, finished_at: at, last_error: reason, payload: null })
      .where('seq', '=', seq)
      .execute();
  }
}
