import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { genesysSignature, metaSignature } from './common/signatures.js';
import type { DemoTenant } from './demo-tenant.js';

/**
 * Stands on Veil's port until the gateway exists: answers `/readyz`, says plainly that the gateway
 * is not there yet, and receives the simulators' webhooks (checking their signatures) so the
 * walkthrough shows them arriving. It forwards nothing. Message contents are never logged.
 */
export interface PlaceholderStatus {
  ready: boolean;
  readonly received: { whatsapp: number; genesys: number; badSignatures: number };
}

export function buildPlaceholderVeil(
  tenant: DemoTenant,
  describe: () => Record<string, unknown>,
): {
  app: FastifyInstance;
  status: PlaceholderStatus;
} {
  const status: PlaceholderStatus = { ready: false, received: { whatsapp: 0, genesys: 0, badSignatures: 0 } };
  const app = Fastify({ logger: false });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  app.get('/readyz', async (_request, reply) =>
    status.ready ? { status: 'ready', gateway: false } : reply.code(503).send({ status: 'starting' }),
  );
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/', async () => ({ ...describe(), webhooksReceived: status.received }));

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/webhooks/whatsapp',
    async (request, reply) => {
      const q = request.query;
      const ok =
        q['hub.mode'] === 'subscribe' && same(q['hub.verify_token'] ?? '', tenant.whatsapp.verifyToken);
      return ok ? reply.type('text/plain').send(q['hub.challenge'] ?? '') : reply.code(403).send();
    },
  );
  app.post('/webhooks/whatsapp', async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = String(request.headers['x-hub-signature-256'] ?? '');
    if (!same(header, metaSignature(tenant.whatsapp.appSecret, raw))) {
      status.received.badSignatures += 1;
      return reply.code(401).send();
    }
    status.received.whatsapp += 1;
    return reply.code(200).send();
  });
  app.post('/webhooks/genesys/:integrationId', async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = String(request.headers['x-hub-signature-256'] ?? '');
    if (!same(header, genesysSignature(tenant.genesys.webhookSecret, raw))) {
      status.received.badSignatures += 1;
      return reply.code(401).send();
    }
    status.received.genesys += 1;
    return reply.code(200).send();
  });
  return { app, status };
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
