import { afterAll, describe, expect, it } from 'vitest';
import { SqlGatewayStore } from './sql-gateway-store.js';
import { postgresStore, sqliteStore, type StoreUnderTest } from './test-support/databases.js';

/** The gateway's store contract, on SQLite and on PostgreSQL (one schema, two dialects). */
function describeGatewayStore(name: string, make: () => Promise<StoreUnderTest | undefined>): void {
  describe(`SqlGatewayStore on ${name}`, () => {
    // One database per suite: Kysely's migrator looks its lock table up without the schema, so two
    // fresh PostgreSQL schemas side by side confuse it. The tests use separate tables.
    let underTest: Promise<StoreUnderTest | undefined> | undefined;
    afterAll(async () => {
      await (await underTest)?.cleanup();
    });
    const open = async (): Promise<SqlGatewayStore | undefined> => {
      underTest ??= make();
      const opened = await underTest;
      return opened ? new SqlGatewayStore(opened.store.db) : undefined;
    };
    const event = (messageId: string, conversation = 'c1') => ({
      tenant: 't',
      messageId,
      conversation,
      payload: `{"text":"plain ${messageId}"}`,
      receivedAt: 1,
    });

    it('inbox: concurrent webhooks share one commit, each told how many of its own events were new', async () => {
      const store = await open();
      if (!store) return;
      const of = (messageId: string) => ({ ...event(messageId, 'gc1'), tenant: 'group-commit' });
      // Started in the same event-loop turn: one transaction holds them all.
      const counts = await Promise.all([
        store.addInbox([of('g1'), of('g2')]),
        store.addInbox([of('g2'), of('g3')]),
        store.addInbox([of('g1')]),
        store.addInbox([]),
      ]);
      expect(counts).toEqual([2, 1, 0, 0]);
      // Every promise settled after the commit: the rows are there, each once, in arrival order.
      const stored = (await store.pendingInbox(100)).filter((r) => r.tenant === 'group-commit');
      expect(stored.map((r) => r.messageId)).toEqual(['g1', 'g2', 'g3']);
      await store.moveToOutbox(stored.map((r) => ({ inboxSeq: r.seq, outbox: null })));
    });

    it('inbox: deduplicates, keeps order, erases plaintext once moved to the outbox', async () => {
      const store = await open();
      if (!store) return;
      expect(await store.addInbox([event('a'), event('b'), event('a')])).toBe(2);
      expect(await store.addInbox([event('b'), event('c', 'c2')])).toBe(1);
      const pending = await store.pendingInbox(10);
      expect(pending.map((r) => r.messageId)).toEqual(['a', 'b', 'c']);
      expect((await store.pendingInbox(10, pending[0]!.seq)).map((r) => r.messageId)).toEqual(['b', 'c']);
      const outbox = (id: string) => ({
        id,
        tenant: 't',
        conversation: 'c1',
        body: `{"id":"${id}"}`,
        createdAt: 2,
      });
      await store.moveToOutbox([
        { inboxSeq: pending[0]!.seq, outbox: outbox('a') },
        { inboxSeq: pending[1]!.seq, outbox: null },
      ]);
      await store.moveToOutbox([{ inboxSeq: pending[0]!.seq, outbox: outbox('a') }]); // a replay: no-op
      expect((await store.pendingInbox(10)).map((r) => r.messageId)).toEqual(['c']);
      const rows = await store.pendingOutbox(10);
      expect(rows.map((r) => [r.id, r.attempts])).toEqual([['a', 0]]);
      await store.markRetry(rows[0]!.seq, 1, 99, 'platform 503');
      expect((await store.pendingOutbox(10))[0]).toMatchObject({ attempts: 1, nextAttemptAt: 99 });
      await store.markDelivered([rows[0]!.seq], 3);
      expect(await store.counts()).toEqual({ inboxPending: 1, outboxPending: 0, delivered: 1, rejected: 0 });
    });

    it('pseudonyms are stable and map back; receipts are recorded once', async () => {
      const store = await open();
      if (!store) return;
      let n = 0;
      const fresh = () => `p${++n}`;
      const first = await store.pseudonymFor('t', '5511', fresh);
      expect(await store.pseudonymFor('t', '5511', fresh)).toBe(first);
      expect(await store.customerFor('t', first)).toBe('5511');
      expect(await store.customerFor('other', first)).toBeUndefined();
      await store.addOutbound(
        { tenant: 't', channelMessageId: 'wamid.1', platformMessageId: 'g1', recipient: 'Phone:+5511' },
        1,
      );
      expect(await store.setReceipt('t', 'wamid.1', 'Delivered')).toBe(true);
      expect(await store.setReceipt('t', 'wamid.1', 'Delivered')).toBe(false);
      expect(await store.outbound('t', 'wamid.1')).toMatchObject({
        platformMessageId: 'g1',
        receipt: 'Delivered',
      });
    });

    it('secure segments: one open per customer, closed by count, expiry or request', async () => {
      const store = await open();
      if (!store) return;
      const segment = (id: string, extra = {}) => ({
        id,
        tenant: 't',
        customer: '5511',
        reason: 'card',
        maxMessages: 2,
        expiresAt: 1_000,
        messages: 0,
        openedAt: 0,
        config: null,
        openedBy: 'api',
        ...extra,
      });
      await store.openSegment(segment('s1'));
      await store.openSegment(segment('s2')); // replaces s1
      expect((await store.activeSegment('t', '5511', 10))?.id).toBe('s2');
      expect(await store.customersWithOpenSegments('t', ['5511', '5522'])).toEqual(new Set(['5511']));
      await store.countSegmentMessage('s2', 10);
      expect((await store.activeSegment('t', '5511', 10))?.messages).toBe(1);
      await store.countSegmentMessage('s2', 11);
      expect(await store.activeSegment('t', '5511', 12)).toBeUndefined();
      await store.openSegment(segment('s3', { maxMessages: null }));
      expect(await store.activeSegment('t', '5511', 1_000)).toBeUndefined(); // expired
      await store.openSegment(segment('s4', { expiresAt: null }));
      expect(await store.closeSegment('t', '5511', 5, 'closed')).toBe(true);
      expect(await store.closeSegment('t', '5511', 6, 'closed')).toBe(false);
      await store.openSegment(segment('s5', { config: 'cards-only', openedBy: 'keyword:pin' }));
      expect(await store.activeSegment('t', '5511', 10)).toMatchObject({
        config: 'cards-only',
        openedBy: 'keyword:pin',
      });
    });

    it('outbound jobs: deduplicated per tenant and kind, retried, finished with the payload erased', async () => {
      const store = await open();
      if (!store) return;
      const job = (key: string, kind: 'message' | 'receipt' = 'message') => ({
        tenant: 't',
        kind,
        key,
        lane: '5511',
        payload: `{"text":"${key}"}`,
        createdAt: 5,
      });
      expect(await store.addOutboundJob(job('m1'))).toBe(true);
      expect(await store.addOutboundJob(job('m1'))).toBe(false);
      expect(await store.addOutboundJob(job('m1', 'receipt'))).toBe(true);
      expect(await store.addOutboundJob(job('m2'))).toBe(true);
      expect(await store.hasOutboundJob('t', 'message', 'm2')).toBe(true);
      expect(await store.hasOutboundJob('u', 'message', 'm2')).toBe(false);
      const [first, second, third] = await store.pendingOutboundJobs(10);
      expect([first!.key, second!.kind, third!.key]).toEqual(['m1', 'receipt', 'm2']);
      expect(first).toMatchObject({ attempts: 0, nextAttemptAt: 5, payload: '{"text":"m1"}' });
      await store.retryOutboundJob(first!.seq, 1, 99, '503');
      await store.finishOutboundJob(second!.seq, 'done', 10, null);
      await store.finishOutboundJob(third!.seq, 'failed', 10, 'window');
      expect(await store.pendingOutboundJobs(10)).toEqual([
        expect.objectContaining({ key: 'm1', attempts: 1, nextAttemptAt: 99 }),
      ]);
      expect(await store.pendingOutboundJobs(10, first!.seq)).toEqual([]);
    });

    it('conversation configs: chosen per customer, replaced, reset to the default', async () => {
      const store = await open();
      if (!store) return;
      await store.setConversationConfig('t', '5511', 'cards-only', 1);
      await store.setConversationConfig('t', '5522', 'standard', 1);
      await store.setConversationConfig('t', '5511', 'emails', 2);
      await store.setConversationConfig('u', '5533', 'other-tenant', 2);
      expect(await store.conversationConfigs('t', ['5511', '5522', '5533'])).toEqual(
        new Map([
          ['5511', 'emails'],
          ['5522', 'standard'],
        ]),
      );
      await store.setConversationConfig('t', '5511', null, 3);
      expect(await store.conversationConfigs('t', ['5511'])).toEqual(new Map());
    });
  });
}

describeGatewayStore('SQLite', sqliteStore);
describeGatewayStore('PostgreSQL', postgresStore);
