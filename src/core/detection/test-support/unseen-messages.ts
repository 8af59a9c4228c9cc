/**
 * Hand-written chat messages in phrasings the eval corpus does not use, with the values a person
 * would protect. They keep the rules honest about text the corpus never showed.
 */
export const UNSEEN_MESSAGES: readonly {
  lang: 'pt' | 'en' | 'es';
  text: string;
  expected: readonly [string, string][];
}[] = [
  {
    lang: 'pt',
    text: 'bom dia! sou a Luana Prado e preciso da 2a via, cpf 390.533.447-05',
    expected: [
      ['PERSON', 'Luana Prado'],
      ['CPF', '390.533.447-05'],
    ],
  },
  {
    lang: 'pt',
    text: 'Pode ligar no fixo (31) 3222-1100 ou no cel 31 99111-2233, falar com o Sr. Bezerra',
    expected: [
      ['PHONE', '(31) 3222-1100'],
      ['PHONE', '31 99111-2233'],
      ['PERSON', 'Bezerra'],
    ],
  },
  {
    lang: 'pt',
    text: 'o email da empresa é contato.financeiro@acme.com.br e o CNPJ 11.444.777/0001-61',
    expected: [
      ['EMAIL', 'contato.financeiro@acme.com.br'],
      ['CNPJ', '11.444.777/0001-61'],
    ],
  },
  {
    lang: 'pt',
    text: 'Troquei de endereço: Rua Voluntários da Pátria, 190, bloco 2 apto 804, Botafogo',
    expected: [['STREET_ADDRESS', 'Rua Voluntários da Pátria, 190, bloco 2 apto 804']],
  },
  {
    lang: 'pt',
    text: 'data de nascimento 07/09/1982, nome completo Roberto Carlos Nogueira',
    expected: [
      ['DATE_OF_BIRTH', '07/09/1982'],
      ['PERSON', 'Roberto Carlos Nogueira'],
    ],
  },
  {
    lang: 'pt',
    text: 'passa no cartão 5162 9212 3456 7892, o cvv é 731 e vence em 08/29',
    expected: [
      ['CREDIT_CARD', '5162 9212 3456 7892'],
      ['CARD_CVV', '731'],
    ],
  },
  { lang: 'pt', text: 'segue meu zap 21987650000 qualquer coisa', expected: [['PHONE', '21987650000']] },
  { lang: 'pt', text: 'Valeu!\nAbraços,\nJuliana Castro', expected: [['PERSON', 'Juliana Castro']] },
  { lang: 'pt', text: 'minha esposa Patrícia vai buscar o pedido 88812', expected: [['PERSON', 'Patrícia']] },
  {
    lang: 'pt',
    text: 'manda pro email lucas arroba provedor ponto com ponto br',
    expected: [['EMAIL', 'lucas arroba provedor ponto com ponto br']],
  },
  {
    lang: 'pt',
    text: 'o pedido 4820-1933-7781-2204 ainda não chegou e o protocolo é 20251122000456',
    expected: [],
  },
  {
    lang: 'pt',
    text: 'Moro na Avenida Sete de Setembro 2100, sala 3, Salvador',
    expected: [['STREET_ADDRESS', 'Avenida Sete de Setembro 2100, sala 3']],
  },
  { lang: 'pt', text: 'acessei do ip 177.45.201.9 e deu erro', expected: [['IP_ADDRESS', '177.45.201.9']] },
  { lang: 'pt', text: 'A cobrança de R$ 1.299,90 veio em dobro no dia 15/10', expected: [] },
  {
    lang: 'en',
    text: "hello, it's Daniel Kim, my new cell is 646-555-0182",
    expected: [
      ['PERSON', 'Daniel Kim'],
      ['PHONE', '646-555-0182'],
    ],
  },
  {
    lang: 'en',
    text: 'SSN: 219-09-9999. DOB: 11/23/1979.',
    expected: [
      ['US_SSN', '219-09-9999'],
      ['DATE_OF_BIRTH', '11/23/1979'],
    ],
  },
  {
    lang: 'en',
    text: 'Send it to 1208 Oakwood Avenue, Apt 5C. Thanks, Karen',
    expected: [
      ['STREET_ADDRESS', '1208 Oakwood Avenue, Apt 5C'],
      ['PERSON', 'Karen'],
    ],
  },
  {
    lang: 'en',
    text: 'Wire the refund to GB33 BUKB 2020 1555 5555 55 please',
    expected: [['IBAN', 'GB33 BUKB 2020 1555 5555 55']],
  },
  {
    lang: 'en',
    text: 'my amex is 3714 496353 98431 and the security code 1234',
    expected: [
      ['CREDIT_CARD', '3714 496353 98431'],
      ['CARD_CVV', '1234'],
    ],
  },
  {
    lang: 'en',
    text: 'reach me at robert (at) mailbox (dot) org',
    expected: [['EMAIL', 'robert (at) mailbox (dot) org']],
  },
  {
    lang: 'en',
    text: 'Order 1Z-4492-8830 shipped from 10.0.12.7? tracking says 9400 1000 0000 0000 0000 00',
    expected: [['IP_ADDRESS', '10.0.12.7']],
  },
  {
    lang: 'en',
    text: 'I was born on the 4th of July, 1976',
    expected: [['DATE_OF_BIRTH', '4th of July, 1976']],
  },
  {
    lang: 'en',
    text: 'Our router is at 2001:db8:85a3::8a2e:370:7334 behind the firewall',
    expected: [['IP_ADDRESS', '2001:db8:85a3::8a2e:370:7334']],
  },
  { lang: 'en', text: 'Hi, I am the virtual assistant Nova. How can I help?', expected: [] },
  { lang: 'en', text: 'Can you cancel invoice 555-12-3456 from last week?', expected: [] },
  {
    lang: 'es',
    text: 'Hola, me llamo Sofía Navarro y mi móvil es 699 123 456',
    expected: [
      ['PERSON', 'Sofía Navarro'],
      ['PHONE', '699 123 456'],
    ],
  },
  {
    lang: 'es',
    text: 'mi correo es sofia.navarro.86@correo.es',
    expected: [['EMAIL', 'sofia.navarro.86@correo.es']],
  },
  {
    lang: 'es',
    text: 'Vivo en Calle Goya 48, 4º izquierda',
    expected: [['STREET_ADDRESS', 'Calle Goya 48, 4º izquierda']],
  },
  {
    lang: 'es',
    text: 'fecha de nacimiento: 12-05-1990, IBAN ES76 2077 0024 0031 0257 5766',
    expected: [
      ['DATE_OF_BIRTH', '12-05-1990'],
      ['IBAN', 'ES76 2077 0024 0031 0257 5766'],
    ],
  },
  {
    lang: 'es',
    text: 'la tarjeta es 4000 0566 5566 5556 y el código de seguridad 321',
    expected: [
      ['CREDIT_CARD', '4000 0566 5566 5556'],
      ['CARD_CVV', '321'],
    ],
  },
  { lang: 'es', text: 'Un saludo,\nMiguel Ángel Torres', expected: [['PERSON', 'Miguel Ángel Torres']] },
  { lang: 'es', text: 'El número de pedido es 4589123 y la factura 2024-00981', expected: [] },
  {
    lang: 'es',
    text: 'llámenme al +52 33 1234 5678, pregunten por Lupita',
    expected: [
      ['PHONE', '+52 33 1234 5678'],
      ['PERSON', 'Lupita'],
    ],
  },
];
