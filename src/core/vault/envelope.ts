import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { VaultErrorCode, vaultIntegrityError } from './vault-errors.js';

/**
 * Envelope sealing: AES-256-GCM with a random 96-bit nonce. Sealed layout: version (1 byte) | nonce (12)
 * | ciphertext | tag (16). The additional authenticated data is not stored: the opener must rebuild it
 * from where the ciphertext is found (tenant, token, type), so a ciphertext moved elsewhere fails to open.
 */
const FORMAT_V1 = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

/** `nonce` lets a batch draw all its nonces from one random call; it must be fresh random bytes. */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, nonce?: Uint8Array): Buffer {
  nonce ??= randomBytes(NONCE_BYTES);
  if (nonce.length !== NONCE_BYTES) throw new RangeError('a GCM nonce is 12 bytes');
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  cipher.final();
  return Buffer.concat([Buffer.of(FORMAT_V1), nonce, body, cipher.getAuthTag()]);
}

/** Opens a sealed buffer or throws `VEIL_ERR_VAULT_DECRYPT_FAILED`: never returns unauthenticated bytes. */
export function open(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer {
  if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== FORMAT_V1) {
    throw vaultIntegrityError(
      VaultErrorCode.DecryptFailed,
      'sealed value is malformed or of an unknown format',
    );
  }
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 1 + NONCE_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad);
    decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
    const body = decipher.update(buf.subarray(1 + NONCE_BYTES, buf.length - TAG_BYTES));
    decipher.final();
    return body;
  } catch {
    throw vaultIntegrityError(
      VaultErrorCode.DecryptFailed,
      'sealed value failed authentication (tampered, moved to another record, or wrong key)',
    );
  }
}

/** Length-prefixed fields so that no two different field lists produce the same AAD bytes. */
export function aad(label: string, ...fields: readonly (string | null | undefined)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(label)];
  for (const field of fields) {
    const bytes = Buffer.from(field ?? '', 'utf8');
    const len = Buffer.alloc(5);
    len[0] = field == null ? 0 : 1;
    len.writeUInt32BE(bytes.length, 1);
    parts.push(len, bytes);
  }
  return Buffer.concat(parts);
}

/** AAD of a vaulted value: tenant, token and type. */
export const valueAad = (tenant: string, token: string, type: string) =>
  aad('veil/value/v1', tenant, token, type);

/** AAD of an inline (`encrypt` operator) ciphertext: tenant, type and the data key it names. */
export const inlineAad = (tenant: string, type: string, dataKeyId: string) =>
  aad('veil/inline/v1', tenant, type, dataKeyId);

/** AAD of a wrapped data key: which tenant, purpose and subject it serves. */
export const dataKeyAad = (id: string, tenant: string, purpose: string, subjectId: string | null) =>
  aad('veil/data-key/v1', id, tenant, purpose, subjectId);
