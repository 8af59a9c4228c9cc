import { createHmac } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateAlert } from '../../core/templates/lifecycle.js';
import { fanOutAlerts, logAlertSink, metricAlertSink, webhookAlertSink } from './template-alert-sinks.js';

const alert: TemplateAlert = {
  event: 'PAUSED',
  name: 'order_shipped',
  language: 'pt_BR',
  templateId: '101',
  category: 'UTILITY',
  previousStatus: 'APPROVED',
  reason: 'FIRST_PAUSE',
  at: new Date('2026-05-01T12:00:00Z'),
};

let receiver: FastifyInstance | undefined;
afterEach(async () => receiver?.close());

describe('template alert sinks', () => {
  it('logs one warning event with identifiers only', () => {
    const lines: [Record<string, unknown>, string][] = [];
    logAlertSink({ warn: (fields, message) => void lines.push([fields, message]) }).templateAlert(alert);
    expect(lines).toEqual([
      [
        {
          alert: 'template',
          event: 'PAUSED',
          template: 'order_shipped',
          language: 'pt_BR',
          templateId: '101',
          category: 'UTILITY',
          previousStatus: 'APPROVED',
          reason: 'FIRST_PAUSE',
          at: '2026-05-01T12:00:00.000Z',
        },
        'template paused',
      ],
    ]);
  });

  it('counts alerts per event in a prom-client registry (twice-built sinks share the counter)', async () => {
    const registry = new Registry();
    metricAlertSink(registry).templateAlert(alert);
    metricAlertSink(registry).templateAlert({ ...alert, event: 'REJECTED' });
    metricAlertSink(registry).templateAlert(alert);
    const text = await registry.metrics();
    expect(text).toContain('veil_template_alerts_total{event="PAUSED"} 2');
    expect(text).toContain('veil_template_alerts_total{event="REJECTED"} 1');
  });

  it('posts a signed JSON alert to the configured webhook, and a failing sink does not stop the others', async () => {
    const received: { body: string; signature: unknown }[] = [];
    receiver = Fastify();
    receiver.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, body, done) =>
      done(null, body),
    );
    receiver.post('/alerts', async (request) => {
      received.push({ body: String(request.body), signature: request.headers['x-veil-signature-256'] });
      return { ok: true };
    });
    receiver.post('/broken', async (_request, reply) => reply.code(500).send());
    const base = await receiver.listen({ port: 0, host: '127.0.0.1' });

    const errors: number[] = [];
    const counted: string[] = [];
    await fanOutAlerts(
      [
        webhookAlertSink({ url: `${base}/broken` }),
        webhookAlertSink({ url: `${base}/alerts`, secret: 'alert-secret' }),
        { templateAlert: (a) => void counted.push(a.event) },
      ],
      (index) => errors.push(index),
    ).templateAlert(alert);

    expect(errors).toEqual([0]);
    expect(counted).toEqual(['PAUSED']);
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(JSON.parse(delivery!.body)).toMatchObject({
      type: 'template.alert',
      event: 'PAUSED',
      template: 'order_shipped',
    });
    const expected = `sha256=${createHmac('sha256', 'alert-secret').update(delivery!.body).digest('hex')}`;
    expect(delivery!.signature).toBe(expected);
  });
});
