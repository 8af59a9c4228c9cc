import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeys } from '../core/vault/api-keys.js';
import type { Principal } from '../core/vault/vault.js';
import { VeilError } from '../core/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const unauthorized = () =>
  new VeilError(
    'VEIL_ERR_HTTP_UNAUTHORIZED',
    'user',
    'missing or invalid API key (Authorization: Bearer vk_…)',
  );

/** Every route in this scope needs an API key: `Authorization: Bearer vk_…` or `X-API-Key: vk_…`. */
export function registerApiKeyAuth(scope: FastifyInstance, apiKeys: ApiKeys): void {
  scope.decorateRequest('principal', null);
  scope.addHook('onRequest', async (request) => {
    const presented = presentedKey(request);
    if (!presented) throw unauthorized();
    const principal = await apiKeys.verify(presented);
    if (!principal) throw unauthorized();
    request.principal = principal;
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

function presentedKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  const header = request.headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}
