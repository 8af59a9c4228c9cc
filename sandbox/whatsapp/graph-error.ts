import { randomBytes } from 'node:crypto';

/**
 * Graph API errors in Meta's shape:
 * `{"error":{"message":"(#code) title","type":"OAuthException","code":…,"error_data":{"messaging_product":"whatsapp","details":…},"fbtrace_id":…}}`.
 * HTTP statuses per code follow a mirror of Meta's error table (contracts §1d, marked secondary there).
 */
export interface GraphErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly code: number;
    readonly error_data?: { readonly messaging_product: 'whatsapp'; readonly details: string };
    readonly error_subcode?: number;
    readonly fbtrace_id: string;
  };
}

export interface GraphError {
  readonly httpStatus: number;
  readonly body: GraphErrorBody;
}

/** The codes the simulator produces, with Meta's titles. */
export const graphCodes = {
  invalidToken: { code: 190, status: 401, title: 'Invalid OAuth access token - Cannot parse access token' },
  invalidParameter: { code: 100, status: 400, title: 'Invalid parameter' },
  unsupportedRequest: { code: 100, status: 400, title: 'Unsupported request' },
  wabaRateLimit: { code: 80007, status: 429, title: 'Rate limit issues' },
  throughput: { code: 130429, status: 429, title: 'Rate limit hit' },
  pairRateLimit: {
    code: 131056,
    status: 400,
    title: '(Business Account, Consumer Account) pair rate limit hit',
  },
  reEngagement: { code: 131047, status: 400, title: 'Re-engagement message' },
  undeliverable: { code: 131026, status: 400, title: 'Message Undeliverable' },
  mediaUpload: { code: 131053, status: 400, title: 'Media upload error' },
  templateParamCount: {
    code: 132000,
    status: 400,
    title: 'Number of parameters does not match the expected number of params',
  },
  templateMissing: { code: 132001, status: 404, title: 'Template name does not exist in the translation' },
  templateTooLong: { code: 132005, status: 400, title: 'Translated text too long' },
  templateParamFormat: {
    code: 132012,
    status: 400,
    title: 'Parameter format does not match format in the created template',
  },
  templatePaused: { code: 132015, status: 400, title: 'Template is Paused' },
  templateDisabled: { code: 132016, status: 400, title: 'Template is Disabled' },
  templateParamText: {
    code: 132018,
    status: 400,
    title: "There's an issue with the parameters in your template",
  },
  serverError: { code: 131000, status: 500, title: 'Something went wrong' },
} as const;

export type GraphCode = (typeof graphCodes)[keyof typeof graphCodes];

export function graphError(kind: GraphCode, details?: string, httpStatus: number = kind.status): GraphError {
  return {
    httpStatus,
    body: {
      error: {
        message: `(#${kind.code}) ${kind.title}`,
        // Meta labels WhatsApp errors OAuthException too (see the contract's example).
        type: 'OAuthException',
        code: kind.code,
        ...(details === undefined ? {} : { error_data: { messaging_product: 'whatsapp', details } }),
        fbtrace_id: randomBytes(9).toString('base64url'),
      },
    },
  };
}

/** The error object carried by `failed` status webhooks (contracts §1b). */
export function webhookError(kind: GraphCode, details: string): Record<string, unknown> {
  return {
    code: kind.code,
    title: kind.title,
    message: kind.title,
    error_data: { details },
    href: '/documentation/business-messaging/whatsapp/support/error-codes',
  };
}
