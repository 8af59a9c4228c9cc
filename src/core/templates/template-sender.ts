import { isVeilError, userError } from '../errors.js';
import type { Assembled, TemplateValues } from './assemble.js';
import { assembleSend } from './assemble.js';
import type { FallbackDecision } from './fallback.js';
import { resolveFallback } from './fallback.js';
import type { ParameterInspector } from './inspector.js';
import type { SendBody } from './send-schema.js';
import { assertFreeFormAllowed, windowState } from './service-window.js';
import type { TemplateDefinition } from './template-schema.js';
import { TemplateErrorCode } from './template-errors.js';

/**
 * The library call behind "send this template": fallback chain by status at send time, assembly and
 * validation before anything leaves Veil, and the 24-hour window for plain-text steps. Ports keep it
 * free of HTTP and storage: the caller supplies definitions, provider statuses, the window and the
 * transport (GraphTemplateClient in production, the simulator in tests).
 */
export interface TemplateSenderPorts {
  readonly definitionOf: (name: string) => TemplateDefinition | undefined;
  /** Last known provider status (list or status webhooks); undefined when unknown. */
  readonly statusOf: (name: string, language: string) => string | undefined;
  readonly lastCustomerMessageAt: (to: string) => Date | undefined;
  readonly now: () => Date;
  readonly sendTemplate: (body: SendBody) => Promise<{ readonly messageId: string }>;
  readonly sendText: (to: string, text: string) => Promise<{ readonly messageId: string }>;
  readonly inspect?: ParameterInspector;
}

export interface TemplateSendRequest {
  readonly to: string;
  readonly name: string;
  readonly language: string;
  readonly values: TemplateValues;
  /** Values for fallback templates by name; a named fallback reuses `values.named` when absent. */
  readonly fallbackValues?: Readonly<Record<string, TemplateValues>>;
}

export interface TemplateSendOutcome {
  readonly messageId: string;
  /** What was sent and why every earlier candidate was skipped (to be recorded with the message). */
  readonly decision: FallbackDecision;
  readonly findings: Assembled['findings'];
}

/** Provider refusals that mean "this template cannot be sent now": try the next step of the chain. */
const FALL_THROUGH = new Set([
  'VEIL_ERR_TEMPLATE_PAUSED',
  'VEIL_ERR_TEMPLATE_DISABLED',
  'VEIL_ERR_TEMPLATE_NOT_FOUND',
]);

export async function sendTemplateWithFallback(
  request: TemplateSendRequest,
  ports: TemplateSenderPorts,
): Promise<TemplateSendOutcome> {
  const primary = ports.definitionOf(request.name);
  if (!primary)
    throw userError(TemplateErrorCode.unknownTemplate, `no template definition named ${request.name}`);
  const windowOpen = windowState(ports.lastCustomerMessageAt(request.to), ports.now()).open;
  // Statuses learnt from the provider during this send override the cached ones.
  const learnt = new Map<string, string>();
  const statusOf = (name: string, language: string) =>
    learnt.get(`${name}\u0000${language}`) ?? ports.statusOf(name, language);

  for (;;) {
    const decision = resolveFallback(request.name, request.language, {
      statusOf,
      chain: primary.fallback,
      windowOpen,
    });
    const choice = decision.choice;
    if (choice.kind === 'text') {
      const sent = await ports.sendText(request.to, choice.text);
      return { messageId: sent.messageId, decision, findings: [] };
    }
    const definition = ports.definitionOf(choice.name)?.languages.find((l) => l.language === choice.language);
    if (!definition) {
      learnt.set(`${choice.name}\u0000${choice.language}`, 'NOT DEFINED IN THE FOLDER');
      continue;
    }
    const values =
      choice.name === request.name
        ? request.values
        : (request.fallbackValues?.[choice.name] ?? {
            ...(request.values.named ? { named: request.values.named } : {}),
          });
    const assembled = assembleSend({
      definition,
      to: request.to,
      values,
      ...(ports.inspect ? { inspect: ports.inspect } : {}),
    });
    try {
      const sent = await ports.sendTemplate(assembled.body);
      return { messageId: sent.messageId, decision, findings: assembled.findings };
    } catch (error) {
      if (!isVeilError(error) || !FALL_THROUGH.has(error.code)) throw error;
      learnt.set(
        `${choice.name}\u0000${choice.language}`,
        `${error.code.replace('VEIL_ERR_TEMPLATE_', '')} at send time`,
      );
    }
  }
}

/** A free-form (non-template) message: refused before sending outside the 24-hour window. */
export async function sendFreeForm(
  to: string,
  text: string,
  ports: Pick<TemplateSenderPorts, 'lastCustomerMessageAt' | 'now' | 'sendText'>,
): Promise<{ readonly messageId: string }> {
  assertFreeFormAllowed(ports.lastCustomerMessageAt(to), ports.now());
  return ports.sendText(to, text);
}
