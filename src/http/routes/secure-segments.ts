import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { userError } from '../../core/errors.js';
import type { SecureSegments } from '../../gateway/secure-segments.js';
import { parse } from '../schemas.js';
import { gatewayTenantOf } from './gateway-tenant.js';

const openBody = z
  .object({
    reason: z.string().min(1).max(200),
    closeAfterMessages: z.number().int().min(1).max(1000).optional(),
    ttlSeconds: z.number().int().min(1).max(86_400).optional(),
    /** One of the tenant's encryption configs, carried by the segment. */
    config: z.string().min(1).max(64).optional(),
  })
  .strict();

/**
 * `POST /v1/conversations/{id}/secure-segments` opens a secure segment for the customer `{id}` (as the
 * platform knows them: `+<phone>` or Veil's opaque id), `DELETE` closes it. For the API key's tenant.
 */
export function secureSegmentsRoute(
  scope: FastifyInstance,
  segments: SecureSegments,
  tenants: ReadonlySet<string>,
): void {
  scope.post<{ Params: { id: string } }>('/conversations/:id/secure-segments', async (request, reply) => {
    const tenant = gatewayTenantOf(request, tenants);
    const body = parse(openBody, request.body);
    const segment = await segments.open(tenant, request.params.id, body);
    return reply.code(201).send({
      id: segment.id,
      reason: segment.reason,
      openedAt: new Date(segment.openedAt).toISOString(),
      ...(segment.expiresAt === null ? {} : { expiresAt: new Date(segment.expiresAt).toISOString() }),
      ...(segment.maxMessages === null ? {} : { closeAfterMessages: segment.maxMessages }),
      ...(segment.config === null ? {} : { config: segment.config }),
    });
  });
  scope.delete<{ Params: { id: string } }>('/conversations/:id/secure-segments', async (request, reply) => {
    const tenant = gatewayTenantOf(request, tenants);
    if (!(await segments.close(tenant, request.params.id)))
      throw userError('VEIL_ERR_HTTP_NOT_FOUND', 'no secure segment is open for this conversation');
    return reply.code(204).send();
  });
}
