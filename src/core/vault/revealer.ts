import { createHash } from 'node:crypto';
import type { AuditEvent, AuditLog } from './audit.js';
import type { DataKeys } from './data-keys.js';
import { inlineAad, open, valueAad } from './envelope.js';
import { decodeInline, isInline } from './inline-ciphertext.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RevealPolicy } from './reveal-policy.js';
import type { DataKeyRecord, TokenRecord, TokenStore } from './token-store.js';
import { VaultErrorCode, vaultUserError } from './vault-errors.js';
import {
  auditEvent,
  itemError,
  requireName,
  type Principal,
  type RevealOptions,
  type RevealResult,
} from './vault-types.js';
import { VeilError } from '../errors.js';

export interface RevealerOptions {
  readonly store: TokenStore;
  readonly audit: AuditLog;
  readonly dataKeys: DataKeys;
  readonly policy: RevealPolicy;
  readonly limiter: RateLimiter;
  readonly mask: (type: string, value: string) => string;
  readonly clock: () => number;
}

/** Tokens in, what the caller may see out; every item audited, never with its value. */
export class Revealer {
  constructor(private readonly options: RevealerOptions) {}

  async detokenize(
    tokens: readonly string[],
    principal: Principal,
    options: RevealOptions,
  ): Promise<RevealResult[]> {
    requireName(principal.tenant, 'tenant');
    if (tokens.length === 0) return [];
    const { store, audit, clock } = this.options;
    const now = clock();
    const rate = this.options.limiter.take(principal.id, tokens.length);
    if (!rate.ok) {
      await audit.append([
        auditEvent(now, principal, {
          action: 'reveal',
          purpose: options.purpose,
          outcome: VaultErrorCode.RateLimited,
        }),
      ]);
      throw new VeilError(VaultErrorCode.RateLimited, 'user', 'reveal rate limit exceeded; try again later', {
        retryAfterSeconds: rate.retryAfterSeconds,
      });
    }
    const stored = [...new Set(tokens.filter((t) => !isInline(t)))];
    const { tokens: records, keys } = stored.length
      ? await store.getTokensWithKeys(principal.tenant, stored)
      : { tokens: new Map<string, TokenRecord>(), keys: new Map<string, DataKeyRecord>() };
    const located = tokens.map((token) => locate(token, records));
    // Inline ciphertexts name their data key themselves: fetch those the join did not bring.
    const missing = new Set<string>();
    for (const l of located)
      if (!(l instanceof VeilError) && !keys.has(l.dataKeyId)) missing.add(l.dataKeyId);
    if (missing.size) for (const [id, k] of await store.getDataKeys([...missing])) keys.set(id, k);

    const results: RevealResult[] = [];
    const events: AuditEvent[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const target = isInline(token)
        ? `venc:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`
        : token;
      const base = { action: 'reveal', target, purpose: options.purpose } as const;
      try {
        const found = located[i]!;
        if (found instanceof VeilError) throw found;
        const level = this.options.policy.decide(principal.roles, found.type, options.level);
        if (found.expiresAt !== null && found.expiresAt <= now) {
          throw vaultUserError(VaultErrorCode.TokenExpired, 'token expired');
        }
        const keyRecord = keys.get(found.dataKeyId);
        if (!keyRecord || keyRecord.tenant !== principal.tenant) {
          throw vaultUserError(VaultErrorCode.TokenNotFound, 'unknown token');
        }
        // Checked even for `redacted`: an erased value is reported as erased at every level.
        const key = await this.options.dataKeys.material(keyRecord);
        let value = `[${found.type}]`;
        if (level !== 'redacted') {
          const plaintext = open(key, found.sealed, found.aad(principal.tenant)).toString('utf8');
          value = level === 'plain' ? plaintext : this.options.mask(found.type, plaintext);
        }
        results.push({ ok: true, token, type: found.type, level, value });
        events.push(auditEvent(now, principal, { ...base, type: found.type, level, outcome: 'ok' }));
      } catch (error) {
        const failure = itemError(error);
        results.push({ ...failure, token });
        events.push(auditEvent(now, principal, { ...base, outcome: failure.code }));
      }
    }
    // Written before anything is returned: if the audit cannot be written, nothing is revealed.
    await audit.append(events);
    return results;
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
