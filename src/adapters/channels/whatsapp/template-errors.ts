import { VeilError, type ErrorKind } from '../../../core/errors.js';

/**
 * Graph API errors (contracts.md §1d error table) as coded VeilErrors. `retryable` says whether sending
 * the same request again can succeed (rate limits, server errors) — never for template or window
 * problems, which need a different request. Meta's `details` are dropped: they may echo parameter text.
 */
export class ProviderError extends VeilError {
  readonly retryable: boolean;
  readonly providerCode: number | undefined;
  readonly httpStatus: number | undefined;
  /** A lower bound before retrying, where Meta documents one (pair rate limit: 1 message / 6 s). */
  readonly retryAfterMs: number | undefined;

  constructor(
    init: { code: string; kind: ErrorKind; message: string; retryable: boolean; retryAfterMs?: number },
    provider: { code?: number; httpStatus?: number; fbtraceId?: string },
    cause?: unknown,
  ) {
    super(
      init.code,
      init.kind,
      init.message,
      {
        providerCode: provider.code ?? null,
        httpStatus: provider.httpStatus ?? null,
        fbtraceId: provider.fbtraceId ?? null,
        retryable: init.retryable,
      },
      { cause },
    );
    this.name = 'ProviderError';
    this.retryable = init.retryable;
    this.providerCode = provider.code;
    this.httpStatus = provider.httpStatus;
    this.retryAfterMs = init.retryAfterMs;
  }
}

interface Mapping {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly message: string;
  readonly retryAfterMs?: number;
}

const P = 'VEIL_ERR_WHATSAPP_';

/** Provider code → Veil error. Codes absent here fall back on the HTTP status. */
export const providerErrorTable: Readonly<Record<number, Mapping>> = {
  131047: {
    code: `${P}WINDOW_CLOSED`,
    kind: 'user',
    retryable: false,
    message: 'more than 24 hours since the customer last wrote: send an approved template instead',
  },
  131026: {
    code: `${P}UNDELIVERABLE`,
    kind: 'user',
    retryable: false,
    message: 'message undeliverable (not a WhatsApp number, terms not accepted, or outdated app)',
  },
  130429: {
    code: `${P}RATE_LIMITED`,
    kind: 'operational',
    retryable: true,
    message: 'Cloud API throughput limit reached for this number; retry with backoff',
  },
  131056: {
    code: `${P}PAIR_RATE_LIMITED`,
    kind: 'operational',
    retryable: true,
    retryAfterMs: 6000,
    message: 'too many messages to this customer in a short time; retry after a pause',
  },
  131049: {
    code: `${P}ECOSYSTEM_LIMITED`,
    kind: 'operational',
    retryable: false,
    message:
      'not delivered to maintain healthy ecosystem engagement (marketing limits); do not retry at once',
  },
  131048: {
    code: `${P}SPAM_RATE_LIMITED`,
    kind: 'operational',
    retryable: false,
    message: 'spam rate limit hit for this number',
  },
  131053: {
    code: `${P}MEDIA_UPLOAD`,
    kind: 'user',
    retryable: false,
    message: 'media upload error (check the MIME type)',
  },
  131052: {
    code: `${P}MEDIA_DOWNLOAD`,
    kind: 'operational',
    retryable: false,
    message: 'media download error',
  },
  132000: {
    code: 'VEIL_ERR_TEMPLATE_PARAM_COUNT',
    kind: 'user',
    retryable: false,
    message: 'number of template parameters does not match the template',
  },
  132001: {
    code: 'VEIL_ERR_TEMPLATE_NOT_FOUND',
    kind: 'user',
    retryable: false,
    message: 'template does not exist in this language or is not approved',
  },
  132005: {
    code: 'VEIL_ERR_TEMPLATE_TOO_LONG',
    kind: 'user',
    retryable: false,
    message: 'template text with its parameters is too long',
  },
  132007: {
    code: 'VEIL_ERR_TEMPLATE_POLICY',
    kind: 'user',
    retryable: false,
    message: 'template content violates a WhatsApp policy',
  },
  132012: {
    code: 'VEIL_ERR_TEMPLATE_PARAM_FORMAT',
    kind: 'user',
    retryable: false,
    message: 'template parameter format does not match the template (e.g. header media type)',
  },
  132015: {
    code: 'VEIL_ERR_TEMPLATE_PAUSED',
    kind: 'user',
    retryable: false,
    message: 'template is paused for low quality; use a fallback',
  },
  132016: {
    code: 'VEIL_ERR_TEMPLATE_DISABLED',
    kind: 'user',
    retryable: false,
    message: 'template is disabled (paused too many times); use a fallback',
  },
  132018: {
    code: 'VEIL_ERR_TEMPLATE_PARAM_TEXT',
    kind: 'user',
    retryable: false,
    message: 'template parameter text refused (newline, tab, more than 4 spaces, or too long)',
  },
  4: {
    code: `${P}APP_RATE_LIMITED`,
    kind: 'operational',
    retryable: true,
    message: 'Graph application rate limit reached; retry later',
  },
  80007: {
    code: `${P}WABA_RATE_LIMITED`,
    kind: 'operational',
    retryable: true,
    message:
      'WhatsApp Business Account rate limit reached (e.g. 100 template creations per hour); retry later',
  },
  190: {
    code: `${P}AUTH`,
    kind: 'operational',
    retryable: false,
    message: 'access token rejected by the Graph API',
  },
  100: {
    code: `${P}INVALID_REQUEST`,
    kind: 'user',
    retryable: false,
    message: 'the Graph API refused a parameter of the request',
  },
  131000: {
    code: `${P}PROVIDER_ERROR`,
    kind: 'operational',
    retryable: true,
    message: 'the Cloud API reported an internal error; retry with backoff',
  },
};

export interface GraphErrorShape {
  readonly error?: { readonly message?: string; readonly code?: number; readonly fbtrace_id?: string };
}

/** Maps a Graph error response (status + parsed body) to a ProviderError. */
export function providerError(httpStatus: number, body: unknown): ProviderError {
  const error = (body as GraphErrorShape | undefined)?.error;
  const providerCode = typeof error?.code === 'number' ? error.code : undefined;
  const mapping = providerCode === undefined ? undefined : providerErrorTable[providerCode];
  const provider = { code: providerCode, httpStatus, fbtraceId: error?.fbtrace_id };
  if (mapping) {
    const title = error?.message ? ` (${error.message})` : '';
    return new ProviderError({ ...mapping, message: `${mapping.message}${title}` }, provider);
  }
  const retryable = httpStatus === 429 || httpStatus >= 500;
  return new ProviderError(
    {
      code: retryable ? `${P}PROVIDER_ERROR` : `${P}REQUEST_FAILED`,
      kind: retryable ? 'operational' : 'user',
      retryable,
      message: `Graph API answered HTTP ${httpStatus}${providerCode === undefined ? '' : ` with code ${providerCode}`}${error?.message ? `: ${error.message}` : ''}`,
    },
    provider,
  );
}

/** A request that never got an answer (connection refused, timeout): worth retrying. */
export function unreachableError(cause: unknown): ProviderError {
  return new ProviderError(
    {
      code: `${P}UNREACHABLE`,
      kind: 'operational',
      retryable: true,
      message: `Graph API unreachable: ${cause instanceof Error ? cause.message : String(cause)}`,
    },
    {},
    cause,
  );
}
