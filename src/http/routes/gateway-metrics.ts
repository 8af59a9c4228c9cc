import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Registry } from 'prom-client';
import type { GatewayStore } from '../../gateway/gateway-store.js';
import type { GatewayEvent } from '../../gateway/inbound-pipeline.js';

/**
 * Prometheus metrics of the gateway (`GET /metrics`): counts by tenant and outcome, queue depths
 * read from the store at scrape time. Ids and counts only, never message text.
 */
export function gatewayMetrics(store: GatewayStore): {
  readonly onEvent: (event: GatewayEvent) => void;
  register(app: FastifyInstance): void;
} {
  const registry = new Registry();
  const stored = new Counter({
    name: 'veil_gateway_inbound_stored_total',
    help: 'Customer messages stored in the inbox',
    registers: [registry],
  });
  const duplicates = new Counter({
    name: 'veil_gateway_inbound_duplicates_total',
    help: 'Repeated channel webhooks dropped by message id',
    registers: [registry],
  });
  const outcomes = new Counter({
    name: 'veil_gateway_deliveries_total',
    help: 'Platform delivery attempts by outcome (delivered, retry, rejected)',
    labelNames: ['tenant', 'outcome'],
    registers: [registry],
  });
  const protectFailures = new Counter({
    name: 'veil_gateway_protect_failures_total',
    help: 'Messages held back because protection failed (retried later)',
    labelNames: ['tenant', 'code'],
    registers: [registry],
  });
  const mediaFailures = new Counter({
    name: 'veil_gateway_media_failures_total',
    help: 'Protected media given up for good (digest mismatch, too large, refused): a failure notice went instead',
    labelNames: ['tenant', 'code'],
    registers: [registry],
  });
  new Gauge({
    name: 'veil_gateway_queue_depth',
    help: 'Messages waiting: inbox (not yet protected) and outbox (not yet delivered)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const counts = await store.counts();
      this.set({ queue: 'inbox' }, counts.inboxPending);
      this.set({ queue: 'outbox' }, counts.outboxPending);
    },
  });
  return {
    onEvent(event) {
      if (event.type === 'stored') {
        stored.inc(event.count);
        duplicates.inc(event.duplicates);
      } else if (event.type === 'protect-failed')
        protectFailures.inc({ tenant: event.tenant, code: event.code });
      else if (event.type === 'media-failed') mediaFailures.inc({ tenant: event.tenant, code: event.code });
      else outcomes.inc({ tenant: event.tenant, outcome: event.type });
    },
    register(app) {
      app.get('/metrics', async (_request, reply) =>
        reply.type(registry.contentType).send(await registry.metrics()),
      );
    },
  };
}
