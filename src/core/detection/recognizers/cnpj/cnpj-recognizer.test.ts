import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('CNPJ recognizer', () => {
  it('finds formatted, plain and alphanumeric CNPJs', () => {
    expect(foundOf('CNPJ', 'CNPJ da empresa: 11.222.333/0001-81', 'pt')).toEqual(['11.222.333/0001-81']);
    expect(foundOf('CNPJ', 'segue 11222333000181 para faturamento', 'pt')).toEqual(['11222333000181']);
    expect(foundOf('CNPJ', 'o CNPJ novo é 12.ABC.345/01DE-35', 'pt')).toEqual(['12.ABC.345/01DE-35']);
  });
  it('keeps a valid CNPJ in its printed layout whatever cue of another kind stands before it', () => {
    // "contato" announces a phone; a piece of the CNPJ used to be taken as one instead.
    const text = 'pode colocar ela como contato e segue 12 917 488 0001 03 para faturamento';
    expect(foundOf('CNPJ', text, 'pt')).toEqual(['12 917 488 0001 03']);
    expect(foundOf('PHONE', text, 'pt')).toEqual([]);
  });
  it('needs the word CNPJ for wrong check digits', () => {
    expect(foundOf('CNPJ', 'CNPJ 11.222.333/0001-82', 'pt')).toEqual(['11.222.333/0001-82']);
    expect(foundOf('CNPJ', 'lote 11.222.333/0001-82 em estoque', 'pt')).toEqual([]);
    expect(foundOf('CNPJ', 'referência 11.222.333/0001-82', 'pt')).toEqual([]);
  });
});
