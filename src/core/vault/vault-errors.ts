import { VeilError } from '../errors.js';

/** The vault's error codes (documented in docs/vault.md); every failure to open data fails closed with one of them. */
export const VaultErrorCode = {
  DecryptFailed: 'VEIL_ERR_VAULT_DECRYPT_FAILED',
  UnwrapFailed: 'VEIL_ERR_VAULT_UNWRAP_FAILED',
  KeyRetired: 'VEIL_ERR_VAULT_KEY_RETIRED',
  KeyUnknown: 'VEIL_ERR_VAULT_KEY_UNKNOWN',
  KeyInUse: 'VEIL_ERR_VAULT_KEY_IN_USE',
  SubjectErased: 'VEIL_ERR_VAULT_SUBJECT_ERASED',
  TokenNotFound: 'VEIL_ERR_VAULT_TOKEN_NOT_FOUND',
  TokenExpired: 'VEIL_ERR_VAULT_TOKEN_EXPIRED',
  TokenCollision: 'VEIL_ERR_VAULT_TOKEN_COLLISION',
  FpeUnsupported: 'VEIL_ERR_VAULT_FPE_UNSUPPORTED',
  FpeDomain: 'VEIL_ERR_VAULT_FPE_DOMAIN',
  RateLimited: 'VEIL_ERR_VAULT_RATE_LIMITED',
  Forbidden: 'VEIL_ERR_VAULT_FORBIDDEN',
  BadInput: 'VEIL_ERR_VAULT_BAD_INPUT',
  Ciphertext: 'VEIL_ERR_VAULT_CIPHERTEXT_MALFORMED',
} as const;

export type VaultErrorCode = (typeof VaultErrorCode)[keyof typeof VaultErrorCode];

export const vaultUserError = (code: VaultErrorCode, message: string, detail?: Record<string, unknown>) =>
  new VeilError(code, 'user', message, detail);

/** Integrity and key failures are operational: the data or keys are not what they must be. */
export const vaultIntegrityError = (
  code: VaultErrorCode,
  message: string,
  detail?: Record<string, unknown>,
) => new VeilError(code, 'operational', message, detail);
