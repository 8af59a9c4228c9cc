import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta signs every webhook with `X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256(app secret, body)>`
 * (contracts §1c). The HMAC is computed over the raw bytes received: re-serialising a parsed body
 * changes escapes (`\uXXXX`, `\/`) and breaks the check.
 */
export function whatsappSignature(appSecret: string, rawBody: Uint8Array): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Constant-time comparison of the header with the expected signature; false for a missing header. */
export function verifyWhatsAppSignature(
  appSecret: string,
  rawBody: Uint8Array,
  header: string | undefined,
): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(whatsappSignature(appSecret, rawBody));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
