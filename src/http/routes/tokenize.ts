import type { FastifyInstance } from 'fastify';
import type { Vault } from '../../core/vault/vault.js';
import { principalOf } from '../api-key-auth.js';
import { parse, tokenizeBody } from '../schemas.js';

/** POST /v1/tokenize: a batch of values in, per-item tokens (or errors) out, in the same order. */
export function tokenizeRoute(scope: FastifyInstance, vault: Vault): void {
  scope.post('/tokenize', async (request) => {
    const principal = principalOf(request);
    const body = parse(tokenizeBody, request.body);
    const results = await vault.tokenize(body.items, {
      tenant: principal.tenant,
      subjectId: body.subjectId,
      conversationId: body.conversationId,
      retentionClass: body.retentionClass,
      ttlSeconds: body.ttlSeconds,
    });
    return { results };
  });
}
