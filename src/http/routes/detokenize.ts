import type { FastifyInstance } from 'fastify';
import type { Vault } from '../../core/vault/vault.js';
import { principalOf } from '../api-key-auth.js';
import { detokenizeBody, parse } from '../schemas.js';

/** POST /v1/detokenize: the level comes from the caller's roles (a lower one may be asked for). */
export function detokenizeRoute(scope: FastifyInstance, vault: Vault): void {
  scope.post('/detokenize', async (request) => {
    const body = parse(detokenizeBody, request.body);
    const results = await vault.detokenize(body.tokens, principalOf(request), {
      purpose: body.purpose,
      level: body.level,
    });
    return { results };
  });
}
