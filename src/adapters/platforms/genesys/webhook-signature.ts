import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Genesys signs Open Messaging outbound webhooks with `X-Hub-Signature-256: sha256=<BASE64 HMAC-SHA256>`
 * keyed by the integration's `outboundNotificationWebhookSignatureSecretToken` (contracts §2b).
 * Verified over the raw body bytes, in constant time.
 */
export function genesysSignature(secret: string, rawBody: Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('base64')}`;
}

export function verifyGenesysSignature(
  secret: string,
  rawBody: Uint8Array,
  header: string | undefined,
): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(genesysSignature(secret, rawBody));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
