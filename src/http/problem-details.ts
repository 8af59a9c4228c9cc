import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { isVeilError, type VeilError } from '../core/errors.js';

/** HTTP status for the error codes that are not plain "bad request". One table, one place. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  VEIL_ERR_HTTP_UNAUTHORIZED: 401,
  VEIL_ERR_VAULT_FORBIDDEN: 403,
  VEIL_ERR_HTTP_FORBIDDEN: 403,
  VEIL_ERR_VAULT_TOKEN_NOT_FOUND: 404,
  VEIL_ERR_HTTP_NOT_FOUND: 404,
  VEIL_ERR_VAULT_RATE_LIMITED: 429,
  VEIL_ERR_MEDIA_FORBIDDEN: 403,
  VEIL_ERR_MEDIA_NOT_FOUND: 404,
  VEIL_ERR_VAULT_SUBJECT_ERASED: 410,
  VEIL_ERR_VAULT_TOKEN_EXPIRED: 410,
};

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code: string;
  readonly [extension: string]: unknown;
}

export function statusOf(error: VeilError): number {
  return (
    STATUS_BY_CODE[error.code] ?? (error.kind === 'user' ? 400 : error.kind === 'operational' ? 503 : 500)
  );
}

const typeOf = (code: string) => `urn:veil:error:${code}`;

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/**
 * RFC 9457 problem details for every error: coded VeilErrors keep their code and message; Fastify's
 * own 4xx (bad JSON, body too large, wrong media type) keep theirs; anything else becomes a bare 500
 * so internals never leak.
 */
export function registerProblemDetails(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | VeilError | Error, request, reply) => {
    const instance = request.url.split('?')[0];
    if (isVeilError(error)) {
      const status = statusOf(error);
      const hidden = error.kind === 'unexpected';
      if (status >= 500) request.log.error({ code: error.code }, 'request failed');
      const retryAfter = error.detail.retryAfterSeconds;
      if (typeof retryAfter === 'number' && Number.isFinite(retryAfter))
        reply.header('retry-after', String(retryAfter));
      return sendProblem(reply, {
        type: typeOf(error.code),
        title: hidden ? 'Internal error' : error.message,
        status,
        instance,
        code: error.code,
        ...(hidden ? {} : error.detail),
      });
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status < 500) {
      const code = `VEIL_ERR_HTTP_${'code' in error && typeof error.code === 'string' ? error.code.replace(/^FST_ERR_/, '') : status}`;
      return sendProblem(reply, { type: typeOf(code), title: error.message, status, instance, code });
    }
    request.log.error({ err: { name: error.name } }, 'unexpected error');
    return sendProblem(reply, {
      type: typeOf('VEIL_ERR_HTTP_INTERNAL'),
      title: 'Internal error',
      status: 500,
      instance,
      code: 'VEIL_ERR_HTTP_INTERNAL',
    });
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: typeOf('VEIL_ERR_HTTP_NOT_FOUND'),
      title: `no route ${request.method} ${request.url.split('?')[0]}`,
      status: 404,
      code: 'VEIL_ERR_HTTP_NOT_FOUND',
    }),
  );
}
