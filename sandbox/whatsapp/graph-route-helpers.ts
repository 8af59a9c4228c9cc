import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { graphCodes, graphError, type GraphError } from './graph-error.js';

export const sendGraphError = (reply: FastifyReply, error: GraphError): FastifyReply =>
  reply.code(error.httpStatus).send(error.body);

export const isApiVersion = (version: string): boolean => /^v\d+\.\d+$/.test(version);

/** Graph's answer to a path it does not serve (HTTP 400, code 100, subcode 33). */
export function unsupported(method: string, objectId: string): GraphError {
  const error = graphError(graphCodes.unsupportedRequest, undefined);
  return {
    httpStatus: 400,
    body: {
      error: {
        ...error.body.error,
        message: `Unsupported ${method.toLowerCase()} request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        type: 'GraphMethodException',
        error_subcode: 33,
      },
    },
  };
}

/** The first zod issue as Graph-style details: `path: message`. */
export function invalidParameter(issues: readonly z.core.$ZodIssue[]): GraphError {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return graphError(graphCodes.invalidParameter, `${where}${first?.message ?? 'invalid request'}`);
}
