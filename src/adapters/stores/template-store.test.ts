import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { TemplateStatusChange } from '../../core/templates/lifecycle-ports.js';
import { SqlTemplateStore } from './template-store.js';
import { SqlCustomerWindowStore } from './template-window-store.js';
import { postgresStore, sqliteStore, type StoreUnderTest } from './test-support/databases.js';

const change = (over: Partial<TemplateStatusChange>): TemplateStatusChange => ({
  name: 'order_shipped',
  language: 'pt_BR',
  templateId: '101',
  category: 'UTILITY',
  status: 'PENDING',
  reason: null,
  detail: null,
  eventAt: 1_000,
  receivedAt: 1_000,
  ...over,
});

for (const [name, open] of [
  ['SQLite', sqliteStore],
  ['PostgreSQL', postgresStore],
] as const) {
  describe(`template lifecycle store on ${name}`, () => {
    let db: StoreUnderTest | undefined;
    let store: SqlTemplateStore;
    beforeEach(async () => {
      db = await open();
      if (db) store = new SqlTemplateStore(db.store.db);
    });
    afterEach(async () => db?.cleanup());

    it('keeps the current status per name and language and every change in the history', async (ctx) => {
      if (!db) return ctx.skip();
      expect(await store.recordStatus(change({}))).toEqual({ previous: null, applied: true });
      expect(
        await store.recordStatus(
          change({
            status: 'REJECTED',
            reason: 'INVALID_FORMAT',
            detail: { rejection_info: { reason: 'adjacent parameters' } },
            eventAt: 2_000,
          }),
        ),
      ).toEqual({ previous: 'PENDING', applied: true });
      await store.recordStatus(
        change({ language: 'en_US', templateId: '102', status: 'APPROVED', eventAt: 1_500 }),
      );

      const states = await store.listTemplateStates();
      expect(states.map((s) => [s.name, s.language, s.status, s.reason, s.lastChangeAt])).toEqual([
        ['order_shipped', 'en_US', 'APPROVED', null, 1_500],
        ['order_shipped', 'pt_BR', 'REJECTED', 'INVALID_FORMAT', 2_000],
      ]);
      const history = await store.templateHistory('order_shipped', 'pt_BR');
      expect(history.map((h) => [h.kind, h.value, h.previous, h.reason])).toEqual([
        ['status', 'PENDING', null, null],
        ['status', 'REJECTED', 'PENDING', 'INVALID_FORMAT'],
      ]);
      expect(history[1]?.detail).toEqual({ rejection_info: { reason: 'adjacent parameters' } });
    });

    it('records a late, older event in the history without moving the current status back', async (ctx) => {
      if (!db) return ctx.skip();
      await store.recordStatus(change({ status: 'APPROVED', eventAt: 5_000 }));
      expect(await store.recordStatus(change({ status: 'PENDING', eventAt: 4_000 }))).toEqual({
        previous: 'APPROVED',
        applied: false,
      });
      expect((await store.statusesOf(['order_shipped'])).get('order_shipped\u0000pt_BR')).toBe('APPROVED');
      expect((await store.templateHistory('order_shipped', 'pt_BR')).map((h) => h.value)).toEqual([
        'APPROVED',
        'PENDING',
      ]);
    });

    it('tracks quality beside status; a quality-only row has no sendable status', async (ctx) => {
      if (!db) return ctx.skip();
      await store.recordQuality({
        name: 'promo',
        language: 'es',
        templateId: '7',
        quality: 'YELLOW',
        previousQuality: 'GREEN',
        eventAt: 10,
        receivedAt: 10,
      });
      expect((await store.statusesOf(['promo'])).size).toBe(0);
      await store.recordStatus(
        change({ name: 'promo', language: 'es', templateId: null, status: 'PAUSED', eventAt: 20 }),
      );
      const [state] = await store.listTemplateStates();
      expect(state).toMatchObject({
        status: 'PAUSED',
        quality: 'YELLOW',
        templateId: '7',
        statusAt: 20,
        qualityAt: 10,
        lastChangeAt: 20,
      });
      expect(
        (await store.templateHistory('promo', 'es')).map((h) => `${h.kind}:${h.previous}->${h.value}`),
      ).toEqual(['quality:GREEN->YELLOW', 'status:null->PAUSED']);
    });

    it('records send decisions with their steps, newest first, per tenant', async (ctx) => {
      if (!db) return ctx.skip();
      const steps = [
        { candidate: 'template order_shipped (pt_BR)', outcome: 'skipped' as const, reason: 'status PAUSED' },
        { candidate: 'plain text', outcome: 'chosen' as const, reason: '24-hour window open' },
      ];
      await store.recordSendDecision({
        id: 'd1',
        at: 1,
        tenant: 'acme',
        requestedName: 'order_shipped',
        requestedLanguage: 'pt_BR',
        chosenKind: 'text',
        chosenName: null,
        chosenLanguage: null,
        fellBack: true,
        steps,
        outcome: 'sent',
        errorCode: null,
        messageId: 'wamid.1',
      });
      await store.recordSendDecision({
        id: 'd2',
        at: 2,
        tenant: 'acme',
        requestedName: 'order_shipped',
        requestedLanguage: 'pt_BR',
        chosenKind: null,
        chosenName: null,
        chosenLanguage: null,
        fellBack: false,
        steps: [],
        outcome: 'refused',
        errorCode: 'VEIL_ERR_TEMPLATE_NO_USABLE_FALLBACK',
        messageId: null,
      });
      await store.recordSendDecision({
        id: 'd3',
        at: 3,
        tenant: 'other',
        requestedName: 'x',
        requestedLanguage: 'es',
        chosenKind: 'template',
        chosenName: 'x',
        chosenLanguage: 'es',
        fellBack: false,
        steps: [],
        outcome: 'sent',
        errorCode: null,
        messageId: 'wamid.3',
      });
      const decisions = await store.sendDecisions({ tenant: 'acme' });
      expect(decisions.map((d) => [d.id, d.outcome, d.fellBack])).toEqual([
        ['d2', 'refused', false],
        ['d1', 'sent', true],
      ]);
      expect(decisions[1]?.steps).toEqual(steps);
    });

    it('keeps the latest customer message per customer however the number is written', async (ctx) => {
      if (!db) return ctx.skip();
      const window = new SqlCustomerWindowStore(db.store.db);
      expect(await window.lastCustomerMessageAt('+5511987654321')).toBeUndefined();
      await window.recordCustomerMessage('5511987654321', new Date(2_000));
      await window.recordCustomerMessage('+55 11 98765-4321', new Date(1_000));
      expect((await window.lastCustomerMessageAt('+5511987654321'))?.getTime()).toBe(2_000);
      await window.recordCustomerMessage('+5511987654321', new Date(3_000));
      expect((await window.lastCustomerMessageAt('5511987654321'))?.getTime()).toBe(3_000);
    });
  });
}
