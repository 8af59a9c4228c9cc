import { VaultErrorCode, vaultUserError } from './vault-errors.js';

/**
 * The `encrypt` operator's output: the sealed value travels inline instead of being stored, so only
 * its data key lives in the vault (and erasing a subject still shreds it). Layout, base64url after
 * the prefix: version 1 | key-id length | key id | type length | type | sealed envelope.
 */
export const INLINE_PREFIX = 'venc_';

export interface InlineCiphertext {
  readonly dataKeyId: string;
  readonly type: string;
  readonly sealed: Buffer;
}

export function encodeInline(c: InlineCiphertext): string {
  const id = Buffer.from(c.dataKeyId, 'utf8');
  const type = Buffer.from(c.type, 'utf8');
  const head = Buffer.from([1, id.length, ...id, type.length, ...type]);
  return INLINE_PREFIX + Buffer.concat([head, c.sealed]).toString('base64url');
}

export function decodeInline(text: string): InlineCiphertext {
  const bad = () => vaultUserError(VaultErrorCode.Ciphertext, 'not a Veil inline ciphertext');
  if (!text.startsWith(INLINE_PREFIX)) throw bad();
  const buf = Buffer.from(text.slice(INLINE_PREFIX.length), 'base64url');
  if (buf.length < 3 || buf[0] !== 1) throw bad();
  const idLen = buf[1]!;
  const typeLen = buf[2 + idLen];
  if (typeLen === undefined || buf.length < 3 + idLen + typeLen + 29) throw bad();
  return {
    dataKeyId: buf.subarray(2, 2 + idLen).toString('utf8'),
    type: buf.subarray(3 + idLen, 3 + idLen + typeLen).toString('utf8'),
    sealed: buf.subarray(3 + idLen + typeLen),
  };
}

export const isInline = (text: string): boolean => text.startsWith(INLINE_PREFIX);
