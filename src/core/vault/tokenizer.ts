import { createHmac, randomBytes } from 'node:crypto';
import { base32 } from './base32.js';
import type { DataKeys } from './data-keys.js';
import { inlineAad, seal, valueAad } from './envelope.js';
import { FormatPreservingTokenizer, type FpePolicy } from './format-preserving.js';
import { encodeInline } from './inline-ciphertext.js';
import type { DataKeyRecord, TokenMode, TokenRecord, TokenStore } from './token-store.js';
import { VaultErrorCode, vaultUserError } from './vault-errors.js';
import {
  itemError,
  requireName,
  type TokenizeContext,
  type TokenizeItem,
  type TokenizeResult,
} from './vault-types.js';

export interface TokenizerOptions {
  readonly store: TokenStore;
  readonly dataKeys: DataKeys;
  readonly clock: () => number;
  readonly fpePolicies: Readonly<Record<string, FpePolicy>>;
  readonly defaultMode: TokenMode;
  readonly maxValueLength: number;
}

const TOKEN_PREFIX = 'tok_';

/** Values in, tokens out: seals each value under the tenant's or the subject's data key. */
export class Tokenizer {
  private readonly fpeByKey = new Map<string, FormatPreservingTokenizer>();

  constructor(private readonly options: TokenizerOptions) {}

  /** Stores each value and returns its token, item by item (a bad item does not fail the batch). */
  async tokenize(items: readonly TokenizeItem[], context: TokenizeContext): Promise<TokenizeResult[]> {
    requireName(context.tenant, 'tenant');
    if (items.length === 0) return [];
    const { store, dataKeys } = this.options;
    const now = this.options.clock();
    const subjectId = context.subjectId ?? null;
    const sealing = await dataKeys.forWrite(
      context.tenant,
      subjectId ? 'subject' : 'value',
      subjectId,
      items.length,
    );
    const modes = items.map((item) => item.mode ?? this.options.defaultMode);
    const indexKey = modes.includes('deterministic')
      ? await dataKeys.forWrite(context.tenant, 'index', null, 0)
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
            // Keyed, so the token says nothing about the value to whoever lacks the tenant's index key.
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
      ? await store.getTokensWithKeys(context.tenant, repeatable)
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
      // A row whose key was shredded (erased subject) is overwritten: the old value is gone anyway.
      (found ? replaced : fresh).set(token, record);
    });
    if (fresh.size) await store.putTokens([...fresh.values()], 'ignore');
    if (replaced.size) await store.putTokens([...replaced.values()], 'replace');
    return results;
  }

  /** The `encrypt` operator: a self-contained ciphertext, nothing stored but its (shreddable) data key. */
  async encryptInline(items: readonly TokenizeItem[], context: TokenizeContext): Promise<TokenizeResult[]> {
    requireName(context.tenant, 'tenant');
    if (items.length === 0) return [];
    const subjectId = context.subjectId ?? null;
    const key = await this.options.dataKeys.forWrite(
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

  formatPreserves(type: string): boolean {
    return this.options.fpePolicies[type] !== undefined;
  }

  private async fpeFor(tenant: string): Promise<FormatPreservingTokenizer> {
    const key = await this.options.dataKeys.forWrite(tenant, 'fpe', null, 0);
    let fpe = this.fpeByKey.get(key.id);
    if (!fpe) {
      fpe = new FormatPreservingTokenizer(key.key, this.options.fpePolicies);
      this.fpeByKey.set(key.id, fpe);
    }
    return fpe;
  }

  private checkValue(item: TokenizeItem): void {
    const max = this.options.maxValueLength;
    if (typeof item.value !== 'string' || item.value.length === 0 || item.value.length > max) {
      throw vaultUserError(VaultErrorCode.BadInput, `value must be 1..${max} characters`);
    }
    if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(item.type)) {
      throw vaultUserError(VaultErrorCode.BadInput, 'type must be an upper-case name such as CREDIT_CARD');
    }
  }
}
