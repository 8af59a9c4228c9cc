import type { AuditLog } from './audit.js';
import { DataKeys } from './data-keys.js';
import { DEFAULT_FPE_POLICIES, type FpePolicy } from './format-preserving.js';
import type { KeyProvider } from './key-provider.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RevealLevel, RevealPolicy } from './reveal-policy.js';
import { Revealer } from './revealer.js';
import type { TokenMetadata, TokenMode, TokenStore } from './token-store.js';
import { Tokenizer } from './tokenizer.js';
import { VaultErrorCode, vaultUserError } from './vault-errors.js';
import {
  auditEvent,
  requireName,
  type Principal,
  type RevealOptions,
  type RevealResult,
  type TokenizeContext,
  type TokenizeItem,
  type TokenizeResult,
  type TokenState,
} from './vault-types.js';

export type * from './vault-types.js';

export interface VaultOptions {
  readonly store: TokenStore;
  readonly audit: AuditLog;
  readonly keys: KeyProvider;
  readonly kekId: string;
  readonly policy: RevealPolicy;
  readonly limiter: RateLimiter;
  /** Type-aware masking for the `masked` level (the protection layer's `maskValue`). */
  readonly mask: (type: string, value: string) => string;
  readonly clock?: () => number;
  readonly fpePolicies?: Readonly<Record<string, FpePolicy>>;
  readonly defaultMode?: TokenMode;
  readonly maxUsesPerDataKey?: number;
  readonly keyCacheSize?: number;
  /** Roles allowed to erase subjects and delete tokens. */
  readonly eraseRoles?: readonly string[];
  readonly maxValueLength?: number;
}

/**
 * The vault: values in, tokens out; tokens in, what the caller may see out. Values are sealed with
 * AES-256-GCM under data keys (the subject's own when a subject is given, so erasure shreds them),
 * the AAD binds tenant, token and type, and data keys are wrapped by the key provider's KEK.
 */
export class Vault {
  private readonly clock: () => number;
  private readonly dataKeys: DataKeys;
  private readonly tokenizer: Tokenizer;
  private readonly revealer: Revealer;
  private readonly eraseRoles: readonly string[];

  constructor(private readonly options: VaultOptions) {
    this.clock = options.clock ?? Date.now;
    this.eraseRoles = options.eraseRoles ?? ['admin', 'dpo'];
    this.dataKeys = new DataKeys({
      store: options.store,
      keys: options.keys,
      kekId: options.kekId,
      clock: this.clock,
      maxUsesPerKey: options.maxUsesPerDataKey ?? 2 ** 30,
      cacheSize: options.keyCacheSize ?? 10_000,
    });
    this.tokenizer = new Tokenizer({
      store: options.store,
      dataKeys: this.dataKeys,
      clock: this.clock,
      fpePolicies: options.fpePolicies ?? DEFAULT_FPE_POLICIES,
      defaultMode: options.defaultMode ?? 'random',
      maxValueLength: options.maxValueLength ?? 4096,
    });
    this.revealer = new Revealer({
      store: options.store,
      audit: options.audit,
      dataKeys: this.dataKeys,
      policy: options.policy,
      limiter: options.limiter,
      mask: options.mask,
      clock: this.clock,
    });
  }

  /** Stores each value and returns its token, item by item (a bad item does not fail the batch). */
  tokenize(items: readonly TokenizeItem[], context: TokenizeContext): Promise<TokenizeResult[]> {
    return this.tokenizer.tokenize(items, context);
  }

  /** The `encrypt` operator: a self-contained ciphertext, nothing stored but its (shreddable) data key. */
  encryptInline(items: readonly TokenizeItem[], context: TokenizeContext): Promise<TokenizeResult[]> {
    return this.tokenizer.encryptInline(items, context);
  }

  /** Reveals tokens (and inline ciphertexts) at the level policy grants; audits every item. */
  detokenize(
    tokens: readonly string[],
    principal: Principal,
    options: RevealOptions,
  ): Promise<RevealResult[]> {
    return this.revealer.detokenize(tokens, principal, options);
  }

  /** The most these roles may see of a type (the reveal policy), without revealing anything. */
  revealLevel(roles: readonly string[], type: string): RevealLevel {
    return this.options.policy.allowed(roles, type);
  }

  /** True when `format-preserving` tokens are configured for this type. */
  formatPreserves(type: string): boolean {
    return this.tokenizer.formatPreserves(type);
  }

  /** Metadata only, never the value. */
  async describe(
    tenant: string,
    token: string,
  ): Promise<(TokenMetadata & { state: TokenState }) | undefined> {
    const { tokens, keys } = await this.options.store.getTokensWithKeys(tenant, [token]);
    const record = tokens.get(token);
    if (!record) return undefined;
    const key = keys.get(record.dataKeyId);
    const { sealed: _sealed, ...metadata } = record;
    const state: TokenState =
      !key || key.wrapped === null
        ? 'erased'
        : record.expiresAt !== null && record.expiresAt <= this.clock()
          ? 'expired'
          : 'active';
    return { ...metadata, state };
  }

  /** Crypto-shredding: destroys the subject's data keys; its values are unrecoverable at once. */
  async eraseSubject(principal: Principal, subjectId: string): Promise<{ keysDestroyed: number }> {
    this.requireEraser(principal);
    requireName(subjectId, 'subject id');
    const ids = await this.options.store.destroySubjectKeys(principal.tenant, subjectId, this.clock());
    this.dataKeys.forget(ids);
    await this.options.audit.append([
      auditEvent(this.clock(), principal, { action: 'erase-subject', target: subjectId, outcome: 'ok' }),
    ]);
    return { keysDestroyed: ids.length };
  }

  async deleteToken(principal: Principal, token: string): Promise<boolean> {
    this.requireEraser(principal);
    const deleted = await this.options.store.deleteToken(principal.tenant, token);
    const outcome = deleted ? 'ok' : VaultErrorCode.TokenNotFound;
    await this.options.audit.append([
      auditEvent(this.clock(), principal, { action: 'delete-token', target: token, outcome }),
    ]);
    return deleted;
  }

  /** The expiry sweeper's step: deletes up to `limit` expired tokens. */
  sweepExpired(limit = 1000): Promise<number> {
    return this.options.store.deleteExpired(this.clock(), limit);
  }

  stats() {
    return this.options.store.stats(this.clock());
  }

  private requireEraser(principal: Principal): void {
    if (!principal.roles.some((r) => this.eraseRoles.includes(r))) {
      throw vaultUserError(
        VaultErrorCode.Forbidden,
        `erasure needs one of the roles: ${this.eraseRoles.join(', ')}`,
      );
    }
  }
}
