import { randomId } from './ids.js';
import type { AuditEvent } from './audit.js';
import type { RevealLevel } from './reveal-policy.js';
import type { TokenMode } from './token-store.js';
import { VaultErrorCode, vaultUserError } from './vault-errors.js';
import { isVeilError } from '../errors.js';

/** Who is asking: resolved by the edge (API key, CLI user) before the vault is called. */
export interface Principal {
  readonly id: string;
  readonly tenant: string;
  readonly roles: readonly string[];
}

export interface TokenizeItem {
  readonly value: string;
  readonly type: string;
  readonly mode?: TokenMode;
}

export interface TokenizeContext {
  readonly tenant: string;
  readonly subjectId?: string | undefined;
  readonly conversationId?: string | undefined;
  readonly retentionClass?: string | undefined;
  readonly ttlSeconds?: number | undefined;
}

export interface ItemError {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

export type TokenizeResult = { readonly ok: true; readonly token: string } | ItemError;

export type RevealResult =
  | {
      readonly ok: true;
      readonly token: string;
      readonly type: string;
      readonly level: RevealLevel;
      readonly value: string;
    }
  | (ItemError & { readonly token: string });

export interface RevealOptions {
  readonly purpose: string;
  readonly level?: RevealLevel | undefined;
}

export type TokenState = 'active' | 'expired' | 'erased';

/** A coded failure becomes that item's result; anything else is a bug and propagates. */
export function itemError(error: unknown): ItemError {
  if (isVeilError(error)) return { ok: false, code: error.code, message: error.message };
  throw error;
}

export function requireName(value: string, what: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw vaultUserError(VaultErrorCode.BadInput, `${what} must be 1..200 characters`);
  }
}

export type AuditFields = Pick<AuditEvent, 'action' | 'target' | 'type' | 'purpose' | 'level' | 'outcome'>;

export function auditEvent(
  at: number,
  principal: Principal,
  fields: Partial<AuditFields> & Pick<AuditFields, 'action' | 'outcome'>,
): AuditEvent {
  return {
    id: randomId('aud_'),
    at,
    tenant: principal.tenant,
    principal: principal.id,
    target: null,
    type: null,
    purpose: null,
    level: null,
    ...fields,
  };
}
