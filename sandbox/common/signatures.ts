import { createHmac } from 'node:crypto';

/** Meta: `sha256=` + lowercase hex HMAC-SHA256 of the raw body, keyed with the app secret (contracts §1c). */
export function metaSignature(appSecret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** Meta's legacy header, still sent beside the SHA-256 one: `sha1=` + hex HMAC-SHA1 of the raw body. */
export function metaLegacySignature(appSecret: string, body: Buffer): string {
  return `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`;
}

/** Genesys Open Messaging: `sha256=` + base64 HMAC-SHA256 of the body, keyed with the integration secret (contracts §2b). */
export function genesysSignature(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`;
}
