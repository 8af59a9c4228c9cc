import { VeilError } from '../errors.js';

/** Media codes (docs/errors.md). Download failures worth retrying are operational; the rest are final. */
export const MediaErrorCode = {
  /** The role may not open media (reveal policy: `plain` on MEDIA needed). */
  Forbidden: 'VEIL_ERR_MEDIA_FORBIDDEN',
  /** No blob for this token (never stored, swept after erasure or expiry, or deleted). */
  NotFound: 'VEIL_ERR_MEDIA_NOT_FOUND',
  /** The bytes do not match the digest WhatsApp announced in the webhook. */
  DigestMismatch: 'VEIL_ERR_MEDIA_DIGEST_MISMATCH',
  /** Larger than the tenant's `media.maxBytes`. */
  TooLarge: 'VEIL_ERR_MEDIA_TOO_LARGE',
  /** WhatsApp refused the media id or URL for good (expired id, 4xx). */
  Unavailable: 'VEIL_ERR_MEDIA_UNAVAILABLE',
  /** Network error or 5xx after the retries: the message stays in the inbox and is tried again. */
  DownloadFailed: 'VEIL_ERR_MEDIA_DOWNLOAD_FAILED',
  /** The vaulted content key does not describe a blob (corruption or a token of another kind). */
  Corrupt: 'VEIL_ERR_MEDIA_CORRUPT',
} as const;

export type MediaErrorCode = (typeof MediaErrorCode)[keyof typeof MediaErrorCode];

export const mediaError = (
  code: MediaErrorCode,
  kind: 'user' | 'operational',
  message: string,
  detail?: Record<string, unknown>,
): VeilError => new VeilError(code, kind, message, detail);

/** Final: retrying the same download cannot help, so the message goes on with a failure notice. */
export const isFinalMediaFailure = (error: unknown): error is VeilError =>
  error instanceof VeilError &&
  (error.code === MediaErrorCode.DigestMismatch ||
    error.code === MediaErrorCode.TooLarge ||
    error.code === MediaErrorCode.Unavailable);
