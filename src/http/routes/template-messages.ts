import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isVeilError, type VeilError } from '../../core/errors.js';
import { sendTemplateMessage, type TemplateMessageDeps } from '../../core/templates/template-message.js';
import { principalOf } from '../api-key-auth.js';
import { sendProblem } from '../problem-details.js';
import { parse } from '../schemas.js';
import { templateMessageBody, toTemplateValues } from './template-schemas.js';

/**
 * POST /v1/messages/template: assemble and validate, check the template's status at send time,
 * fall through its chain, send, and record the decision. Errors keep their code; the HTTP status
 * says whose move it is (422: fix the request, 409: the template or window state forbids it now,
 * 429/502/503: the provider — `retryable` in the problem says whether the same request can succeed).
 */
export function templateMessagesRoute(scope: FastifyInstance, deps: TemplateMessageDeps): void {
  scope.post('/messages/template', async (request, reply) => {
    const principal = principalOf(request);
    const body = parse(templateMessageBody, request.body);
    try {
      const result = await sendTemplateMessage(
        principal.tenant,
        {
          to: body.to,
          name: body.name,
          language: body.language,
          values: toTemplateValues(body.values),
          ...(body.fallbackValues
            ? {
                fallbackValues: Object.fromEntries(
                  Object.entries(body.fallbackValues).map(([name, v]) => [name, toTemplateValues(v)]),
                ),
              }
            : {}),
        },
        deps,
      );
      return reply.code(201).send({
        messageId: result.messageId,
        decisionId: result.decisionId,
        sent: result.decision.choice,
        fellBack: result.decision.fellBack,
        steps: result.decision.steps,
        findings: result.findings,
      });
    } catch (error) {
      if (!isVeilError(error)) throw error;
      return templateProblem(request, reply, error);
    }
  });
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  VEIL_ERR_TEMPLATE_UNKNOWN: 404,
  VEIL_ERR_TEMPLATE_NO_USABLE_FALLBACK: 409,
  VEIL_ERR_TEMPLATE_WINDOW_CLOSED: 409,
  VEIL_ERR_WHATSAPP_WINDOW_CLOSED: 409,
  VEIL_ERR_WHATSAPP_RATE_LIMITED: 429,
  VEIL_ERR_WHATSAPP_PAIR_RATE_LIMITED: 429,
  VEIL_ERR_WHATSAPP_APP_RATE_LIMITED: 429,
  VEIL_ERR_WHATSAPP_WABA_RATE_LIMITED: 429,
  VEIL_ERR_WHATSAPP_UNREACHABLE: 503,
};

function templateProblem(request: FastifyRequest, reply: FastifyReply, error: VeilError): FastifyReply {
  const fromProvider = typeof error.detail.retryable === 'boolean';
  const status =
    STATUS_BY_CODE[error.code] ??
    (error.kind === 'unexpected' ? 500 : fromProvider && error.kind === 'operational' ? 502 : 422);
  if (status >= 500) request.log.error({ code: error.code }, 'template send failed');
  const retryAfterMs = 'retryAfterMs' in error ? error.retryAfterMs : undefined;
  if (typeof retryAfterMs === 'number') reply.header('retry-after', String(Math.ceil(retryAfterMs / 1000)));
  const hidden = error.kind === 'unexpected';
  return sendProblem(reply, {
    type: `urn:veil:error:${error.code}`,
    title: hidden ? 'Internal error' : error.message,
    status,
    instance: request.url.split('?')[0],
    code: error.code,
    retryable: fromProvider ? error.detail.retryable : false,
    ...(hidden ? {} : error.detail),
  });
}
