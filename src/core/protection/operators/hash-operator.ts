import { createHmac } from 'node:crypto';
import type { Operator } from '../operator.js';

/** Minimum key length: HMAC keys shorter than 128 bits make the pseudonyms guessable offline. */
export const MIN_HASH_KEY_BYTES = 16;

/**
 * Keyed HMAC-SHA256 pseudonyms (`<CPF:…>`): the same value gives the same output under one key,
 * and without the key nobody can test guesses against it, unlike a bare hash of a small domain
 * such as CPFs or phone numbers.
 */
export function hashOperator(key: Uint8Array): Operator {
  if (key.length < MIN_HASH_KEY_BYTES)
    throw new Error(`hash key must be at least ${MIN_HASH_KEY_BYTES} bytes`);
  const keyCopy = Buffer.from(key);
  return {
    name: 'hash',
    reversible: false,
    transform: (inputs, context) =>
      inputs.map((i) => {
        const mac = createHmac('sha256', keyCopy)
          .update(`${context.tenant ?? ''}\u0000${i.type}\u0000${i.value}`)
          .digest('hex');
        return `<${i.type}:${mac}>`;
      }),
  };
}
