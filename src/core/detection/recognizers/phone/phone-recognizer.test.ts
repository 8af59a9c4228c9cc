import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('phone recognizer', () => {
  it.each([
    ['meu cel +55 (11) 98765-4321', '+55 (11) 98765-4321', 'pt'],
    ['liga no 11 9 8765-4321', '11 9 8765-4321', 'pt'],
    ['fone (0xx11) 98765-4321', '(0xx11) 98765-4321', 'pt'],
    ['zap 11987654321', '11987654321', 'pt'],
    ['call me at +1-415-555-0134', '+1-415-555-0134', 'en'],
    ['text (415) 555-2671 tomorrow', '(415) 555-2671', 'en'],
    ['mi móvil es 612 34 56 78', '612 34 56 78', 'es'],
    ['llámame al +52 1 55 3682 4566', '+52 1 55 3682 4566', 'es'],
    ['you can text +44 7700 900043', '+44 7700 900043', 'en'],
    // Only possible (a premium-rate line), taken whole on the cue: not cut to a valid-looking piece.
    ['mi celular es 0034 903 598 464', '0034 903 598 464', 'es'],
  ] as const)('finds %j', (text, phone, lang) => expect(foundOf('PHONE', text, lang)).toEqual([phone]));

  it('takes a number without area code only when the text says it is a phone', () => {
    expect(foundOf('PHONE', 'meu zap é 98765-4321', 'pt')).toEqual(['98765-4321']);
    expect(foundOf('PHONE', 'o total foi 98765-4321', 'pt')).toEqual([]);
  });

  it('ignores numbers that fit no numbering plan or are introduced as something else', () => {
    expect(foundOf('PHONE', 'pedido 11987654321', 'pt')).toEqual([]);
    expect(foundOf('PHONE', 'o número 1234', 'pt')).toEqual([]);
    expect(foundOf('PHONE', 'entrega 10/07/2025', 'pt')).toEqual([]);
    expect(foundOf('PHONE', 'paguei os 3 boletos: 23790.12345 60000.123456 78901.234567', 'pt')).toEqual([]);
    expect(foundOf('PHONE', 'ligue 415.555.0134', 'en')).toEqual(['415.555.0134']);
  });

  it('reads no phone inside a longer code: a boleto line or an invoice access key', () => {
    const boleto =
      'segue a linha digitável pra vc conferir: 34191.79001 01043.510047 91020.150008 4 98760000015990 — venc. 10/07';
    expect(foundOf('PHONE', boleto, 'pt')).toEqual([]);
    const key =
      'Chave de acesso: 3524 0639 4020 9400 0160 5500 1000 1845 5215 2802 8104. Emitida em 13/06/2024';
    expect(foundOf('PHONE', key, 'pt')).toEqual([]);
    expect(foundOf('PHONE', 'liga no 11 98765-4321 ou 11 3722-9952', 'pt')).toEqual([
      '11 98765-4321',
      '11 3722-9952',
    ]);
  });

  it('takes a number its plan does not list when it is typed in the national layout', () => {
    // UK numbers set aside for drama: the right length and the national grouping, but no range.
    expect(foundOf('PHONE', 'the new one is 07700 900377', 'en')).toEqual(['07700 900377']);
    expect(foundOf('PHONE', 'the new one is 07700900377', 'en')).toEqual([]);
    expect(foundOf('PHONE', 'the new one is 077 009 003 77', 'en')).toEqual([]);
    // 07700900876 also has a CPF's check digits, but no CPF is written 5 + 6.
    expect(foundOf('PHONE', 'the new one is 07700 900876', 'en')).toEqual(['07700 900876']);
  });

  it('follows the configured default region', () => {
    expect(foundOf('PHONE', 'meu telefone 21 3456-7890', 'pt')).toEqual(['21 3456-7890']);
  });

  it("takes Australian and Irish numbers typed with their trunk 0, and India's when announced", () => {
    expect(foundOf('PHONE', 'contact me on 0412 555 318 or by email', 'en')).toEqual(['0412 555 318']);
    expect(foundOf('PHONE', 'Call me on (085) 217 4436 if any issue', 'en')).toEqual(['(085) 217 4436']);
    expect(foundOf('PHONE', 'my number 98450 77312', 'en')).toEqual(['98450 77312']);
    // Without the trunk 0, an order number may fit their short plans.
    expect(foundOf('PHONE', 'only ORD-2024-92025 arrived', 'en')).toEqual([]);
  });

  it('takes a number with a "+" whatever cue of another kind stands before it', () => {
    expect(foundOf('PHONE', 'my tita Maricel, cp +63 917 555 0134 thanks po', 'en')).toEqual([
      '+63 917 555 0134',
    ]);
  });

  it('leaves reference codes and tax numbers alone', () => {
    expect(foundOf('PHONE', 'Tu envío COR-889201457 salió de la bodega', 'es')).toEqual([]);
    expect(foundOf('PHONE', 'Está a nombre del estudio, CUIT 30-71234567-8.', 'es')).toEqual([]);
    // A cue typed the same way still announces the phone.
    expect(foundOf('PHONE', 'TEL-11 98765-4321', 'pt')).toEqual(['11 98765-4321']);
  });

  it.each([
    ['A CONTA VEIO ALTA. INSTALAÇÃO 3004471829. QUERO', 'pt'],
    ['O meu NIF é 245 118 306.', 'pt'],
    ['Pls my prepaid meter no 04271938815 is not loading', 'en'],
    ['shipped via courier AWB 1493827710 today', 'en'],
  ] as const)('takes no utility, courier or tax number for a phone: %j', (text, lang) =>
    expect(foundOf('PHONE', text, lang)).toEqual([]),
  );

  it.each([
    ['Agent version 3.11.2.40, workspace ID 5521-88730, ticket', 'en'],
    ['Comprobante No. 0098812345. Fecha: 12/03/2024', 'es'],
  ] as const)('takes no account identifier or receipt number for a phone: %j', (text, lang) =>
    expect(foundOf('PHONE', text, lang)).toEqual([]),
  );

  it.each([['Your application #APP-2025-004417 for Fall 2025 is complete', 'en']] as const)(
    'takes no application number for a phone: %j',
    (text, lang) => expect(foundOf('PHONE', text, lang)).toEqual([]),
  );

  it('takes no Brazilian toll-free or shared-cost line, which has no area code, nor any part of it', () => {
    expect(foundOf('PHONE', 'ligue na nossa central gratuita 0800 771 2040', 'pt')).toEqual([]);
    expect(foundOf('PHONE', 'fone 0300 789 6000', 'pt')).toEqual([]);
    expect(foundOf('PHONE', 'my phone is 0803 452 7719', 'en')).toEqual(['0803 452 7719']);
  });

  it('keeps the opening parenthesis of an area code inside a longer run', () => {
    const reply = 'Cliente: 318.456.902-06 22/07/1979 (81) 98834-5521';
    const text = `Atendente: seu CPF, data de nascimento e um telefone, por favor\n${reply}`;
    expect(foundOf('PHONE', text, 'pt')).toEqual(['(81) 98834-5521']);
  });
});
