import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * Genesys Cloud's error body: `{"message","code","status","contextId","details":[],"errors":[]}`
 * (the normalised 429 shape in contracts §2c; other statuses use the same fields).
 */
export function sendGenesysError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details: readonly unknown[] = [],
): FastifyReply {
  const contextId = randomUUID();
  return reply
    .code(status)
    .header('inin-correlation-id', contextId)
    .send({ message, code, status, contextId, details, errors: [] });
}

export function sendRateLimited(reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  reply.header('retry-after', String(retryAfterSeconds));
  return sendGenesysError(
    reply,
    429,
    'too.many.requests.retry.after',
    `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`,
  );
}
