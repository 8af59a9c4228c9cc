import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('CPF recognizer', () => {
  it.each([
    ['Meu CPF é 529.982.247-25', '529.982.247-25'],
    ['cpf 52998224725 por favor', '52998224725'],
    ['o documento 529982247 25 está certo?', '529982247 25'],
    ['CPF: 529 982 247 25.', '529 982 247 25'],
  ])('finds a valid CPF in %j', (text, cpf) => expect(foundOf('CPF', text, 'pt')).toEqual([cpf]));

  it('takes a mistyped CPF in parentheses, without them', () => {
    expect(foundOf('CPF', 'desculpa, o cpf q mandei antes (103.138.000-52) ta errado', 'pt')).toEqual([
      '103.138.000-52',
    ]);
  });

  it('reports a mistyped CPF only when the text says it is a CPF', () => {
    expect(foundOf('CPF', 'meu cpf é 123.456.789-00', 'pt')).toEqual(['123.456.789-00']);
    expect(foundOf('CPF', 'o código 123.456.789-00 não funcionou', 'pt')).toEqual([]);
  });

  it('ignores numbers introduced as something else, whatever their shape', () => {
    expect(foundOf('CPF', 'Pedido 52998224725 não chegou', 'pt')).toEqual([]);
    expect(foundOf('CPF', 'protocolo de atendimento 529.982.247-25', 'pt')).toEqual([]);
  });

  it('does not take a digit string glued to letters', () => {
    expect(foundOf('CPF', 'código BR52998224725X', 'pt')).toEqual([]);
  });

  it('reads "CPF na nota" as a CPF cue, not as an invoice number', () => {
    expect(foundOf('CPF', 'CPF na nota: 319574062-16', 'pt')).toEqual(['319574062-16']);
    // Only a preposition joins them: a cue ending a clause says nothing of the next one.
    expect(foundOf('PHONE', 'pode colocar ela como contato 😊 referencia 10773493467!', 'pt')).toEqual([]);
  });

  it('takes an announced CPF whose check digits follow a slash', () => {
    expect(foundOf('CPF', 'Responsável: Aparecida (CPF 046.731.298/22), tel', 'pt')).toEqual([
      '046.731.298/22',
    ]);
    expect(foundOf('CPF', 'segue 046.731.298/22 tel', 'pt')).toEqual([]);
  });

  it("reads a CPF asked for on the line before its speaker's answer", () => {
    const text = 'Atendente: Pode me confirmar o CPF do titular?\nCliente: 539.987.124-07';
    expect(foundOf('CPF', text, 'pt')).toEqual(['539.987.124-07']);
  });
});
