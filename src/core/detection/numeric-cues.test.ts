import { describe, expect, it } from 'vitest';
import { found } from './test-support/detect.js';

describe('numeric cues', () => {
  it('bind a value in their own sentence, or one that opens the next', () => {
    expect(found('pode colocar ela como contato. Segue 625 147 829 29', 'pt')).toEqual([
      'CPF:625 147 829 29',
    ]);
    // A local number is taken only on a phone cue: it still reaches a number that opens the next sentence.
    expect(found('Anota meu whatsapp. 3722-9952', 'pt')).toEqual(['PHONE:3722-9952']);
    expect(found('Anota meu whatsapp. Depois 3722-9952', 'pt')).toEqual([]);
    // "Tel." is an abbreviation, not the end of a sentence.
    expect(found('Tel. do escritório 3722-9952', 'pt')).toEqual(['PHONE:3722-9952']);
  });

  it('speak against another type only for a value that could be of their kind', () => {
    // "Nascimento" announces a date; a 14-digit number cannot be one.
    const text = 'O titular da conta é Eduarda de Alves Nascimento e segue 47638150000199 para faturamento';
    expect(found(text, 'pt')).toEqual(['PERSON:Eduarda de Alves Nascimento', 'CNPJ:47638150000199']);
  });

  it('do not take a word inside a naming phrase as the cue it is elsewhere', () => {
    // "llamo" announces a phone ("te llamo al…"), but "me llamo" a name.
    expect(found('Me llamo Marta de Blanco, aquí va 4577 2883 1250 8639', 'es')).toEqual([
      'PERSON:Marta de Blanco',
      'CREDIT_CARD:4577 2883 1250 8639',
    ]);
  });

  it('let a document cue announce a CPF, CNPJ or SSN', () => {
    expect(found('pode colocar ela como contato, meu documento é 35444743957.', 'pt')).toEqual([
      'CPF:35444743957',
    ]);
  });

  it('read "my number of the order" as the order number, not a phone', () => {
    expect(found('Mi número de pedido es 612345678 y llega el jueves', 'es')).toEqual([]);
    expect(found('meu telefone do cadastro é 11 98765-4321', 'pt')).toEqual(['PHONE:11 98765-4321']);
  });

  it('read loyalty and membership numbers as no phone', () => {
    expect(found('Meu número TudoAzul é 8876543210 e o localizador', 'pt')).toEqual([]);
    expect(found('Mi número de socio LifeMiles es 00418829705.', 'es')).toEqual([]);
    expect(found('my Flying Blue number 1234567890, thanks', 'en')).toEqual([]);
  });

  it('read transaction numbers as no phone, and let a cue speak for every value of its list', () => {
    expect(found('NSU da transação 4155550134, aprovada', 'pt')).toEqual([]);
    // The second value has no cue of its own: it is the same kind of value as the first.
    expect(found('Charged twice, transactions 3125550178 and 3125550179.', 'en')).toEqual([]);
    expect(found('PEDIDOS 11987654321, 11987654322 E 11987654323', 'pt')).toEqual([]);
    expect(found('meus telefones: 11 98765-4321 e 21 99876-5432', 'pt')).toEqual([
      'PHONE:11 98765-4321',
      'PHONE:21 99876-5432',
    ]);
    // A value of another shape after the list is not one of it.
    expect(found('pedido 123456 e 11 98765-4321', 'pt')).toEqual(['PHONE:11 98765-4321']);
  });

  it('read public health card numbers as no phone', () => {
    expect(found('NHS number 943 476 5919, DOB 03/02/1961', 'en')).toEqual(['DATE_OF_BIRTH:03/02/1961']);
    expect(found('Medicare no. 2123 45670 1', 'en')).toEqual([]);
  });
});
