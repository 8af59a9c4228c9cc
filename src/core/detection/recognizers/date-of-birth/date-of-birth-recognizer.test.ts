import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('date of birth recognizer', () => {
  it.each([
    ['nasci em 03/04/1987', '03/04/1987', 'pt'],
    ['data de nascimento: 15 de março de 1992', '15 de março de 1992', 'pt'],
    ['DOB 1987-04-03', '1987-04-03', 'en'],
    ['born on July 4, 1981', 'July 4, 1981', 'en'],
    ['birthday 14 January 1987', '14 January 1987', 'en'],
    ['I was born in march 1990', 'march 1990', 'en'],
    ['nací el 3 de marzo de 1990', '3 de marzo de 1990', 'es'],
    ['fecha de nacimiento 07.06.1948', '07.06.1948', 'es'],
    ['dt nasc 03041987', '03041987', 'pt'],
    ['F. nac. 17/4/43', '17/4/43', 'es'],
    ['nací el 5 de mayo del 88 y el DNI es 12345678Z', '5 de mayo del 88', 'es'],
    ['CPF 414 692 122 85 nasci dia 5 de maio de 79', '5 de maio de 79', 'pt'],
    ['yo my bday is 12/25/98 lol', '12/25/98', 'en'],
    ['FECHA NAC: 02-02-1966\nTLF: +34 954 21 87 60', '02-02-1966', 'es'],
    ['Account name Liam Nguyen, DOB 19 Jun 90, service address', '19 Jun 90', 'en'],
    ['born 3-Jun-90', '3-Jun-90', 'en'],
  ] as const)('finds %j', (text, date, lang) => expect(foundOf('DATE_OF_BIRTH', text, lang)).toEqual([date]));

  it('ignores dates without birth context, years alone and ages', () => {
    expect(foundOf('DATE_OF_BIRTH', 'entrega prevista el 10/07/2025', 'es')).toEqual([]);
    expect(foundOf('DATE_OF_BIRTH', 'cliente desde 2009', 'pt')).toEqual([]);
    expect(foundOf('DATE_OF_BIRTH', 'nasci em 1987', 'pt')).toEqual([]);
    expect(foundOf('DATE_OF_BIRTH', 'my birthday is tomorrow, I turn 40', 'en')).toEqual([]);
  });

  it("reads the answer on the next speaker's line of a transcript", () => {
    const text = 'Agent: Thanks. And your date of birth?\nCustomer: 3rd of May 1991\nAgent: Lovely.';
    expect(foundOf('DATE_OF_BIRTH', text, 'en')).toEqual(['3rd of May 1991']);
    const later = 'Agent: your date of birth?\nCustomer: sure, the renewal date is 3rd of May 2026';
    expect(foundOf('DATE_OF_BIRTH', later, 'en')).toEqual([]);
  });

  it('reads the answer past the time stamps of a transcript', () => {
    const text = '[10:02] Asesor: ¿Me confirma su fecha de nacimiento?\n[10:03] Cliente: 14/02/1971';
    expect(foundOf('DATE_OF_BIRTH', text, 'es')).toEqual(['14/02/1971']);
  });

  it('reads the answer after a bare time and a speaker label', () => {
    const text = '10:14 Emily (Agent): Can you confirm your date of birth?\n10:15 Customer: march 3 1968';
    expect(foundOf('DATE_OF_BIRTH', text, 'en')).toEqual(['march 3 1968']);
  });

  it('reads a date answering a question that asked for the date of birth among other things', () => {
    const postcode =
      'Agent (Tomasz): I just need your date of birth and postcode.\nCustomer: 14 February 1979, LS6 2QT';
    expect(foundOf('DATE_OF_BIRTH', postcode, 'en')).toEqual(['14 February 1979']);
    const assent =
      'Agent: confirm your date of birth and the last four of your SSN?\nCustomer: sure, June 2 1983 and 4471';
    expect(foundOf('DATE_OF_BIRTH', assent, 'en')).toEqual(['June 2 1983']);
    const named =
      'Agente: ¿Nombres completos y fecha de nacimiento del titular?\nUsuario: Gabriela Cevallos Andrade, 15/08/1997';
    expect(foundOf('DATE_OF_BIRTH', named, 'es')).toEqual(['15/08/1997']);
    const three =
      'Atendente: nome completo, CPF e data de nascimento?\nCliente: Raimunda dos Santos Pereira, 82714035671, 12/09/1958';
    expect(foundOf('DATE_OF_BIRTH', three, 'pt')).toEqual(['12/09/1958']);
    const second =
      'Agent: your date of birth and postcode?\nCustomer: 14/02/1979, and it changed on 03/05/2020';
    expect(foundOf('DATE_OF_BIRTH', second, 'en')).toEqual(['14/02/1979']);
    const other = 'Agent: your date of birth?\nCustomer: we moved in, the lease began 03/05/2020';
    expect(foundOf('DATE_OF_BIRTH', other, 'en')).toEqual([]);
  });

  it('reads a birth cue up to twelve words back, unless another event is named between', () => {
    const fix = 'A data de nascimento do passageiro saiu errada no bilhete, o correto é 21/05/1989.';
    expect(foundOf('DATE_OF_BIRTH', fix, 'pt')).toEqual(['21/05/1989']);
    const schedule = 'my date of birth is wrong on the schedule, it should be 3rd March 1979 not 1997';
    expect(foundOf('DATE_OF_BIRTH', schedule, 'en')).toEqual(['3rd March 1979']);
    const visit = 'fecha de nacimiento correcta pero la cita del 12/05/2024 no aparece';
    expect(foundOf('DATE_OF_BIRTH', visit, 'es')).toEqual([]);
    const delivery = 'DOB on file is fine but the delivery date was moved to 12/05/2024';
    expect(foundOf('DATE_OF_BIRTH', delivery, 'en')).toEqual([]);
  });

  it('takes no hour for a two-digit year', () => {
    expect(foundOf('DATE_OF_BIRTH', 'born 19 Jun 10:30', 'en')).toEqual(['19 Jun']);
    expect(foundOf('DATE_OF_BIRTH', 'nasci 19 jun 14h', 'pt')).toEqual(['19 jun']);
  });
});
