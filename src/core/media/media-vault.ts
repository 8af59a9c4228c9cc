import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { VeilError } from '../errors.js';
import type { AuditLog } from '../vault/audit.js';
import { aad, DATA_KEY_BYTES, open, seal } from '../vault/envelope.js';
import { VaultErrorCode } from '../vault/vault-errors.js';
import type { Vault } from '../vault/vault.js';
import { auditEvent, type Principal } from '../vault/vault-types.js';
import type { BlobRef, BlobStore } from './blob-store.js';
import { MediaErrorCode, mediaError } from './media-errors.js';

/** The vault type of a blob's content key: reveal policy, TTL and erasure apply through it. */
export const MEDIA_TYPE = 'MEDIA';

/** AAD of a blob: the tenant, the blob id and the MIME type, so a file moved or relabelled fails to open. */
export const blobAad = (tenant: string, blobId: string, mimeType: string): Buffer =>
  aad('veil/blob/v1', tenant, blobId, mimeType);

/**
 * The blob id of a channel message's media: derived from tenant and message id, so a replay after
 * a crash finds the blob the first attempt wrote instead of making a second one.
 */
export const blobIdFor = (tenant: string, messageId: string): string =>
  createHash('sha256')
    .update(aad('veil/blob-id/v1', tenant, messageId))
    .digest('hex')
    .slice(0, 40);

/** What the MEDIA token's vaulted value holds: the content key and what the blob must be. */
interface ContentKey {
  readonly v: 1;
  /** AES-256 key, base64. */
  readonly k: string;
  readonly b: string;
  readonly m: string;
  readonly n: number;
  /** SHA-256 of the plaintext, hex: checked again on every open. */
  readonly s: string;
}

export interface StoreMediaRequest {
  readonly tenant: string;
  /** The channel's message id (WhatsApp wamid): the dedup key. */
  readonly messageId: string;
  /** The customer: their erasure shreds the content key. */
  readonly subjectId: string;
  readonly conversationId?: string | undefined;
  readonly ttlSeconds?: number | undefined;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

export interface MediaVaultOptions {
  readonly vault: Vault;
  readonly blobs: BlobStore;
  readonly audit: AuditLog;
  readonly clock?: () => number;
}

/**
 * Media in the vault. Each blob is sealed with its own random AES-256-GCM content key; that key is a
 * vault value of type MEDIA (sealed under the customer's data key, itself wrapped by the tenant KEK
 * through the key provider). The blob store holds only ciphertext, so erasing the customer, the
 * token expiring or the token being deleted makes the blob unreadable at once; `sweep` then deletes
 * the files nobody can open any more.
 */
export class MediaVault {
  readonly #o: MediaVaultOptions;
  readonly #clock: () => number;

  constructor(options: MediaVaultOptions) {
    this.#o = options;
    this.#clock = options.clock ?? Date.now;
  }

  /** The token of this message's media when an earlier attempt stored it and it is still live. */
  async existing(tenant: string, messageId: string): Promise<string | undefined> {
    const header = await this.#o.blobs.header({ tenant, blobId: blobIdFor(tenant, messageId) });
    if (!header) return undefined;
    const described = await this.#o.vault.describe(tenant, header.token);
    return described?.state === 'active' && described.type === MEDIA_TYPE ? header.token : undefined;
  }

  /** Encrypts and stores the media (once per message id); returns its MEDIA token. */
  async store(request: StoreMediaRequest): Promise<{ token: string; reused: boolean }> {
    const { tenant, messageId, mimeType, bytes } = request;
    const reused = await this.existing(tenant, messageId);
    if (reused) return { token: reused, reused: true };
    const blobId = blobIdFor(tenant, messageId);
    const key = randomBytes(DATA_KEY_BYTES);
    const sealed = seal(key, bytes, blobAad(tenant, blobId, mimeType));
    const record: ContentKey = {
      v: 1,
      k: key.toString('base64'),
      b: blobId,
      m: mimeType,
      n: bytes.length,
      s: createHash('sha256').update(bytes).digest('hex'),
    };
    key.fill(0);
    const [result] = await this.#o.vault.tokenize(
      [{ value: JSON.stringify(record), type: MEDIA_TYPE, mode: 'random' }],
      {
        tenant,
        subjectId: request.subjectId,
        conversationId: request.conversationId,
        ttlSeconds: request.ttlSeconds,
      },
    );
    if (!result?.ok)
      throw new VeilError(
        result?.code ?? 'VEIL_ERR_VAULT_BAD_INPUT',
        'operational',
        result?.message ?? 'tokenize failed',
      );
    // Token first, then the blob: a crash between them leaves an unused key, never a blob without one.
    await this.#o.blobs.put(
      { tenant, blobId },
      { header: { token: result.token, mimeType, size: bytes.length }, sealed },
    );
    return { token: result.token, reused: false };
  }

  /**
   * The media's bytes for a caller allowed `plain` on MEDIA; every attempt is audited (who, which
   * token, the outcome), never the content.
   */
  async open(principal: Principal, token: string): Promise<{ bytes: Buffer; mimeType: string }> {
    try {
      const opened = await this.#open(principal, token);
      await this.#audit(principal, token, 'ok');
      return opened;
    } catch (error) {
      const code = error instanceof VeilError ? error.code : 'unexpected';
      // A rate-limited reveal is already audited by the vault; everything else is recorded here.
      if (code !== VaultErrorCode.RateLimited) await this.#audit(principal, token, code);
      throw error;
    }
  }

  /** Deletes the blobs whose token is gone, expired or erased (nobody can open them); returns how many. */
  async sweep(): Promise<number> {
    let deleted = 0;
    for await (const ref of this.#o.blobs.list()) {
      const header = await this.#o.blobs.header(ref);
      if (header && (await this.#o.vault.describe(ref.tenant, header.token))?.state === 'active') continue;
      if (await this.#o.blobs.delete(ref)) deleted += 1;
    }
    return deleted;
  }

  async #open(principal: Principal, token: string): Promise<{ bytes: Buffer; mimeType: string }> {
    if (this.#o.vault.revealLevel(principal.roles, MEDIA_TYPE) !== 'plain')
      throw mediaError(
        MediaErrorCode.Forbidden,
        'user',
        'opening media needs a role allowed `plain` on MEDIA',
      );
    const [revealed] = await this.#o.vault.detokenize([token], principal, {
      purpose: 'open-media',
      level: 'plain',
    });
    if (!revealed?.ok) {
      const code = revealed?.code ?? MediaErrorCode.NotFound;
      throw new VeilError(
        code,
        code === VaultErrorCode.DecryptFailed ? 'operational' : 'user',
        revealed?.message ?? 'unknown token',
      );
    }
    if (revealed.type !== MEDIA_TYPE || revealed.level !== 'plain')
      throw mediaError(MediaErrorCode.NotFound, 'user', 'no media for this token');
    const record = parseContentKey(revealed.value);
    const ref: BlobRef = { tenant: principal.tenant, blobId: record.b };
    const blob = await this.#o.blobs.get(ref);
    if (!blob || blob.header.token !== token)
      throw mediaError(MediaErrorCode.NotFound, 'user', 'the media was deleted or replaced');
    const key = Buffer.from(record.k, 'base64');
    try {
      const bytes = open(key, blob.sealed, blobAad(principal.tenant, record.b, record.m));
      const digest = createHash('sha256').update(bytes).digest();
      if (bytes.length !== record.n || !timingSafeEqual(digest, Buffer.from(record.s, 'hex')))
        throw mediaError(
          MediaErrorCode.Corrupt,
          'operational',
          'the blob does not match its recorded digest',
        );
      return { bytes, mimeType: record.m };
    } finally {
      key.fill(0);
    }
  }

  async #audit(principal: Principal, token: string, outcome: string): Promise<void> {
    await this.#o.audit.append([
      auditEvent(this.#clock(), principal, {
        action: 'open-media',
        target: token,
        type: MEDIA_TYPE,
        purpose: 'open-media',
        level: outcome === 'ok' ? 'plain' : null,
        outcome,
      }),
    ]);
  }
}

function parseContentKey(value: string): ContentKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  const r = parsed as Partial<ContentKey> | undefined;
  if (
    r?.v !== 1 ||
    typeof r.k !== 'string' ||
    typeof r.b !== 'string' ||
    typeof r.m !== 'string' ||
    typeof r.n !== 'number' ||
    typeof r.s !== 'string' ||
    !/^[0-9a-f]{64}$/.test(r.s)
  )
    throw mediaError(MediaErrorCode.Corrupt, 'operational', 'the MEDIA token does not hold a content key');
  return r as ContentKey;
}
