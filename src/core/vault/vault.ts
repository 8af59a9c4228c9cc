import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { AuditEvent, AuditLog } from './audit.js';
import { base32 } from './base32.js';
import { DataKeys } from './data-keys.js';
import { inlineAad, open, seal, valueAad } from './envelope.js';
import { DEFAULT_FPE_POLICIES, FormatPreservingTokenizer, type FpePolicy } from './format-preserving.js';
import { randomId } from './ids.js';
import { decodeInline, encodeInline, isInline } from './inline-ciphertext.js';
import type { KeyProvider } from './key-provider.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RevealLevel, RevealPolicy } from './reveal-policy.js';
import type { DataKeyRecord, TokenMetadata, TokenMode, TokenRecord, TokenStore } from './token-store.js';
import { VaultErrorCode, vaultUserError } from './vault-errors.js';
import { isVeilError, VeilError } from '../errors.js';

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

const TOKEN_PREFIX = 'tok_';

/**
 * The vault: values in, tokens out; tokens in, what the caller may see out. Values are sealed with
 * AES-256-GCM under data keys (the subject's own when a subject is given, so erasure shreds them),
 * the AAD binds tenant, token and type, and data keys are wrapped by the key provider's KEK.
 */
export class Vault {
  private readonly clock: () => number;
  private readonly dataKeys: DataKeys;
  private readonly fpeByKey = new Map<string, FormatPreservingTokenizer>();
  private readonly eraseRoles: readonly string[];
  private readonly maxValueLength: number;

  constructor(private readonly options: VaultOptions) {
    this.clock = options.clock ?? Date.now;
    this.eraseRoles = options.eraseRoles ?? ['admin', 'dpo'];
    this.maxValueLength = options.maxValueLength ?? 4096;
    this.dataKeys = new DataKeys({
      store: options.store,
      keys: options.keys,
      kekId: options.kekId,
      clock: this.clock,
      maxUsesPerKey: options.maxUsesPerDataKey ?? 2 ** 30,
      cacheSize: options.keyCacheSize ?? 10_000,
    });
  }

  /** Stores each value and returns its token, item by item (a bad item does not fail the batch). */
  async tokenize(items: readonly TokenizeItem[], context: TokenizeContext): Promise<TokenizeResult[]> {
    requireName(context.tenant, 'tenant');
    if (items.length === 0) return [];
    const now = this.clock();
    const subjectId = context.subjectId ?? null;
    const sealing = await this.dataKeys.forWrite(
      context.tenant,
      subjectId ? 'subject' : 'value',
      subjectId,
      items.length,
    );
    const modes = items.map((item) => item.mode ?? this.options.defaultMode ?? 'random');
    const indexKey = modes.includes('deterministic')
      ? await this.dataKeys.forWrite(context.tenant, 'index', null, 0)
      : undefined;
    const fpe = modes.includes('format-preserving') ? await this.fpeFor(context.tenant) : undefined;
    // One random call per batch: 16 bytes per random token, then 12 per GCM nonce.
    const random = randomBytes(28 * items.length);
    const nonceAt = (i: number) =>
      random.subarray(16 * items.length + 12 * i, 16 * items.length + 12 * i + 12);

    const results: TokenizeResult[] = new Array(items.length);
    const tokens: (string | undefined)[] = items.map((item, i) => {
      try {
        this.checkValue(item);
        switch (modes[i]) {
          case 'deterministic': {
            const mac = createHmac('sha256', indexKey!.key)
              .update(`${item.type}\u0000${item.value}`)
              .digest();
            return TOKEN_PREFIX + base32(mac.subarray(0, 16));
          }
          case 'format-preserving':
            return fpe!.tokenize(context.tenant, item.type, item.value);
          default:
            return TOKEN_PREFIX + base32(random.subarray(16 * i, 16 * i + 16));
        }
      } catch (error) {
        results[i] = itemError(error);
        return undefined;
      }
    });

    // Deterministic and format-preserving tokens may exist already: reuse them when their key is live.
    const repeatable = tokens.filter((t, i): t is string => t !== undefined && modes[i] !== 'random');
    const { tokens: existing, keys: existingKeys } = repeatable.length
      ? await this.options.store.getTokensWithKeys(context.tenant, repeatable)
      : { tokens: new Map<string, TokenRecord>(), keys: new Map<string, DataKeyRecord>() };

    const expiresAt = context.ttlSeconds ? now + context.ttlSeconds * 1000 : null;
    const fresh = new Map<string, TokenRecord>();
    const replaced = new Map<string, TokenRecord>();
    items.forEach((item, i) => {
      const token = tokens[i];
      if (token === undefined) return;
      const found = existing.get(token);
      if (found && found.type !== item.type) {
        results[i] = {
          ok: false,
          code: VaultErrorCode.TokenCollision,
          message: 'the format-preserving token collides with a token of another type; use a random token',
        };
        return;
      }
      results[i] = { ok: true, token };
      if (found && existingKeys.get(found.dataKeyId)?.wrapped) return;
      if (fresh.has(token) || replaced.has(token)) return;
      const record: TokenRecord = {
        tenant: context.tenant,
        token,
        type: item.type,
        mode: modes[i]!,
        subjectId,
        conversationId: context.conversationId ?? null,
        retentionClass: context.retentionClass ?? null,
        createdAt: now,
        expiresAt,
        dataKeyId: sealing.id,
        sealed: seal(
          sealing.key,
          Buffer.from(item.value, 'utf8'),
          valueAad(context.tenant, token, item.type),
          nonceAt(i),
        ),
      };
      (found ? replaced : fresh).set(token, record);
    });
    if (fresh.size) await this.options.store.putTokens([...fresh.values()], 'ignore');
    if (replaced.size) await this.options.store.putTokens([...replaced.values()], 'replace');
    return results;
  }

  /** The `encrypt` operator: a self-contained ciphertext, nothing stored but its (shreddable) data key. */
  async encryptInline(items: readonly TokenizeItem[], context: TokenizeContext): Promise<TokenizeResult[]> {
    requireName(context.tenant, 'tenant');
    if (items.length === 0) return [];
    const subjectId = context.subjectId ?? null;
    const key = await this.dataKeys.forWrite(
      context.tenant,
      subjectId ? 'subject' : 'value',
      subjectId,
      items.length,
    );
    return items.map((item) => {
      try {
        this.checkValue(item);
        const sealed = seal(
          key.key,
          Buffer.from(item.value, 'utf8'),
          inlineAad(context.tenant, item.type, key.id),
        );
        return { ok: true, token: encodeInline({ dataKeyId: key.id, type: item.type, sealed }) };
      } catch (error) {
        return itemError(error);
      }
    });
  }

  /** Reveals tokens (and inline ciphertexts) at the level policy grants; audits every item. */
  async detokenize(
    tokens: readonly string[],
    principal: Principal,
    options: RevealOptions,
  ): Promise<RevealResult[]> {
    requireName(principal.tenant, 'tenant');
    if (tokens.length === 0) return [];
    const now = this.clock();
    const rate = this.options.limiter.take(principal.id, tokens.length);
    if (!rate.ok) {
      await this.options.audit.append([
        this.event(principal, 'reveal', null, null, options.purpose, null, VaultErrorCode.RateLimited),
      ]);
      throw new VeilError(VaultErrorCode.RateLimited, 'user', 'reveal rate limit exceeded; try again later', {
        retryAfterSeconds: rate.retryAfterSeconds,
      });
    }
    const stored = [...new Set(tokens.filter((t) => !isInline(t)))];
    const { tokens: records, keys: keyRecords } = stored.length
      ? await this.options.store.getTokensWithKeys(principal.tenant, stored)
      : { tokens: new Map<string, TokenRecord>(), keys: new Map<string, DataKeyRecord>() };
    const located = tokens.map((token) => locate(token, records));
    // Inline ciphertexts name their data key themselves: fetch those the join did not bring.
    const missing = new Set<string>();
    for (const l of located)
      if (!(l instanceof VeilError) && !keyRecords.has(l.dataKeyId)) missing.add(l.dataKeyId);
    if (missing.size)
      for (const [id, k] of await this.options.store.getDataKeys([...missing])) keyRecords.set(id, k);

    const results: RevealResult[] = [];
    const events: AuditEvent[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const target = isInline(token)
        ? `venc:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`
        : token;
      const found = located[i]!;
      try {
        if (found instanceof VeilError) throw found;
        const level = this.options.policy.decide(principal.roles, found.type, options.level);
        if (found.expiresAt !== null && found.expiresAt <= now) {
          throw vaultUserError(VaultErrorCode.TokenExpired, 'token expired');
        }
        const keyRecord: DataKeyRecord | undefined = keyRecords.get(found.dataKeyId);
        if (!keyRecord || keyRecord.tenant !== principal.tenant) {
          throw vaultUserError(VaultErrorCode.TokenNotFound, 'unknown token');
        }
        const key = await this.dataKeys.material(keyRecord);
        let value = `[${found.type}]`;
        if (level !== 'redacted') {
          const plaintext = open(key, found.sealed, found.aad(principal.tenant)).toString('utf8');
          value = level === 'plain' ? plaintext : this.options.mask(found.type, plaintext);
        }
        results.push({ ok: true, token, type: found.type, level, value });
        events.push(this.event(principal, 'reveal', target, found.type, options.purpose, level, 'ok'));
      } catch (error) {
        const failure = itemError(error);
        results.push({ ...failure, token });
        events.push(this.event(principal, 'reveal', target, null, options.purpose, null, failure.code));
      }
    }
    await this.options.audit.append(events);
    return results;
  }

  /** Metadata only, never the value. */
  async describe(
    tenant: string,
    token: string,
  ): Promise<(TokenMetadata & { state: TokenState }) | undefined> {
    const record = (await this.options.store.getTokens(tenant, [token])).get(token);
    if (!record) return undefined;
    const key = (await this.options.store.getDataKeys([record.dataKeyId])).get(record.dataKeyId);
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
      this.event(principal, 'erase-subject', subjectId, null, null, null, 'ok'),
    ]);
    return { keysDestroyed: ids.length };
  }

  async deleteToken(principal: Principal, token: string): Promise<boolean> {
    this.requireEraser(principal);
    const deleted = await this.options.store.deleteToken(principal.tenant, token);
    const outcome = deleted ? 'ok' : VaultErrorCode.TokenNotFound;
    await this.options.audit.append([
      this.event(principal, 'delete-token', token, null, null, null, outcome),
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

  /** True when `format-preserving` tokens are configured for this type. */
  formatPreserves(type: string): boolean {
    return (this.options.fpePolicies ?? DEFAULT_FPE_POLICIES)[type] !== undefined;
  }

  private async fpeFor(tenant: string): Promise<FormatPreservingTokenizer> {
    const key = await this.dataKeys.forWrite(tenant, 'fpe', null, 0);
    let fpe = this.fpeByKey.get(key.id);
    if (!fpe) {
      fpe = new FormatPreservingTokenizer(key.key, this.options.fpePolicies ?? DEFAULT_FPE_POLICIES);
      this.fpeByKey.set(key.id, fpe);
    }
    return fpe;
  }

  private checkValue(item: TokenizeItem): void {
    if (
      typeof item.value !== 'string' ||
      item.value.length === 0 ||
      item.value.length > this.maxValueLength
    ) {
      throw vaultUserError(VaultErrorCode.BadInput, `value must be 1..${this.maxValueLength} characters`);
    }
    if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(item.type)) {
      throw vaultUserError(VaultErrorCode.BadInput, 'type must be an upper-case name such as CREDIT_CARD');
    }
  }

  private requireEraser(principal: Principal): void {
    if (!principal.roles.some((r) => this.eraseRoles.includes(r))) {
      throw vaultUserError(
        VaultErrorCode.Forbidden,
        `erasure needs one of the roles: ${this.eraseRoles.join(', ')}`,
      );
    }
  }

  private event(
    principal: Principal,
    action: AuditEvent['action'],
    target: string | null,
    type: string | null,
    purpose: string | null,
    level: string | null,
    outcome: string,
  ): AuditEvent {
    return {
      id: randomId('aud_'),
      at: this.clock(),
      tenant: principal.tenant,
      principal: principal.id,
      action,
      target,
      type,
      purpose,
      level,
      outcome,
    };
  }
}

interface Located {
  readonly type: string;
  readonly dataKeyId: string;
  readonly sealed: Uint8Array;
  readonly expiresAt: number | null;
  aad(tenant: string): Buffer;
}

function locate(token: string, records: Map<string, TokenRecord>): Located | VeilError {
  if (isInline(token)) {
    try {
      const inline = decodeInline(token);
      return {
        type: inline.type,
        dataKeyId: inline.dataKeyId,
        sealed: inline.sealed,
        expiresAt: null,
        aad: (tenant) => inlineAad(tenant, inline.type, inline.dataKeyId),
      };
    } catch (error) {
      return error as VeilError;
    }
  }
  const record = records.get(token);
  if (!record) return vaultUserError(VaultErrorCode.TokenNotFound, 'unknown token');
  return { ...record, aad: (tenant) => valueAad(tenant, record.token, record.type) };
}

function requireName(value: string, what: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw vaultUserError(VaultErrorCode.BadInput, `${what} must be 1..200 characters`);
  }
}

function itemError(error: unknown): ItemError {
  if (isVeilError(error)) return { ok: false, code: error.code, message: error.message };
  throw error;
}
