import { createCipheriv, type Cipher } from 'node:crypto';
import { VeilError } from '../errors.js';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * FF1 format-preserving encryption (NIST SP 800-38G, section 6.2) over AES-128/192/256.
 * Numerals are written with the first `radix` characters of 0-9a-z. The AES block function is one
 * ECB cipher object reused for every block: ECB has no chaining state, so `update` on exactly one
 * block is the raw block cipher (CIPH_K in the standard).
 */
export class Ff1 {
  private readonly ecb: Cipher;
  private readonly radix: number;
  private readonly bigRadix: bigint;

  constructor(key: Uint8Array, radix: number) {
    if (![16, 24, 32].includes(key.length)) {
      throw new VeilError('VEIL_ERR_VAULT_FPE_KEY', 'unexpected', 'FF1 needs a 128, 192 or 256-bit AES key');
    }
    if (!Number.isInteger(radix) || radix < 2 || radix > ALPHABET.length) {
      throw new VeilError(
        'VEIL_ERR_VAULT_FPE_RADIX',
        'unexpected',
        `FF1 radix must be 2..${ALPHABET.length}`,
      );
    }
    this.ecb = createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
    this.ecb.setAutoPadding(false);
    this.radix = radix;
    this.bigRadix = BigInt(radix);
  }

  encrypt(numerals: string, tweak: Uint8Array = new Uint8Array(0)): string {
    return this.run(numerals, tweak, true);
  }

  decrypt(numerals: string, tweak: Uint8Array = new Uint8Array(0)): string {
    return this.run(numerals, tweak, false);
  }

  private run(x: string, tweak: Uint8Array, encrypting: boolean): string {
    const n = x.length;
    // radix^minlen >= 100 is the standard's floor; callers enforce the stronger 1,000,000 domain rule.
    if (n < 2 || this.bigRadix ** BigInt(n) < 100n) {
      throw new VeilError(
        'VEIL_ERR_VAULT_FPE_DOMAIN',
        'user',
        'value too short for format-preserving encryption',
      );
    }
    for (const ch of x) {
      const d = ALPHABET.indexOf(ch);
      if (d < 0 || d >= this.radix) {
        throw new VeilError(
          'VEIL_ERR_VAULT_FPE_ALPHABET',
          'user',
          'value has characters outside the FF1 alphabet',
        );
      }
    }
    const u = Math.floor(n / 2);
    const v = n - u;
    let a = x.slice(0, u);
    let b = x.slice(u);
    const bBytes = Math.ceil(Math.ceil(v * Math.log2(this.radix)) / 8);
    const d = 4 * Math.ceil(bBytes / 4) + 4;
    const t = tweak.length;
    const p = Buffer.alloc(16);
    p.set([1, 2, 1]);
    p.writeUIntBE(this.radix, 3, 3);
    p[6] = 10;
    p[7] = u % 256;
    p.writeUInt32BE(n, 8);
    p.writeUInt32BE(t, 12);
    const padding = (((-t - bBytes - 1) % 16) + 16) % 16;
    const q = Buffer.alloc(t + padding + 1 + bBytes);
    q.set(tweak, 0);
    const modU = this.bigRadix ** BigInt(u);
    const modV = this.bigRadix ** BigInt(v);

    for (let step = 0; step < 10; step++) {
      const i = encrypting ? step : 9 - step;
      const m = i % 2 === 0 ? u : v;
      const mod = i % 2 === 0 ? modU : modV;
      q[t + padding] = i;
      writeBigIntBE(this.num(encrypting ? b : a), q, t + padding + 1, bBytes);
      const r = this.prf(p, q);
      const y = bytesToBigInt(this.expand(r, d));
      if (encrypting) {
        const c = (((this.num(a) + y) % mod) + mod) % mod;
        a = b;
        b = this.str(c, m);
      } else {
        const c = (((this.num(b) - y) % mod) + mod) % mod;
        b = a;
        a = this.str(c, m);
      }
    }
    return a + b;
  }

  /** CBC-MAC of P || Q with a zero IV: the standard's PRF. */
  private prf(p: Buffer, q: Buffer): Buffer {
    let y: Buffer = this.ecb.update(p);
    for (let off = 0; off < q.length; off += 16) {
      const block = Buffer.alloc(16);
      for (let j = 0; j < 16; j++) block[j] = y[j]! ^ q[off + j]!;
      y = this.ecb.update(block);
    }
    return y;
  }

  /** S = first d bytes of R || CIPH(R xor [1]) || CIPH(R xor [2]) || ... */
  private expand(r: Buffer, d: number): Buffer {
    if (d <= 16) return r.subarray(0, d);
    const blocks = [r];
    for (let j = 1; j < Math.ceil(d / 16); j++) {
      const block = Buffer.from(r);
      const counter = Buffer.alloc(16);
      counter.writeUInt32BE(j, 12);
      for (let k = 0; k < 16; k++) block[k]! ^= counter[k]!;
      blocks.push(this.ecb.update(block));
    }
    return Buffer.concat(blocks).subarray(0, d);
  }

  private num(s: string): bigint {
    let value = 0n;
    for (const ch of s) value = value * this.bigRadix + BigInt(ALPHABET.indexOf(ch));
    return value;
  }

  private str(value: bigint, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      out = ALPHABET[Number(value % this.bigRadix)]! + out;
      value /= this.bigRadix;
    }
    return out;
  }
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function writeBigIntBE(value: bigint, target: Buffer, offset: number, length: number): void {
  for (let i = length - 1; i >= 0; i--) {
    target[offset + i] = Number(value & 0xffn);
    value >>= 8n;
  }
}
