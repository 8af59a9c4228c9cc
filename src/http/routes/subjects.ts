import type { FastifyInstance } from 'fastify';
import type { Vault } from '../../core/vault/vault.js';
import { principalOf } from '../api-key-auth.js';
import { parse, subjectParams } from '../schemas.js';

/** DELETE /v1/subjects/{id}: crypto-shreds everything vaulted for that subject (right to erasure). */
export function subjectsRoute(scope: FastifyInstance, vault: Vault): void {
  scope.delete('/subjects/:id', async (request) => {
    const { id } = parse(subjectParams, request.params);
    const { keysDestroyed } = await vault.eraseSubject(principalOf(request), id);
    return { subjectId: id, erased: true, keysDestroyed };
  });
}
