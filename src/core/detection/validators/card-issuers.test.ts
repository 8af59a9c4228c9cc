import { describe, expect, it } from 'vitest';
import { cardIssuer } from './card-issuers.js';

describe('card issuer ranges', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6062825624254001', 'hipercard'],
    ['6363680000457048', 'elo'],
    ['30569309025904', 'diners'],
    ['6011111111111117', 'discover'],
    ['3530111333300000', 'jcb'],
  ])('%s is %s', (n, issuer) => expect(cardIssuer(n)).toBe(issuer));
  it('rejects a known prefix with the wrong length and unknown prefixes', () => {
    expect(cardIssuer('37828224631000')).toBeUndefined();
    expect(cardIssuer('9999999999999999')).toBeUndefined();
    expect(cardIssuer('1234567890123456')).toBeUndefined();
  });
});
