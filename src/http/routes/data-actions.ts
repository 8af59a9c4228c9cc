import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DataActions } from '../../gateway/data-actions.js';
import { principalOf } from '../api-key-auth.js';
import { parse } from '../schemas.js';

const token = z.string().min(1).max(512);
const body = z
  .object({
    token: token.optional(),
    tokens: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), token).optional(),
    params: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.string().max(4096)).optional(),
  })
  .strict();

/**
 * `POST /v1/actions/{name}` with `{"token": "tok_…"}` (built-ins) or `{"tokens": {…}, "params": {…}}`
 * (configured actions) → the action's result, never the values.
 */
export function dataActionsRoute(scope: FastifyInstance, actions: DataActions): void {
  scope.post<{ Params: { name: string } }>('/actions/:name', async (request) => {
    return actions.run(request.params.name, parse(body, request.body), principalOf(request));
  });
}
