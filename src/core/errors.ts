/**
 * One coded error catalogue. Codes are stable (documented in docs/errors.md); the kind tells the
 * edge how to answer: `user` errors are the caller's to fix, `operational` ones are the environment's,
 * `unexpected` ones are bugs.
 */
export type ErrorKind = 'user' | 'operational' | 'unexpected';

export class VeilError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly detail: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    kind: ErrorKind,
    message: string,
    detail: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'VeilError';
    this.code = code;
    this.kind = kind;
    this.detail = Object.freeze({ ...detail });
  }
}

export const userError = (code: string, message: string, detail?: Record<string, unknown>): VeilError =>
  new VeilError(code, 'user', message, detail);

export const operationalError = (
  code: string,
  message: string,
  detail?: Record<string, unknown>,
  cause?: unknown,
): VeilError => new VeilError(code, 'operational', message, detail, { cause });

export const isVeilError = (error: unknown): error is VeilError => error instanceof VeilError;
