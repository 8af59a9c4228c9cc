import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DataActions } from '../../gateway/data-actions.js';
import { principalOf } from '../api-key-auth.js';
import { parse } from '../schemas.js';

const body = z.object({ token: z.string().min(1).max(512) }).strict();

/** `POST /v1/actions/{name}` with `{"token": "tok_…"}` → the action's result (never the value). */
export function dataActionsRoute(scope: FastifyInstance, actions: DataActions): void {
  scope.post<{ Params: { name: string } }>('/actions/:name', async (request) => {
    const { token } = parse(body, request.body);
    return actions.run(request.params.name, token, principalOf(request));
  });
}
