/** Check-digit rules that format-preserving tokens keep valid, so downstream format checks still pass. */

/** Luhn (ISO/IEC 7812-1): the digit that makes `digits + d` pass. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(digits: string): boolean {
  return (
    digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48
  );
}

/** Weighted mod-11 digit used by CPF and CNPJ: 11 - (sum mod 11), 0 when that is 10 or 11. */
function mod11Digit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** The two CPF check digits for its first nine digits. */
export function cpfCheckDigits(nine: string): string {
  const first = mod11Digit(nine, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = mod11Digit(nine + first, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${first}${second}`;
}

export function isCpfValid(digits: string): boolean {
  return /^\d{11}$/.test(digits) && cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9);
}

/** The two CNPJ check digits for its first twelve digits. */
export function cnpjCheckDigits(twelve: string): string {
  const first = mod11Digit(twelve, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = mod11Digit(twelve + first, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${first}${second}`;
}

export function isCnpjValid(digits: string): boolean {
  return /^\d{14}$/.test(digits) && cnpjCheckDigits(digits.slice(0, 12)) === digits.slice(12);
}
