import { afterAll, describe, expect, it } from 'vitest';
import { sweepRetention } from '../../gateway/gateway-retention.js';
import { SqlGatewayRetention } from './sql-gateway-retention.js';
import { SqlGatewayStore } from './sql-gateway-store.js';
import { postgresStore, sqliteStore, type StoreUnderTest } from './test-support/databases.js';

const DAY = 86_400_000;
const nothing = { inbox: 0, outbox: 0, outboundJobs: 0, outbound: 0, segments: 0 };

function describeRetention(name: string, make: () => Promise<StoreUnderTest | undefined>): void {
  describe(`gateway retention on ${name}`, () => {
    let underTest: StoreUnderTest | undefined;
    afterAll(async () => {
      await underTest?.cleanup();
    });

    it('deletes finished rows past retention in batches; keeps work still to do and recent rows', async () => {
      underTest = await make();
      if (!underTest) return;
      const store = new SqlGatewayStore(underTest.store.db);
      const event = (id: string, receivedAt: number) => ({
        tenant: 't',
        messageId: id,
        conversation: `c-${id}`,
        payload: '{}',
        receivedAt,
      });
      // Day 0: five old messages, protected and finished. Day 9: two more, finished. Plus one old
      // message never protected and one protected but never delivered.
      const old = ['o1', 'o2', 'o3', 'o4', 'o5'];
      await store.addInbox([...old.map((id) => event(id, 0)), event('stuck', 0), event('waiting', 0)]);
      await store.addInbox(['n1', 'n2'].map((id) => event(id, 9 * DAY)));
      const inbox = await store.pendingInbox(100);
      const seqOf = new Map(inbox.map((r) => [r.messageId, r.seq]));
      const outboxFor = (id: string, at: number) => ({
        inboxSeq: seqOf.get(id)!,
        outbox: { id, tenant: 't', conversation: `c-${id}`, body: '{}', createdAt: at },
      });
      await store.moveToOutbox([...old, 'waiting'].map((id) => outboxFor(id, 0)));
      await store.moveToOutbox(['n1', 'n2'].map((id) => outboxFor(id, 9 * DAY)));
      const outbox = await store.pendingOutbox(100);
      const outSeq = new Map(outbox.map((r) => [r.id, r.seq]));
      await store.markDelivered(
        ['o1', 'o2', 'o3', 'o4'].map((id) => outSeq.get(id)!),
        1,
      );
      await store.markRejected(outSeq.get('o5')!, 1, 'bad request');
      await store.markDelivered(
        ['n1', 'n2'].map((id) => outSeq.get(id)!),
        9 * DAY,
      );

      // Day 10 with 8 days kept: day-0 rows go (in batches of 2), day-9 rows stay.
      const result = await sweepRetention(new SqlGatewayRetention(underTest.store.db), 10 * DAY, 8 * DAY, 2);
      // o1–o5 and `waiting` (protected); o1–o5 sent
      expect(result).toEqual({ ...nothing, inbox: 6, outbox: 5 });
      expect((await store.pendingInbox(100)).map((r) => r.messageId)).toEqual(['stuck']);
      expect((await store.pendingOutbox(100)).map((r) => r.id)).toEqual(['waiting']);
      expect(await store.counts()).toEqual({ inboxPending: 1, outboxPending: 1, delivered: 2, rejected: 0 });
      // The recent dedup records still hold; the deleted ones are past any WhatsApp retry.
      expect(await store.addInbox([event('n1', 10 * DAY)])).toBe(0);

      // A second sweep finds nothing more.
      expect(await sweepRetention(new SqlGatewayRetention(underTest.store.db), 10 * DAY, 8 * DAY, 2)).toEqual(
        nothing,
      );
    });

    it('deletes finished outbound jobs, outbound records and closed segments past retention', async () => {
      underTest ??= await make();
      if (!underTest) return;
      const store = new SqlGatewayStore(underTest.store.db);
      const tenant = 'out';
      const job = (key: string, createdAt: number) =>
        store.addOutboundJob({ tenant, kind: 'message', key, lane: 'l', payload: '{}', createdAt });
      for (const key of ['j-old-done', 'j-old-failed', 'j-old-pending', 'j-new-done']) await job(key, 0);
      const jobs = new Map((await store.pendingOutboundJobs(100)).map((j) => [j.key, j.seq]));
      await store.finishOutboundJob(jobs.get('j-old-done')!, 'done', 1, null);
      await store.finishOutboundJob(jobs.get('j-old-failed')!, 'failed', 1, 'window closed');
      await store.finishOutboundJob(jobs.get('j-new-done')!, 'done', 9 * DAY, null);
      const sent = (id: string, at: number) =>
        store.addOutbound(
          { tenant, channelMessageId: id, platformMessageId: `p-${id}`, recipient: '55' },
          at,
        );
      await sent('wamid.old', 0);
      await sent('wamid.new', 9 * DAY);
      const segment = (id: string, customer: string) => ({
        id,
        tenant,
        customer,
        reason: 'card',
        maxMessages: null,
        expiresAt: null,
        messages: 0,
        openedAt: 0,
        config: null,
        openedBy: 'api',
      });
      await store.openSegment(segment('s-old', '5501'));
      await store.closeSegment(tenant, '5501', 1, 'api');
      await store.openSegment(segment('s-new', '5502'));
      await store.closeSegment(tenant, '5502', 9 * DAY, 'api');
      await store.openSegment(segment('s-open', '5503'));

      const result = await sweepRetention(new SqlGatewayRetention(underTest.store.db), 10 * DAY, 8 * DAY, 1);
      expect(result).toMatchObject({ outboundJobs: 2, outbound: 1, segments: 1 });
      expect((await store.pendingOutboundJobs(100)).map((j) => j.key)).toEqual(['j-old-pending']);
      expect(await store.hasOutboundJob(tenant, 'message', 'j-new-done')).toBe(true);
      expect(await store.hasOutboundJob(tenant, 'message', 'j-old-done')).toBe(false);
      expect(await store.outbound(tenant, 'wamid.old')).toBeUndefined();
      expect(await store.outbound(tenant, 'wamid.new')).toBeDefined();
      expect(await store.customersWithOpenSegments(tenant, ['5501', '5502', '5503'])).toEqual(
        new Set(['5503']),
      );
      const segments = await underTest.store.db
        .withTables<{ gateway_segments: { id: string } }>()
        .selectFrom('gateway_segments')
        .select('id')
        .where('id', 'in', ['s-old', 's-new', 's-open'])
        .execute();
      expect(segments.map((s) => s.id).sort()).toEqual(['s-new', 's-open']);
    });
  });
}

describeRetention('SQLite', sqliteStore);
describeRetention('PostgreSQL', postgresStore);
