import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('card security code recognizer', () => {
  it.each([
    ['CVV 123', '123', 'en'],
    ['o código de segurança é 4821', '4821', 'pt'],
    ['os três números atrás do cartão são 390', '390', 'pt'],
    ['código de seguridad: 555', '555', 'es'],
    ['the 3 digits on the back are 887', '887', 'en'],
    ['and the code on the back is 123', '123', 'en'],
  ] as const)('finds the code in %j', (text, code, lang) =>
    expect(foundOf('CARD_CVV', text, lang)).toEqual([code]),
  );

  it('ignores other short numbers', () => {
    expect(foundOf('CARD_CVV', 'paguei 123 reais em 2 vezes', 'pt')).toEqual([]);
    expect(foundOf('CARD_CVV', 'card expires 12/25', 'en')).toEqual([]);
  });
});
