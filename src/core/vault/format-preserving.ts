import { Ff1 } from './ff1.js';
import {
  cnpjCheckDigits,
  cnpjCheckDigitsMatch,
  cpfCheckDigits,
  cpfCheckDigitsMatch,
  luhnCheckDigit,
  luhnValid,
} from '../check-digits.js';
import { aad } from './envelope.js';
import { VaultErrorCode, vaultUserError } from './vault-errors.js';

/** How a type's format-preserving token is shaped: digits kept in clear at each end, and which check digits to keep valid. */
export interface FpePolicy {
  readonly keepFirst: number;
  readonly keepLast: number;
  readonly checksum: 'luhn' | 'cpf' | 'cnpj' | 'none';
}

export const DEFAULT_FPE_POLICIES: Readonly<Record<string, FpePolicy>> = {
  CREDIT_CARD: { keepFirst: 0, keepLast: 4, checksum: 'luhn' },
  CPF: { keepFirst: 0, keepLast: 0, checksum: 'cpf' },
  CNPJ: { keepFirst: 0, keepLast: 0, checksum: 'cnpj' },
  PHONE: { keepFirst: 4, keepLast: 0, checksum: 'none' },
  US_SSN: { keepFirst: 0, keepLast: 0, checksum: 'none' },
};

/** NIST SP 800-38G Rev. 1 (2025 draft) asks FF1 domains of at least one million values. */
const MIN_ENCRYPTED_DIGITS = 6;

/**
 * Format-preserving tokens for digit-bearing values: the digits not kept are FF1-encrypted (radix 10),
 * separators stay where they were, and check digits are recomputed so the token validates like the value.
 * Because one digit (Luhn) or two (CPF/CNPJ) are a function of the others, they are left out of the FF1
 * input; the token is then still a one-to-one function of the value. Values whose check digits are
 * already wrong get every free digit encrypted and keep being invalid, which is also "format kept".
 */
export class FormatPreservingTokenizer {
  private readonly ff1: Ff1;

  constructor(
    key: Uint8Array,
    private readonly policies: Readonly<Record<string, FpePolicy>> = DEFAULT_FPE_POLICIES,
  ) {
    this.ff1 = new Ff1(key, 10);
  }

  supports(type: string): boolean {
    return this.policies[type] !== undefined;
  }

  tokenize(tenant: string, type: string, value: string): string {
    const policy = this.policies[type];
    if (!policy) {
      throw vaultUserError(
        VaultErrorCode.FpeUnsupported,
        `format-preserving tokens are not configured for ${type}`,
        {
          type,
        },
      );
    }
    const digits = value.replace(/\D/g, '');
    const n = digits.length;
    const start = policy.keepFirst;
    const end = n - policy.keepLast;
    // Positions recomputed after encryption (check digits), when the value's own check digits are valid.
    let derived = 0;
    if (policy.checksum === 'luhn' && luhnValid(digits)) derived = 1;
    if (policy.checksum === 'cpf' && cpfCheckDigitsMatch(digits)) derived = 2;
    if (policy.checksum === 'cnpj' && cnpjCheckDigitsMatch(digits)) derived = 2;
    const encryptedEnd = end - derived;
    if (encryptedEnd - start < MIN_ENCRYPTED_DIGITS) {
      throw vaultUserError(
        VaultErrorCode.FpeDomain,
        `${type} value has too few digits for a format-preserving token`,
        {
          type,
        },
      );
    }
    const tweak = aad('veil/fpe/v1', tenant, type);
    let out = digits.slice(0, start) + this.ff1.encrypt(digits.slice(start, encryptedEnd), tweak);
    if (derived > 0) {
      if (policy.checksum === 'luhn') {
        // The derived digit sits right before the kept tail; pick it so the whole number passes Luhn.
        const tail = digits.slice(end);
        out += digitMakingLuhnValid(out, tail);
      } else {
        out += policy.checksum === 'cpf' ? cpfCheckDigits(out) : cnpjCheckDigits(out);
      }
    }
    out += digits.slice(end);
    return respread(value, out);
  }
}

function digitMakingLuhnValid(head: string, tail: string): string {
  if (tail.length === 0) return String(luhnCheckDigit(head));
  for (let d = 0; d < 10; d++) if (luhnValid(`${head}${d}${tail}`)) return String(d);
  /* c8 ignore next */
  throw new Error('unreachable: one digit always completes a Luhn sum');
}

/** Puts the new digits back into the value's shape, keeping every non-digit in place. */
function respread(shape: string, digits: string): string {
  let i = 0;
  return shape.replace(/\d/g, () => digits[i++]!);
}
