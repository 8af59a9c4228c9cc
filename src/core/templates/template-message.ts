import { randomUUID } from 'node:crypto';
import { isVeilError } from '../errors.js';
import type { FallbackStepRecord } from './fallback.js';
import type {
  CustomerWindowSource,
  SendDecisionLog,
  SendDecisionRecord,
  TemplateLifecycleStore,
} from './lifecycle-ports.js';
import { customerKey } from './lifecycle-ports.js';
import type { ParameterInspector } from './inspector.js';
import type { SendBody } from './send-schema.js';
import type { TemplateDefinition } from './template-schema.js';
import {
  sendTemplateWithFallback,
  type TemplateSendOutcome,
  type TemplateSendRequest,
} from './template-sender.js';

/**
 * The library call behind `POST /v1/messages/template`: reads the template statuses from Veil's
 * store and the customer's window at send time, sends through the fallback chain, and records the
 * decision (sent, refused by Veil, or refused by the provider) whatever the outcome.
 */
export interface TemplateMessageDeps {
  readonly definitionOf: (name: string) => TemplateDefinition | undefined;
  /** `recordStatus`, when given, keeps a pause or disablement the provider reports at send time. */
  readonly store: Pick<TemplateLifecycleStore, 'statusesOf'> &
    Partial<Pick<TemplateLifecycleStore, 'recordStatus'>>;
  readonly window: CustomerWindowSource;
  readonly decisions: Pick<SendDecisionLog, 'recordSendDecision'>;
  readonly sendTemplate: (body: SendBody) => Promise<{ readonly messageId: string }>;
  readonly sendText: (to: string, text: string) => Promise<{ readonly messageId: string }>;
  readonly inspect?: ParameterInspector;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

export interface TemplateMessageResult extends TemplateSendOutcome {
  readonly decisionId: string;
}

export async function sendTemplateMessage(
  tenant: string,
  request: TemplateSendRequest,
  deps: TemplateMessageDeps,
): Promise<TemplateMessageResult> {
  const now = deps.now ?? (() => new Date());
  const decisionId = (deps.newId ?? randomUUID)();
  const definition = deps.definitionOf(request.name);
  const names = [
    request.name,
    ...(definition?.fallback ?? []).flatMap((step) => ('template' in step ? [step.template] : [])),
  ];
  // "At send time": one read of the store for the whole chain, just before sending.
  const statuses = await deps.store.statusesOf(names);
  const lastWrote = await deps.window.lastCustomerMessageAt(customerKey(request.to));
  let attempted: { kind: 'template' | 'text'; name: string | null; language: string | null } | undefined;

  const base = {
    id: decisionId,
    tenant,
    requestedName: request.name,
    requestedLanguage: request.language,
  };
  try {
    const outcome = await sendTemplateWithFallback(request, {
      definitionOf: deps.definitionOf,
      statusOf: (name, language) => statuses.get(`${name}\u0000${language}`),
      lastCustomerMessageAt: () => lastWrote,
      now,
      sendTemplate: async (body) => {
        attempted = { kind: 'template', name: body.template.name, language: body.template.language.code };
        try {
          return await deps.sendTemplate(body);
        } catch (error) {
          await rememberProviderStatus(deps.store, body, error, now());
          throw error;
        }
      },
      sendText: (to, text) => {
        attempted = { kind: 'text', name: null, language: null };
        return deps.sendText(to, text);
      },
      ...(deps.inspect ? { inspect: deps.inspect } : {}),
    });
    const choice = outcome.decision.choice;
    await deps.decisions.recordSendDecision({
      ...base,
      at: now().getTime(),
      chosenKind: choice.kind,
      chosenName: choice.kind === 'template' ? choice.name : null,
      chosenLanguage: choice.kind === 'template' ? choice.language : null,
      fellBack: outcome.decision.fellBack,
      steps: outcome.decision.steps,
      outcome: 'sent',
      errorCode: null,
      messageId: outcome.messageId,
    });
    return { ...outcome, decisionId };
  } catch (error) {
    await deps.decisions.recordSendDecision(failedDecision(base, now().getTime(), error, attempted));
    throw error;
  }
}

function failedDecision(
  base: Pick<SendDecisionRecord, 'id' | 'tenant' | 'requestedName' | 'requestedLanguage'>,
  at: number,
  error: unknown,
  attempted: { kind: 'template' | 'text'; name: string | null; language: string | null } | undefined,
): SendDecisionRecord {
  const code = isVeilError(error) ? error.code : 'VEIL_ERR_HTTP_INTERNAL';
  const recordedSteps =
    isVeilError(error) && Array.isArray(error.detail.steps) ? error.detail.steps : undefined;
  // The provider refused what Veil chose (a send was attempted); otherwise Veil refused before sending.
  // Provider errors (ProviderError) carry a `retryable` flag in their detail; Veil's own refusals do not.
  const providerRefused =
    attempted !== undefined && isVeilError(error) && typeof error.detail.retryable === 'boolean';
  const steps: FallbackStepRecord[] = recordedSteps
    ? (recordedSteps as FallbackStepRecord[])
    : attempted
      ? [
          {
            candidate:
              attempted.kind === 'text' ? 'plain text' : `template ${attempted.name} (${attempted.language})`,
            outcome: 'chosen',
            reason: `provider refused: ${code}`,
          },
        ]
      : [];
  return {
    ...base,
    at,
    chosenKind: providerRefused ? attempted.kind : null,
    chosenName: providerRefused ? attempted.name : null,
    chosenLanguage: providerRefused ? attempted.language : null,
    fellBack: providerRefused && (attempted.kind === 'text' || attempted.name !== base.requestedName),
    steps,
    outcome: providerRefused ? 'failed' : 'refused',
    errorCode: code,
    messageId: null,
  };
}

const STATUS_BY_PROVIDER_CODE: Readonly<Record<string, string>> = {
  VEIL_ERR_TEMPLATE_PAUSED: 'PAUSED',
  VEIL_ERR_TEMPLATE_DISABLED: 'DISABLED',
};

/**
 * The provider refused a template as paused or disabled before its webhook reached Veil: the store
 * learns it now, so the next sends skip the template without a failing call. Recorded at the second,
 * so a webhook from the same second (which carries the reason) still takes precedence.
 */
async function rememberProviderStatus(
  store: TemplateMessageDeps['store'],
  body: SendBody,
  error: unknown,
  now: Date,
): Promise<void> {
  const status = isVeilError(error) ? STATUS_BY_PROVIDER_CODE[error.code] : undefined;
  if (!status || !store.recordStatus) return;
  await store.recordStatus({
    name: body.template.name,
    language: body.template.language.code,
    templateId: null,
    category: null,
    status,
    reason: null,
    detail: { source: 'send' },
    eventAt: Math.floor(now.getTime() / 1000) * 1000,
    receivedAt: now.getTime(),
  });
}
