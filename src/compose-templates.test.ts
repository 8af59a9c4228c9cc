import { createHmac } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
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
  });
});
