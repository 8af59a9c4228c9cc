import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const KEY_BYTES = 32;

/** Decodes a configured key given as hex or base64. */
export function decodeKey(encoded: string): Uint8Array {
  const trimmed = encoded.trim();
  return /^[0-9a-fA-F]+$/.test(trimmed) && trimmed.length % 2 === 0
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
}

/**
 * The key of the `hash` operator: the configured one, or a random key kept in
 * `<dataDir>/keys/hash.key` (created 0600 on first use) so pseudonyms stay stable across runs.
 */
export function loadOrCreateHashKey(dataDir: string, configured?: string): Uint8Array {
  if (configured) return decodeKey(configured);
  const file = path.join(dataDir, 'keys', 'hash.key');
  try {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0)
      throw new Error(`${file} is readable by others (mode ${mode.toString(8)}); run chmod 600 on it`);
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
