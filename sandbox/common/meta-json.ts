/**
 * JSON the way Meta's webhooks are written: non-ASCII characters as `\uXXXX` escapes and `/` as `\/`.
 * A receiver that re-serialises the parsed body instead of hashing the raw bytes gets a different
 * signature, exactly as with the real service (contracts §1c).
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
