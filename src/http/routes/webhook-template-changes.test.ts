import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWhatsAppSim, type WhatsAppSim } from '../../../sandbox/whatsapp/whatsapp-sim.js';
import { whatsappSignature } from '../../adapters/channels/whatsapp/webhook-signature.js';
import { SqlTemplateStore } from '../../adapters/stores/template-store.js';
import { sqliteStore, type StoreUnderTest } from '../../adapters/stores/test-support/databases.js';
import { createTemplateLifecycle, type TemplateAlert } from '../../core/templates/index.js';
import { whatsappWebhookRoutes } from './webhooks-whatsapp.js';

/** The gateway's POST /webhooks/whatsapp hands template changes to the lifecycle handler. */

const appSecret = 'wired-app-secret';
const wabaId = '102290129340398';
const phoneNumberId = '106540352242922';

let db: StoreUnderTest;
let store: SqlTemplateStore;
let alerts: TemplateAlert[];
let app: FastifyInstance;
let base: string;
let sim: WhatsAppSim;
let handledCount: number;
let wake: (() => void)[];

beforeEach(async () => {
  db = await sqliteStore();
  store = new SqlTemplateStore(db.store.db);
  alerts = [];
  handledCount = 0;
  wake = [];
  const lifecycle = createTemplateLifecycle({ store, alerts: { templateAlert: (a) => void alerts.push(a) } });
  app = Fastify();
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_r, body, done) =>
      done(null, body),
    );
    whatsappWebhookRoutes(scope, {
      tenants: [{ id: 'acme', phoneNumberId, appSecret, verifyToken: 'v' }],
      receive: async () => undefined,
      templates: {
        async handleTemplateWebhookChange(field, value, context) {
          try {
            return await lifecycle.handleTemplateWebhookChange(field, value, context);
          } finally {
            handledCount++;
            for (const resolve of wake.splice(0)) resolve();
          }
        },
      },
    });
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  sim = buildWhatsAppSim({
    appSecret,
    verifyToken: 'v',
    accessToken: 't',
    wabaId,
    phoneNumberId,
    settings: { webhookUrl: `${base}/webhooks/whatsapp`, templateReviewDelayMs: 0 },
  });
  await sim.listen(0);
});

afterEach(async () => {
  await sim.close();
  await app.close();
  await db.cleanup();
});

const handled = async (count: number) => {
  while (handledCount < count) await new Promise<void>((resolve) => wake.push(resolve));
};

describe('POST /webhooks/whatsapp with the template lifecycle wired', () => {
  it('records a status webhook from the simulator and alerts on a pause', async () => {
    // Seeded APPROVED (skipping review); pausing it makes the simulator send the status webhook.
    const seeded = await fetch(`${sim.url()}/__sim/templates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'wired_check',
        language: 'pt_BR',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Seu pedido foi enviado hoje.' }],
      }),
    });
    expect(seeded.status).toBe(201);
    const paused = await fetch(`${sim.url()}/__sim/templates/wired_check/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'PAUSED' }),
    });
    expect(paused.ok).toBe(true);
    await handled(1);
    expect((await store.listTemplateStates()).map((s) => [s.name, s.language, s.status])).toEqual([
      ['wired_check', 'pt_BR', 'PAUSED'],
    ]);
    expect(alerts.map((a) => a.event)).toEqual(['PAUSED']);
  });

  it('acknowledges a malformed template change and records nothing (Meta would redeliver a refused batch forever)', async () => {
    const raw = Buffer.from(
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: wabaId,
            time: 1,
            changes: [{ field: 'message_template_status_update', value: { event: 'X' } }],
          },
        ],
      }),
    );
    const response = await fetch(`${base}/webhooks/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': whatsappSignature(appSecret, raw),
      },
      body: raw,
    });
    expect(response.status).toBe(200);
    expect(handledCount).toBe(1);
    expect(await store.listTemplateStates()).toEqual([]);
  });
});
