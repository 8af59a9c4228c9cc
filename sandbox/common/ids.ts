import { randomBytes } from 'node:crypto';

/** A WhatsApp-looking message id: `wamid.` + base64 (the real ids are base64-encoded protobufs). */
export function newWamid(): string {
  return `wamid.HBgL${randomBytes(30).toString('base64')}`;
}

/** A numeric id string in the style of Graph object ids (media, templates). */
export function newGraphId(): string {
  const digits = randomBytes(8).readBigUInt64BE() % 10n ** 15n;
  return (10n ** 15n + digits).toString();
}
