/**
 * Check-digit algorithms for the structured identifiers, shared by detection (is this a CPF?) and
 * the vault (format-preserving tokens keep valid check digits). Each takes the bare digits (or, for the
 * alphanumeric CNPJ, the upper-case characters) and tells whether the check digits are right.
 * Sources: ISO/IEC 7812-1 Annex B (Luhn); Receita Federal's CPF and CNPJ rules, including the
 * alphanumeric CNPJ of Instrução Normativa RFB 2.229/2024 (characters valued as ASCII - 48).
 */

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The Luhn check digit that makes `partial` + digit valid. */
export function luhnCheckDigit(partial: string): number {
  let sum = 0;
  for (let i = partial.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = partial.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function allSame(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (s[i] !== s[0]) return false;
  return true;
}

/** The two check digits of 11 digits are right (the arithmetic alone; see `cpfValid` for detection). */
export function cpfCheckDigitsMatch(digits: string): boolean {
  return /^\d{11}$/.test(digits) && cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9);
}

/** CPF: 11 digits, two mod-11 check digits; repeated digits (111.111.111-11) are rejected. */
export function cpfValid(digits: string): boolean {
  if (digits.length !== 11 || !/^\d{11}$/.test(digits) || allSame(digits)) return false;
  return cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9);
}

export function cpfCheckDigits(base9: string): string {
  const dv = (len: number, s: string) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += (s.charCodeAt(i) - 48) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  const d1 = dv(9, base9);
  const d2 = dv(10, base9 + d1);
  return `${d1}${d2}`;
}

const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

function cnpjDigit(s: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (s.charCodeAt(i) - 48) * (weights[i] as number);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

export function cnpjCheckDigits(base12: string): string {
  const d1 = cnpjDigit(base12, CNPJ_WEIGHTS_1);
  const d2 = cnpjDigit(base12 + d1, CNPJ_WEIGHTS_2);
  return `${d1}${d2}`;
}

/** The two check digits of a numeric 14-digit CNPJ are right (the arithmetic alone). */
export function cnpjCheckDigitsMatch(digits: string): boolean {
  return /^\d{14}$/.test(digits) && cnpjCheckDigits(digits.slice(0, 12)) === digits.slice(12);
}

/** CNPJ, numeric or alphanumeric: 12 characters [0-9A-Z] then two numeric check digits. */
export function cnpjValid(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[0-9A-Z]{12}\d{2}$/.test(v) || allSame(v)) return false;
  return cnpjCheckDigits(v.slice(0, 12)) === v.slice(12);
}

/** SSN area 001–899 except 666, group 01–99, serial 0001–9999 (SSA's rules since 2011). */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  return area >= 1 && area <= 899 && area !== 666 && group >= 1 && serial >= 1;
}
