import { VeilError, userError } from '../errors.js';
import type { Violation } from './rule.js';

/** Error codes of the templates area (documented in docs/templates.md). */
export const TemplateErrorCode = {
  invalidSend: 'VEIL_ERR_TEMPLATE_INVALID_SEND',
  valueMissing: 'VEIL_ERR_TEMPLATE_VALUE_MISSING',
  payloadSensitive: 'VEIL_ERR_TEMPLATE_PAYLOAD_SENSITIVE',
  windowClosed: 'VEIL_ERR_TEMPLATE_WINDOW_CLOSED',
  noUsableFallback: 'VEIL_ERR_TEMPLATE_NO_USABLE_FALLBACK',
  unknownTemplate: 'VEIL_ERR_TEMPLATE_UNKNOWN',
} as const;

export const invalidSendError = (violations: readonly Violation[]): VeilError =>
  userError(
    TemplateErrorCode.invalidSend,
    `template message refused before sending: ${violations.map((v) => `${v.rule} at ${v.path}`).join('; ')}`,
    { violations: violations.map(({ rule, path, message }) => ({ rule, path, message })) },
  );
