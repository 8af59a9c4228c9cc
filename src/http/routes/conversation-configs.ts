import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { userError } from '../../core/errors.js';
import type { ConversationConfigs } from '../../gateway/conversation-configs.js';
import { principalOf } from '../api-key-auth.js';
import { parse } from '../schemas.js';

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
  const tenantOf = (tenant: string): string => {
    if (!tenants.has(tenant))
      throw userError('VEIL_ERR_HTTP_FORBIDDEN', 'this API key belongs to no gateway tenant');
    return tenant;
  };
  const path = '/conversations/:id/encryption-config';
  scope.get<{ Params: { id: string } }>(path, async (request) =>
    configs.get(tenantOf(principalOf(request).tenant), request.params.id),
  );
  scope.put<{ Params: { id: string } }>(path, async (request) => {
    const tenant = tenantOf(principalOf(request).tenant);
    return configs.set(tenant, request.params.id, parse(putBody, request.body).config);
  });
  scope.delete<{ Params: { id: string } }>(path, async (request, reply) => {
    await configs.reset(tenantOf(principalOf(request).tenant), request.params.id);
    return reply.code(204).send();
  });
}
