import { randomBytes } from 'node:crypto';
import { base32 } from './base32.js';

/** 128 random bits in base32 behind a prefix: unguessable, URL-safe, sortable by nothing. */
export const randomId = (prefix: string): string => `${prefix}${base32(randomBytes(16))}`;
