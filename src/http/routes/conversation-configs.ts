import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConversationConfigs } from '../../gateway/conversation-configs.js';
import { parse } from '../schemas.js';
import { gatewayTenantOf } from './gateway-tenant.js';

const putBody = z.object({ config: z.string().min(1).max(64) }).strict();

/**
 * `GET|PUT|DELETE /v1/conversations/{id}/encryption-config`: the encryption config of one
 * conversation (the customer `{id}` as the platform knows them), for the API key's tenant. `DELETE`
 * goes back to the tenant's default.
 */
export function conversationConfigsRoute(
  scope: FastifyInstance,
  configs: ConversationConfigs,
  tenants: ReadonlySet<string>,
): void {
  const path = '/conversations/:id/encryption-config';
  scope.get<{ Params: { id: string } }>(path, async (request) =>
    configs.get(gatewayTenantOf(request, tenants), request.params.id),
  );
  scope.put<{ Params: { id: string } }>(path, async (request) => {
    const tenant = gatewayTenantOf(request, tenants);
    return configs.set(tenant, request.params.id, parse(putBody, request.body).config);
  });
  scope.delete<{ Params: { id: string } }>(path, async (request, reply) => {
    await configs.reset(gatewayTenantOf(request, tenants), request.params.id);
    return reply.code(204).send();
  });
}
