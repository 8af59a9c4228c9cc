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

  it("takes the code typed right after a grouped card, in the card's own layout", () => {
    const text = 'cartão 4111 1111 1111 1111 123';
    expect(foundOf('CREDIT_CARD', text, 'pt')).toEqual(['4111 1111 1111 1111']);
    expect(foundOf('CARD_CVV', text, 'pt')).toEqual(['123']);
    // Not after a plain card, nor another separator, nor a group that more groups follow (an expiry).
    expect(foundOf('CARD_CVV', 'pago 4111111111111111 123 vezes', 'pt')).toEqual([]);
    expect(foundOf('CARD_CVV', 'cartão 4111-1111-1111-1111 123', 'pt')).toEqual([]);
    expect(foundOf('CARD_CVV', 'cartão 4111 1111 1111 1111 12/29', 'pt')).toEqual([]);
  });

  it('ignores other short numbers', () => {
    expect(foundOf('CARD_CVV', 'paguei 123 reais em 2 vezes', 'pt')).toEqual([]);
    expect(foundOf('CARD_CVV', 'card expires 12/25', 'en')).toEqual([]);
  });

  it('reads the cue past an aside that counts the digits, and in its short form', () => {
    expect(foundOf('CARD_CVV', 'cód segurança (4 dígitos) 7391, nome impresso', 'pt')).toEqual(['7391']);
    expect(foundOf('CARD_CVV', 'la master 2720 3356 8104 7267 cód. seg 019 👍', 'es')).toEqual(['019']);
    // A count that is no aside still ends the cue's reach.
    expect(foundOf('CARD_CVV', 'o cvv do cartão 2 é outro, 4 vezes 731', 'pt')).toEqual([]);
  });

  it('takes "os números de trás" whatever count stands before it', () => {
    expect(foundOf('CARD_CVV', 'os 3 numeros de tras sao 552 ja conferi', 'pt')).toEqual(['552']);
  });

  it('takes no group of a card for its code, even when the question asked for both', () => {
    const text = 'Agent: type the card number, expiration and CVV.\nCustomer: 4532 7189 0123 4563, 09/26';
    expect(foundOf('CARD_CVV', text, 'en')).toEqual([]);
    expect(foundOf('CREDIT_CARD', text, 'en')).toEqual(['4532 7189 0123 4563']);
  });

  it("takes the code listed right after a card's expiry date", () => {
    const reply = '[09:15] Customer: sure, 4539 1488 0343 6467, 08/27, 392\n[09:15] Agent: Thanks';
    expect(foundOf('CARD_CVV', reply, 'en')).toEqual(['392']);
    expect(foundOf('CARD_CVV', 'cartão 4539 1488 0343 6467 validade 08/27 e 392', 'pt')).toEqual(['392']);
    expect(foundOf('CARD_CVV', 'card 4539 1488 0343 6467, 08/27, 392.50 dollars', 'en')).toEqual([]);
  });

  it('does not let a count of digits stand between the cue and the code', () => {
    const text = 'Número 3794 281605 31741, caducidad 11/26, el CID de 4 dígitos es 7204.';
    expect(foundOf('CARD_CVV', text, 'es')).toEqual(['7204']);
  });

  it('takes a code that answers the question of the turn before, after a time with AM or PM', () => {
    const turns =
      '3:41 PM  Agent (Rosa): What is the 3-digit security code?\n3:42 PM  Customer: 418\n' +
      '3:42 PM  Agent (Rosa): And the ZIP?\n3:43 PM  Customer: 30301';
    expect(foundOf('CARD_CVV', turns, 'en')).toEqual(['418']);
  });
});
