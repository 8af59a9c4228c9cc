import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('credit card recognizer', () => {
  it.each([
    ['my card 4111 1111 1111 1111 exp 12/25', '4111 1111 1111 1111'],
    ['cartão 5555-5555-5555-4444', '5555-5555-5555-4444'],
    ['tarjeta 378282246310005', '378282246310005'],
    ['Amex 3782 822463 10005 please', '3782 822463 10005'],
    ['pago con 4111.1111.1111.1111', '4111.1111.1111.1111'],
    ['segue 6062 8256 2425 4001', '6062 8256 2425 4001'],
  ])('finds %j', (text, card) => expect(foundOf('CREDIT_CARD', text)).toEqual([card]));

  it('keeps a valid grouped card that a card message introduces as something else', () => {
    const text = 'Os paso la tarjeta para la fianza de la reserva: 4024 5540 7453 5477 caducidad 11/27';
    expect(foundOf('CREDIT_CARD', text, 'es')).toEqual(['4024 5540 7453 5477']);
    expect(foundOf('CREDIT_CARD', 'reserva: 4024 5540 7453 5477', 'es')).toEqual([]);
  });

  it('takes a Luhn-failing number only with card wording', () => {
    expect(foundOf('CREDIT_CARD', 'número do cartão 4111 1111 1111 1112', 'pt')).toEqual([
      '4111 1111 1111 1112',
    ]);
    expect(foundOf('CREDIT_CARD', 'nota 4111 1111 1111 1112 emitida', 'pt')).toEqual([]);
  });

  it('does not take a cue from an earlier line that has words of its own before the number', () => {
    const text = 'pode colocar ela como contato\nPagamento recusado no 3404 251512 71952, tentei 3 vezes.';
    expect(foundOf('CREDIT_CARD', text, 'pt')).toEqual(['3404 251512 71952']);
    expect(foundOf('PHONE', text, 'pt')).toEqual([]);
    // A number that opens its line still takes the cue that ends the line before.
    expect(foundOf('PHONE', 'meu zap:\n98765-4321', 'pt')).toEqual(['98765-4321']);
  });

  it('ignores masked cards, last four digits and non-card numbers', () => {
    expect(foundOf('CREDIT_CARD', 'the card ending in XXXX-XXXX-XXXX-4118 was charged', 'en')).toEqual([]);
    expect(foundOf('CREDIT_CARD', 'cartão final 4118', 'pt')).toEqual([]);
    expect(foundOf('CREDIT_CARD', 'IMEI 490154203237518', 'en')).toEqual([]);
    expect(foundOf('CREDIT_CARD', 'código de barras 7891234567895', 'pt')).toEqual([]);
  });

  it("finds no card inside an invoice's access key printed in groups of four", () => {
    const key =
      'NF-e nº 000.128.447, chave de acesso 3525 0398 1172 6500 0134 5500 1000 1284 4710 0093 7712, SKU';
    expect(foundOf('CREDIT_CARD', key, 'pt')).toEqual([]);
    expect(foundOf('CREDIT_CARD', 'cards 4111 1111 1111 1111 5500 0000 0000 0004', 'en')).toHaveLength(2);
  });
});
