import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('street address recognizer', () => {
  it.each([
    ['Entregar na Rua das Flores, 123, apto 45, São Paulo', 'Rua das Flores, 123, apto 45', 'pt'],
    ['Av. Paulista, 1578, conj. 42', 'Av. Paulista, 1578, conj. 42', 'pt'],
    ['end.: Av. XV de Novembro, 1733 - sala 248, Porto Alegre', 'Av. XV de Novembro, 1733 - sala 248', 'pt'],
    ['moro na rua sete de setembro 822', 'rua sete de setembro 822', 'pt'],
    ['Travessa dos Andradas 943 - bloco A apto 67.', 'Travessa dos Andradas 943 - bloco A apto 67', 'pt'],
    ['vivo en Calle Mayor 15, 3º B, Madrid', 'Calle Mayor 15, 3º B', 'es'],
    ['dirección: C/ Colón 183, piso 3', 'C/ Colón 183, piso 3', 'es'],
    ['Carrera 7 # 45-12 apto 301, Bogotá', 'Carrera 7 # 45-12 apto 301', 'es'],
    ['Paseo de las Rosas nº 759, 6º 4ª', 'Paseo de las Rosas nº 759, 6º 4ª', 'es'],
    ['I live at 742 Evergreen Terrace Apt 3.', '742 Evergreen Terrace Apt 3', 'en'],
    ['ship it to 4596 N Cedar St, Orlando', '4596 N Cedar St', 'en'],
    ['deliver to 328 Willow Ln.', '328 Willow Ln', 'en'],
    ['Avda. de América 23, 2º izq', 'Avda. de América 23, 2º izq', 'es'],
    ['moro na Av. Dr. Arnaldo 455', 'Av. Dr. Arnaldo 455', 'pt'],
    ['ship to 1200 W 5th St Apt 4B', '1200 W 5th St Apt 4B', 'en'],
    ['I live at 300 E 42nd Street', '300 E 42nd Street', 'en'],
    ['R. Cel. Oscar Porto, 800 ap 12', 'R. Cel. Oscar Porto, 800 ap 12', 'pt'],
    // "Avenue" could start a typed address, but its full stop ends the sentence.
    ['my address is 703 Pine Avenue. Error 0xA434 when paying USD 721!', '703 Pine Avenue', 'en'],
    ['it should be 1687 Willow Avenue. Ssn 498-72-4243.', '1687 Willow Avenue', 'en'],
    ['meant to go to Flat 3, 27 Baker Street, London NW1 6XE.', 'Flat 3, 27 Baker Street', 'en'],
    ['Address: 1600 Pennsylvania Ave NW, Washington, DC 20500', '1600 Pennsylvania Ave NW', 'en'],
    ['She lives at 72 Marine Parade, Unit 12, Brighton', '72 Marine Parade, Unit 12', 'en'],
    ['la factura debe ir a Cra 43A # 1 Sur-100 of. 1203, Medellín', 'Cra 43A # 1 Sur-100 of. 1203', 'es'],
    ['Entregar na SQN 308 Bloco C apto 504, Asa Norte, Brasília.', 'SQN 308 Bloco C apto 504', 'pt'],
    [
      'depósito na Rodovia BR-116, km 143, galpão 3, Fazenda Rio Grande',
      'Rodovia BR-116, km 143, galpão 3',
      'pt',
    ],
    [
      'é Rua Projetada B, s/n, Quadra 14 Lote 9, bairro Jardim',
      'Rua Projetada B, s/n, Quadra 14 Lote 9',
      'pt',
    ],
    ['comercial Av. Afonso Pena, 3111, 7º andar, Funcionários', 'Av. Afonso Pena, 3111, 7º andar', 'pt'],
    ['Estrada Municipal Itu-Cabreúva, 3200, casa 87', 'Estrada Municipal Itu-Cabreúva, 3200, casa 87', 'pt'],
    ['dirección Av. Rivadavia 5420 piso 7 dto B, Caballito', 'Av. Rivadavia 5420 piso 7 dto B', 'es'],
  ] as const)('finds %j', (text, address, lang) =>
    expect(foundOf('STREET_ADDRESS', text, lang)).toEqual([address]),
  );

  it('ignores streets without a number, cities and look-alikes', () => {
    expect(foundOf('STREET_ADDRESS', 'moro na Rua das Flores perto do mercado', 'pt')).toEqual([]);
    expect(foundOf('STREET_ADDRESS', 'error al pagar ARS 22', 'es')).toEqual([]);
    expect(foundOf('STREET_ADDRESS', 'Para segunda via digite 1', 'pt')).toEqual([]);
  });

  it.each([
    ['moved to 5/22 Kingsford Street, Maroubra NSW 2035', '5/22 Kingsford Street', 'en'],
    ['New address is 12 Ashgrove Lawn, Ballincollig, Co. Cork.', '12 Ashgrove Lawn', 'en'],
    ['lo mandaron a av. insurgentes sur 1602 int. 8, col. roma', 'av. insurgentes sur 1602 int. 8', 'es'],
    ['vivo en Avda. de la Constitución 8, bajo B, Sevilla.', 'Avda. de la Constitución 8, bajo B', 'es'],
    ['la fibra en C/ Zabalbide 48, 3º izda., 48006 Bilbao', 'C/ Zabalbide 48, 3º izda.', 'es'],
    ['MORO NA ESTRADA DAS PALMEIRAS N 151, FUNDOS E SEGUE', 'ESTRADA DAS PALMEIRAS N 151, FUNDOS', 'pt'],
    [
      'moro na rua Doutor Arnaldo de Carvalho, 1.532, bloco C apartamento 43 lá',
      'rua Doutor Arnaldo de Carvalho, 1.532, bloco C apartamento 43',
      'pt',
    ],
    ['Billing addr 221 MG Road, 3rd Floor, Bengaluru 560001.', '221 MG Road, 3rd Floor', 'en'],
    ['billing address 1204-88 Queens Quay W, Toronto', '1204-88 Queens Quay W', 'en'],
    ['Drop at 48 Argwings Kodhek Road, Apt B7, Kilimani.', '48 Argwings Kodhek Road, Apt B7', 'en'],
    ['vivo en jr. huallaga 455 dpto 302 cercado de lima', 'jr. huallaga 455 dpto 302', 'es'],
    [
      'o endereço eh rua barata ribeiro 502 bloco b apto 1104 copacabana',
      'rua barata ribeiro 502 bloco b apto 1104',
      'pt',
    ],
    ['moro na rua das flores 12 casa e cozinha', 'rua das flores 12', 'pt'],
    ['para Rua de Cedofeita, 241, 3.º esquerdo, 4050-179 Porto', 'Rua de Cedofeita, 241, 3.º esquerdo', 'pt'],
    ['eu moro ali mesmo: Av. T-63, 1296, ap 1102, Setor Bueno', 'Av. T-63, 1296, ap 1102', 'pt'],
    [
      'Yo vivo en Carrer de Sant Antoni Maria Claret 167, 3º 2ª.',
      'Carrer de Sant Antoni Maria Claret 167, 3º 2ª',
      'es',
    ],
    [
      'para Rua Damasceno Monteiro, 47, 2.º Esq., 1170-109 Lisboa.',
      'Rua Damasceno Monteiro, 47, 2.º Esq.',
      'pt',
    ],
  ] as const)(
    'finds the unit, suffix, lower-case type, door, thousands, floor or lettered name in %j',
    (text, address, lang) => expect(foundOf('STREET_ADDRESS', text, lang)).toEqual([address]),
  );

  it('takes "Al" for Alameda only with its dot', () => {
    expect(foundOf('STREET_ADDRESS', 'ERROR E-6479 AL PAGAR ARS 22.475', 'es')).toEqual([]);
    expect(foundOf('STREET_ADDRESS', 'moro na Al. Santos, 2100', 'pt')).toEqual(['Al. Santos, 2100']);
  });

  it('takes no hour for a house number, nor lower-case words after a capitalised name', () => {
    const text = '¿la tienda de la calle Velázquez sigue abierta hasta las 22:00?';
    expect(foundOf('STREET_ADDRESS', text, 'es')).toEqual([]);
  });

  it('takes no letter after digits, nor a code later in the name, for a street', () => {
    expect(foundOf('STREET_ADDRESS', 'Seat 14C. Fare CAD 389.12. Need to change?', 'en')).toEqual([]);
    const text = 'PRECISAMOS DE SEGUNDA VIA. DEU ERRO E-2113 QUANDO TENTEI PAGAR 9X DE R$ 207,00';
    expect(foundOf('STREET_ADDRESS', text, 'pt')).toEqual([]);
  });

  it("reads Quebec's addresses and hyphenated street names", () => {
    const french = 'adresse: 2150 rue Sainte-Catherine Ouest, app. 1204, Montréal';
    expect(foundOf('STREET_ADDRESS', french, 'en')).toEqual(['2150 rue Sainte-Catherine Ouest, app. 1204']);
    const boul = 'ship to 1500 boul. René-Lévesque Ouest, bureau 200';
    expect(foundOf('STREET_ADDRESS', boul, 'en')).toEqual(['1500 boul. René-Lévesque Ouest, bureau 200']);
    const english = 'new address is 1188 Sainte-Catherine St W, Unit 905, Montréal';
    expect(foundOf('STREET_ADDRESS', english, 'en')).toEqual(['1188 Sainte-Catherine St W, Unit 905']);
    expect(foundOf('STREET_ADDRESS', 'I have 2 rue tickets', 'en')).toEqual([]);
  });

  it("reads a name ending in a suffix word before the suffix, and Dublin's upper and lower streets", () => {
    const grove = 'parking lot at 918 Maple Grove Rd, Unit 12 (my building)';
    expect(foundOf('STREET_ADDRESS', grove, 'en')).toEqual(['918 Maple Grove Rd, Unit 12']);
    const upper = 'showed up at 12 Gardiner Street Upper, Apartment 4, Dublin 1';
    expect(foundOf('STREET_ADDRESS', upper, 'en')).toEqual(['12 Gardiner Street Upper, Apartment 4']);
  });

  it('reads a spelled-out compass point after the suffix, and a comma after a Quebec house number', () => {
    const west = 'deliver it to 88 Queen Street West, Unit 1504, Toronto ON';
    expect(foundOf('STREET_ADDRESS', west, 'en')).toEqual(['88 Queen Street West, Unit 1504']);
    const comma = 'New address is 4521, rue Saint-Denis, app. 3, Montréal QC';
    expect(foundOf('STREET_ADDRESS', comma, 'en')).toEqual(['4521, rue Saint-Denis, app. 3']);
    expect(foundOf('STREET_ADDRESS', 'at 5 Oak Street west of here', 'en')).toEqual(['5 Oak Street']);
  });

  it('reads Irish estates named Park', () => {
    const park = 'Our new pickup address is 27 Glenageary Park, Apt 3, Dún Laoghaire';
    expect(foundOf('STREET_ADDRESS', park, 'en')).toEqual(['27 Glenageary Park, Apt 3']);
  });

  it("takes a building's name into the address when a unit in it follows", () => {
    const condo = 'Entrega: Rua das Acácias, 310, Condomínio Jardim das Oliveiras, casa 14, Sorocaba';
    expect(foundOf('STREET_ADDRESS', condo, 'pt')).toEqual([
      'Rua das Acácias, 310, Condomínio Jardim das Oliveiras, casa 14',
    ]);
    const tower = 'Av. Beira Mar, 2200, Ed. Mirante do Sol, apto 801';
    expect(foundOf('STREET_ADDRESS', tower, 'pt')).toEqual([tower]);
    // After the unit, or with no unit after it, the building stays out.
    const after = 'Carrera 7 # 71-21 apto 1204, edificio Torre Andina, Bogotá';
    expect(foundOf('STREET_ADDRESS', after, 'es')).toEqual(['Carrera 7 # 71-21 apto 1204']);
    const alone = 'Rua das Acácias, 310, Condomínio Jardim. Obrigada';
    expect(foundOf('STREET_ADDRESS', alone, 'pt')).toEqual(['Rua das Acácias, 310']);
  });
});
