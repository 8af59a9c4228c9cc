import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWhatsAppSim, type WhatsAppSim } from '../../../sandbox/whatsapp/whatsapp-sim.js';
import { GraphTemplateClient } from '../../adapters/channels/whatsapp/template-client.js';
import { unreachableError } from '../../adapters/channels/whatsapp/template-errors.js';
import { computePlan, validateDefinition, type TemplateDefinition } from '../../core/templates/index.js';
import {
  applyPlan,
  editsFrom,
  type ApplyState,
  type ApplyStateStore,
  type TemplateApi,
} from './templates-apply.js';

/** applyPlan against the sandbox's WhatsApp simulator on loopback. */

const token = 'apply-token';
const wabaId = '102290129340398';
let sim: WhatsAppSim;
let client: GraphTemplateClient;

beforeEach(async () => {
  sim = buildWhatsAppSim({
    appSecret: 's',
    verifyToken: 'v',
    accessToken: token,
    wabaId,
    settings: { templateReviewDelayMs: 0, statusDelayMs: 0 },
  });
  client = new GraphTemplateClient({
    baseUrl: await sim.listen(0),
    apiVersion: 'v23.0',
    accessToken: token,
    wabaId,
  });
});
afterEach(async () => {
  await sim.close();
});

function memoryStore(): ApplyStateStore & { state: ApplyState } {
  const store = {
    state: { creations: [], edits: {} } as ApplyState,
    load: async () => store.state,
    save: async (s: ApplyState) => {
      store.state = s;
    },
  };
  return store;
}

const define = (name: string, texts: Record<string, string>): TemplateDefinition => {
  const d = validateDefinition({
    name,
    category: 'UTILITY',
    languages: Object.fromEntries(
      Object.entries(texts).map(([l, text]) => [l, { components: [{ type: 'BODY', text }] }]),
    ),
  }).definition;
  if (!d) throw new Error('fixture does not parse');
  return d;
};

const folder = [
  define('order_shipped', {
    pt_BR: 'Seu pedido saiu para entrega hoje.',
    en_US: 'Your order is out for delivery today.',
  }),
  define('payment_due', { pt_BR: 'Sua fatura vence amanhã, fique atento.' }),
];

const t0 = new Date('2026-03-01T10:00:00Z');
const planNow = async (local: readonly TemplateDefinition[], store: { state: ApplyState }, now = t0) =>
  computePlan(local, await client.listTemplates(), { now, editsOf: editsFrom(store.state) });

describe('applyPlan', () => {
  it('creates what is missing, and a second run has nothing left to do', async () => {
    const store = memoryStore();
    const progress: string[] = [];
    const result = await applyPlan(await planNow(folder, store), {
      api: client,
      store,
      now: () => t0,
      allowDelete: false,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(result.outcomes.map((o) => o.result)).toEqual(['done', 'done', 'done']);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(store.state.creations).toHaveLength(3);
    const again = await planNow(folder, store);
    expect(again.actions.every((a) => a.kind === 'unchanged')).toBe(true);
  });

  it('stops at the hourly creation rate and resumes after the window', async () => {
    const store = memoryStore();
    const first = await applyPlan(await planNow(folder, store), {
      api: client,
      store,
      now: () => t0,
      allowDelete: false,
      creationLimitPerHour: 2,
    });
    expect(first.outcomes).toHaveLength(2);
    expect(first.remaining).toHaveLength(1);
    expect(first.resumeAt?.toISOString()).toBe('2026-03-01T11:00:00.000Z');

    const later = new Date(t0.getTime() + 61 * 60 * 1000);
    const second = await applyPlan(await planNow(folder, store, later), {
      api: client,
      store,
      now: () => later,
      allowDelete: false,
      creationLimitPerHour: 2,
    });
    expect(second.outcomes.map((o) => o.result)).toEqual(['done']);
    expect((await client.listTemplates()).length).toBe(3);
  });

  it('resumes after an interruption without creating anything twice', async () => {
    const store = memoryStore();
    let calls = 0;
    const flaky: TemplateApi = {
      createTemplate: async (body) => {
        if (++calls === 2) throw unreachableError(new Error('connection reset'));
        return client.createTemplate(body);
      },
      editTemplate: (id, body) => client.editTemplate(id, body),
      deleteTemplate: (name, id) => client.deleteTemplate(name, id),
    };
    const interrupted = await applyPlan(await planNow(folder, store), {
      api: flaky,
      store,
      now: () => t0,
      allowDelete: false,
    });
    expect(interrupted.stoppedBecause).toMatch(/UNREACHABLE/);
    expect(interrupted.remaining).toHaveLength(2);

    const resumed = await applyPlan(await planNow(folder, store), {
      api: client,
      store,
      now: () => t0,
      allowDelete: false,
    });
    expect(resumed.outcomes.map((o) => o.result)).toEqual(['done', 'done']);
    const names = (await client.listTemplates()).map((t) => `${t.name}/${t.language}`).sort();
    expect(names).toEqual(['order_shipped/en_US', 'order_shipped/pt_BR', 'payment_due/pt_BR']);
  });

  it('edits a rejected template, and deletes only with allowDelete', async () => {
    const store = memoryStore();
    await applyPlan(await planNow(folder, store), { api: client, store, now: () => t0, allowDelete: false });
    await fetch(`${sim.url()}/__sim/templates/payment_due/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'REJECTED', reason: 'INVALID_FORMAT' }),
    });
    const changed = [
      folder[0] as TemplateDefinition,
      define('payment_due', { pt_BR: 'Sua fatura vence amanhã, pague pelo aplicativo.' }),
    ];
    const onlyShipped = await applyPlan(await planNow(changed, store), {
      api: client,
      store,
      now: () => t0,
      allowDelete: false,
    });
    expect(onlyShipped.outcomes).toEqual([
      expect.objectContaining({ result: 'done', action: expect.objectContaining({ kind: 'edit' }) }),
    ]);

    const withoutPayment = [folder[0] as TemplateDefinition];
    const skipped = await applyPlan(await planNow(withoutPayment, store), {
      api: client,
      store,
      now: () => t0,
      allowDelete: false,
    });
    expect(skipped.outcomes).toEqual([expect.objectContaining({ result: 'skipped' })]);
    const deleted = await applyPlan(await planNow(withoutPayment, store), {
      api: client,
      store,
      now: () => t0,
      allowDelete: true,
    });
    expect(deleted.outcomes).toEqual([expect.objectContaining({ result: 'done' })]);
    expect((await client.listTemplates()).map((t) => t.name)).not.toContain('payment_due');
  });
});
