import type { EntityType } from '../detection/entity.js';

const MASK = '*';

/** Replaces every letter and digit with `*`, keeping separators, except the last `keep` digits. */
function maskKeepingLastDigits(value: string, keep: number): string {
  let digitsLeft = 0;
  for (const ch of value) if (ch >= '0' && ch <= '9') digitsLeft++;
  let out = '';
  for (const ch of value) {
    const isDigit = ch >= '0' && ch <= '9';
    if (isDigit) digitsLeft--;
    out += isDigit && digitsLeft < keep ? ch : /[\p{L}\p{N}]/u.test(ch) ? MASK : ch;
  }
  return out;
}

/** `***.456.789-**`: hides the first three and the check digits, the CPF convention of Brazilian receipts. */
function maskCpf(value: string): string {
  let index = 0;
  let out = '';
  for (const ch of value) {
    if (ch >= '0' && ch <= '9') {
      out += index >= 3 && index < 9 ? ch : MASK;
      index++;
    } else out += ch;
  }
  return out;
}

/** `j***@e***.com`: first letter of the local part and of each domain label but the last. */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskAll(value);
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  const tld = labels.length > 1 ? labels.pop() : undefined;
  const hideWord = (w: string) => (w.length === 0 ? w : w[0] + MASK.repeat(3));
  return `${hideWord(local)}@${labels.map(hideWord).join('.')}${tld === undefined ? '' : `.${tld}`}`;
}

function maskAll(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, MASK);
}

/** Initials only: `Maria Souza` → `M**** S****`. */
function maskName(value: string): string {
  return value.replace(
    /(\p{L})([\p{L}'’-]*)/gu,
    (_m, first: string, rest: string) => first + MASK.repeat(rest.length),
  );
}

const maskers: Record<string, (value: string) => string> = {
  CREDIT_CARD: (v) => `${MASK.repeat(4)}${v.replace(/\D/g, '').slice(-4)}`,
  CPF: maskCpf,
  CNPJ: (v) => maskKeepingLastDigits(v, 2),
  EMAIL: maskEmail,
  PHONE: (v) => maskKeepingLastDigits(v, 4),
  US_SSN: (v) => maskKeepingLastDigits(v, 4),
  IBAN: (v) => maskKeepingLastDigits(v, 4),
  PERSON: maskName,
  CARD_CVV: maskAll,
};

/** Type-aware masking that keeps just enough for a human to recognise the value. */
export function maskValue(type: EntityType, value: string): string {
  return (maskers[type] ?? maskAll)(value);
}
