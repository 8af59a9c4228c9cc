import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { sendProblem } from '../problem-details.js';

/** Constant-time equality of two secrets (different lengths are simply unequal). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function webhookProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  title: string,
): FastifyReply {
  return sendProblem(reply, { type: `urn:veil:error:${code}`, title, status, code });
}
