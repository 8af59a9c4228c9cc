import type { FastifyInstance } from 'fastify';
import type { Vault } from '../../core/vault/vault.js';
import { VeilError } from '../../core/errors.js';
import { principalOf } from '../api-key-auth.js';
import { parse, tokenParams } from '../schemas.js';

const notFound = () => new VeilError('VEIL_ERR_VAULT_TOKEN_NOT_FOUND', 'user', 'unknown token');

/** GET /v1/tokens/{token}: metadata only, never the value. DELETE removes that one token. */
export function tokensRoute(scope: FastifyInstance, vault: Vault): void {
  scope.get('/tokens/:token', async (request) => {
    const { token } = parse(tokenParams, request.params);
    const metadata = await vault.describe(principalOf(request).tenant, token);
    if (!metadata) throw notFound();
    return {
      token: metadata.token,
      type: metadata.type,
      mode: metadata.mode,
      state: metadata.state,
      subjectId: metadata.subjectId,
      conversationId: metadata.conversationId,
      retentionClass: metadata.retentionClass,
      createdAt: new Date(metadata.createdAt).toISOString(),
      expiresAt: metadata.expiresAt === null ? null : new Date(metadata.expiresAt).toISOString(),
    };
  });

  scope.delete('/tokens/:token', async (request, reply) => {
    const { token } = parse(tokenParams, request.params);
    if (!(await vault.deleteToken(principalOf(request), token))) throw notFound();
    return reply.code(204).send();
  });
}
