import { createHmac } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { buildWhatsAppSim } from '../sandbox/whatsapp/whatsapp-sim.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStore, type StoreUnderTest } from './adapters/stores/test-support/databases.js';
import { openTemplates } from './compose-templates.js';
import { loadConfig } from './config/config.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/templates');
const secret = 'alert-secret-0123456789';

let db: StoreUnderTest;
let receiver: FastifyInstance;
let received: { body: string; signature: unknown }[];
let receiverUrl: string;

beforeEach(async () => {
  db = await sqliteStore();
  received = [];
  receiver = Fastify();
  receiver.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, body, done) =>
    done(null, body),
  );
  receiver.post('/alerts', async (request) => {
    received.push({ body: String(request.body), signature: request.headers['x-veil-signature-256'] });
    return {};
  });
  receiverUrl = `${await receiver.listen({ port: 0, host: '127.0.0.1' })}/alerts`;
});

afterEach(async () => {
  await receiver.close();
  await db.cleanup();
});

describe('openTemplates (composition)', () => {
  it('wires the lifecycle to the store and to log, metric and the configured signed alert webhook', async () => {
    const warnings: Record<string, unknown>[] = [];
    const registry = new Registry();
    const config = loadConfig(
      { dataDir: '/tmp/unused' },
      { VEIL_TEMPLATE_ALERT_WEBHOOK_URL: receiverUrl, VEIL_TEMPLATE_ALERT_WEBHOOK_SECRET: secret },
    );
    const templates = await openTemplates(config, db.store.db, {
      logger: { warn: (fields) => void warnings.push(fields) },
      registry,
    });
    expect(templates.routes).toBeUndefined();
    await templates.lifecycle.handleTemplateWebhookChange('message_template_status_update', {
      event: 'DISABLED',
      message_template_id: 9,
      message_template_name: 'order_shipped',
      message_template_language: 'pt-BR',
      reason: null,
    });
    expect((await templates.store.listTemplateStates())[0]).toMatchObject({
      status: 'DISABLED',
      language: 'pt_BR',
    });
    expect(warnings).toEqual([expect.objectContaining({ event: 'DISABLED', template: 'order_shipped' })]);
    expect(await registry.metrics()).toContain('veil_template_alerts_total{event="DISABLED"} 1');
    expect(received).toHaveLength(1);
    expect(received[0]?.signature).toBe(
      `sha256=${createHmac('sha256', secret).update(received[0]!.body).digest('hex')}`,
    );
  });

  it('offers the template routes when a folder, a token and a phone number id are configured', async () => {
    const config = loadConfig(
      { dataDir: '/tmp/unused' },
      {
        VEIL_TEMPLATES_DIR: examples,
        VEIL_WHATSAPP_ACCESS_TOKEN: 'token',
        VEIL_WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      },
    );
    const templates = await openTemplates(config, db.store.db, {
      logger: { warn: () => undefined },
      registry: new Registry(),
    });
    expect(templates.routes?.definitionOf('order_shipped')?.fallback.length).toBeGreaterThan(0);
    expect(templates.routes?.definitionOf('no_such_template')).toBeUndefined();
    // The detection engine is on by default: a quick-reply payload carrying an e-mail address is found.
    expect(templates.routes?.inspect?.('reply-to ana.souza@example.com')).toContain('EMAIL');
    expect(templates.routes?.inspect?.('offers_2026')).toEqual([]);
  });

  it('records the provider list into the store (templates created before the webhook subscription)', async () => {
    const sim = buildWhatsAppSim({
      appSecret: 's',
      verifyToken: 'v',
      accessToken: 'token',
      wabaId: '102290129340398',
      phoneNumberId: '106540352242922',
    });
    try {
      const config = loadConfig(
        { dataDir: '/tmp/unused' },
        {
          VEIL_WHATSAPP_GRAPH_URL: await sim.listen(0),
          VEIL_WHATSAPP_ACCESS_TOKEN: 'token',
          VEIL_WHATSAPP_WABA_ID: '102290129340398',
        },
      );
      for (const [name, status] of [
        ['seeded_approved', 'APPROVED'],
        ['seeded_paused', 'PAUSED'],
      ])
        await fetch(`${sim.url()}/__sim/templates`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name,
            language: 'pt_BR',
            category: 'UTILITY',
            status,
            components: [{ type: 'BODY', text: `Mensagem ${name} de teste.` }],
          }),
        });
      const templates = await openTemplates(config, db.store.db, {
        logger: { warn: () => undefined },
        registry: new Registry(),
      });
      const listed = (await (
        await fetch(`${sim.url()}/v23.0/102290129340398/message_templates?fields=name,language,status`, {
          headers: { authorization: 'Bearer token' },
        })
      ).json()) as { data: { name: string; language: string; status: string }[] };
      expect(listed.data.map((t) => t.name)).toEqual(
        expect.arrayContaining(['seeded_approved', 'seeded_paused']),
      );
      expect(await templates.syncFromProvider?.()).toBeGreaterThanOrEqual(listed.data.length);
      const states = await templates.store.listTemplateStates();
      expect(states.map((s) => `${s.name}/${s.language}/${s.status}`).sort()).toEqual(
        listed.data.map((t) => `${t.name}/${t.language}/${t.status}`).sort(),
      );
      // A second sync finds nothing new: the history only grows with real changes.
      expect(await templates.syncFromProvider?.()).toBe(0);
    } finally {
      await sim.close();
    }
  });
});
