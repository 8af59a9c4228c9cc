import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('person recognizer', () => {
  it.each([
    ['Olá, meu nome é João Pedro de Almeida.', 'João Pedro de Almeida', 'pt'],
    ['aqui é a camila rocha', 'camila rocha', 'pt'],
    ['Boa tarde, Gustavo Santana aqui.', 'Gustavo Santana', 'pt'],
    ['Hola, soy Ana María Rodríguez de la Fuente', 'Ana María Rodríguez de la Fuente', 'es'],
    ['please talk to my son Steven Wright.', 'Steven Wright', 'en'],
    ['hey its donna miller. Cell later', 'donna miller', 'en'],
    ['O titular é ANTONIO MARCOS DE OLIVEIRA', 'ANTONIO MARCOS DE OLIVEIRA', 'pt'],
    ['Thanks,\nEmily', 'Emily', 'en'],
    ['Paguei ontem. — Diego', 'Diego', 'pt'],
    ['falar com o Sr. Oliveira amanhã', 'Oliveira', 'pt'],
    ['ontem a Maria do RH ligou', 'Maria', 'pt'],
    // "Nascimento" is a surname, but here it announces the date after it.
    ['aqui é o pedro alves e nascimento: 2/3/1985', 'pedro alves', 'pt'],
  ] as const)('finds the name in %j', (text, name, lang) =>
    expect(foundOf('PERSON', text, lang)).toEqual([name]),
  );

  it('leaves out bots, companies, stores and places', () => {
    expect(foundOf('PERSON', "Hi! I'm Max, your virtual assistant.", 'en')).toEqual([]);
    expect(foundOf('PERSON', 'Olá! Eu sou a Lia, assistente virtual da Loja Aurora.', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Comprei na Calçados Bianca ontem', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'parts from Sullivan Auto Parts', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'Moro em Natal e trabalho em São Paulo', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Hi Max, I need a human', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'Lo compré en Tienda La Esperanza en Bogotá', 'es')).toEqual([]);
    expect(foundOf('PERSON', 'ship it to 762 Elm Drive Apt 26A, Madison.', 'en')).toEqual([]);
    // "Dr" of Drive is no title: a title is never followed by a comma.
    expect(foundOf('PERSON', 'send it to 663 Ridge Dr, Austin 😊', 'en')).toEqual([]);
    // "X here" introduces a name only when "here" follows it on a blank, not a comma or a full stop.
    expect(foundOf('PERSON', 'Ship it to 308 Cedar Way, Apt 3B, Austin, here is my SSN', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'ship it to 297 Sunset Rd, #19, Orlando. Here is my SSN', 'en')).toEqual([]);
  });

  it('does not take a common word that is also a name on its own', () => {
    expect(foundOf('PERSON', 'Rosa é minha cor favorita', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Will you call me?', 'en')).toEqual([]);
    // Name lists carry "name" and "sister"; after "ask for" they read as introduced names.
    expect(foundOf('PERSON', 'ask for Sandra, my name is Daniel Walker', 'en')).toEqual([
      'Sandra',
      'Daniel Walker',
    ]);
  });

  it('does not grow a name into an e-mail address', () => {
    const text = 'Soy teresa jiménez y isabel.alvarez@example.org es mi usuario';
    expect(foundOf('PERSON', text, 'es')).toEqual(['teresa jiménez']);
  });

  it("takes a name after a street word only on the street word's line", () => {
    expect(foundOf('PERSON', 'My address is 740 Maple Avenue.\nLinda Thomas', 'en')).toEqual([
      'Linda Thomas',
    ]);
    expect(foundOf('PERSON', 'moro na Av. Maria Coelho Aguiar 215', 'pt')).toEqual([]);
  });

  it('takes any capitalised word after a title that only names people', () => {
    expect(foundOf('PERSON', 'o Sr. Nakamura ligou ontem', 'pt')).toEqual(['Nakamura']);
    expect(foundOf('PERSON', 'falar com a Dona Zefinha amanhã', 'pt')).toEqual(['Zefinha']);
    // Roles, titles that also stand before ordinary words, and Drive.
    expect(foundOf('PERSON', 'Prezado Sr. Cliente, seu pedido saiu', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Seu Pedido foi enviado', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'deliver to 622 Washington Dr. Reference 96366068565', 'en')).toEqual([]);
  });

  it('takes in unknown words beside a known name that signs the message after a closing', () => {
    expect(foundOf('PERSON', 'Obrigada,\nZefinha Tavares', 'pt')).toEqual(['Zefinha Tavares']);
    expect(foundOf('PERSON', 'Thanks so much!\n- Okonkwo Patel', 'en')).toEqual(['Okonkwo Patel']);
    // No closing before them, no known name among them (a department signs), or a company's words.
    expect(foundOf('PERSON', 'Erro no app - Tela Branca', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Obrigado pela ajuda!\nEquipe de Suporte', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Regards,\nAccounts Payable', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'Obrigado pela ajuda.\nEquipe Loja Aurora', 'pt')).toEqual([]);
  });

  it.each([
    ['Name: Chukwuemeka Okonkwo-Adeyemi\nDOB: 04/07/1985', 'Chukwuemeka Okonkwo-Adeyemi', 'en'],
    ['Titular: Ayumi Higa\nNascimento: 1979-08-23', 'Ayumi Higa', 'pt'],
    ['Responsável: Edilene Kowalski', 'Edilene Kowalski', 'pt'],
    ['Born March 3, 1992 pfv arruma isso, sou a Francielly', 'Francielly', 'pt'],
    ['Hola, le habla Jorge Ñancupil del área de reclamos', 'Jorge Ñancupil', 'es'],
    ['transferir a nombre de Ainhoa Uriarte, por favor', 'Ainhoa Uriarte', 'es'],
    ['Meu pai, Josenildo Cardoso, mora em Belém', 'Josenildo Cardoso', 'pt'],
    ['my mum, Adaeze Nwosu, is hard of hearing', 'Adaeze Nwosu', 'en'],
    ['Qualquer coisa fala com o Gumercindo no telefone', 'Gumercindo', 'pt'],
  ] as const)(
    'takes an unknown name that a naming phrase or a form field introduces: %j',
    (text, name, lang) => expect(foundOf('PERSON', text, lang)).toEqual([name]),
  );

  it('keeps both halves of a hyphenated name', () => {
    expect(foundOf('PERSON', 'name on acct Declan Fitzgerald-Murphy. ta', 'en')).toEqual([
      'Declan Fitzgerald-Murphy',
    ]);
    expect(foundOf('PERSON', 'Estimado Sr. Fernández-Arrieta:', 'es')).toEqual(['Fernández-Arrieta']);
    expect(foundOf('PERSON', 'Sra. Kim Hae-won, seu reembolso foi aprovado', 'pt')).toEqual(['Kim Hae-won']);
  });

  it('ends a name at words of grammar and at cue words, even in capitals', () => {
    expect(
      foundOf('PERSON', 'MY NAME IS GERALDINE MCALLISTER AND MY NUMBER IS (646) 555-0192', 'en'),
    ).toEqual(['GERALDINE MCALLISTER']);
    expect(
      foundOf('PERSON', 'CARTAO DA MINHA ESPOSA MARIA APARECIDA DOS SANTOS FERREIRA CPF DELA', 'pt'),
    ).toEqual(['MARIA APARECIDA DOS SANTOS FERREIRA']);
  });

  it('signs with a known name after the last sentence', () => {
    expect(foundOf('PERSON', 'Qualquer dúvida, estou à disposição. Marcelo', 'pt')).toEqual(['Marcelo']);
    expect(foundOf('PERSON', 'Falei com o Sr. Marcelo', 'pt')).toEqual(['Marcelo']);
  });

  it('reads a city after "to", "a" or "de" as a place, not a person', () => {
    expect(foundOf('PERSON', 'Do you deliver to Victoria, BC?', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'A encomenda saiu de Natal com destino a Vitória.', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'cuanto cuesta el envio a Santiago de Compostela?', 'es')).toEqual([]);
    expect(foundOf('PERSON', 'comprei nas Casas Bahia de Santa Maria e deu erro', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Entregar na quadra 5, Asa Norte, Brasília', 'pt')).toEqual([]);
  });

  it('takes a greeted name when the writer then introduces themselves, not a greeted bot', () => {
    expect(foundOf('PERSON', 'Olá, Giuseppe! Aqui é a Thaís, do time de atendimento', 'pt')).toEqual([
      'Giuseppe',
      'Thaís',
    ]);
    expect(foundOf('PERSON', 'Oi Lia, quero falar com um atendente!', 'pt')).toEqual([]);
    expect(
      foundOf('PERSON', 'Hola Tina, quiero hablar con una persona. Soy cliente desde 2004.', 'es'),
    ).toEqual([]);
  });

  it('takes a given name no lexicon knows before a known surname', () => {
    expect(foundOf('PERSON', 'Tadeu Wisniewski ligou ontem e não resolveram', 'pt')).toEqual([
      'Tadeu Wisniewski',
    ]);
    expect(
      foundOf('PERSON', 'Quien recibe es Yeison Andrés Mosquera Palacios, cel 310 456 7890', 'es'),
    ).toEqual(['Yeison Andrés Mosquera Palacios']);
    expect(foundOf('PERSON', 'Pagamento no Amex. Titular Soo Jin Lee', 'pt')).toEqual(['Soo Jin Lee']);
    expect(foundOf('PERSON', "I'm Barbara Wright, I ordered last week", 'en')).toEqual(['Barbara Wright']);
  });

  it('leaves departments, store chains and lower-case common words out of names', () => {
    expect(
      foundOf('PERSON', 'Sra. Carmen Gloria Soto, le escribe Felipe de Servicio al Cliente.', 'es'),
    ).toEqual(['Carmen Gloria Soto', 'Felipe']);
    expect(foundOf('PERSON', 'Gracias por comunicarte con Zapaterías Don Pedro.', 'es')).toEqual([]);
    expect(foundOf('PERSON', 'to falando em nome da minha mãe, dona Maria do Socorro Lima', 'pt')).toEqual([
      'Maria do Socorro Lima',
    ]);
  });

  it('keeps middle initials and generational suffixes inside the name', () => {
    expect(foundOf('PERSON', 'Name: Tyler J. Brooks, DOB 07/14/1983', 'en')).toEqual(['Tyler J. Brooks']);
    expect(foundOf('PERSON', 'nome no cartão LUCAS H OKAMOTO', 'pt')).toEqual(['LUCAS H OKAMOTO']);
    expect(foundOf('PERSON', 'Nome: JOSÉ WELLINGTON DA SILVA FILHO\nCPF: 300.520.455-36', 'pt')).toEqual([
      'JOSÉ WELLINGTON DA SILVA FILHO',
    ]);
    expect(foundOf('PERSON', 'aqui é a maria do socorro bezerra, moro na rua joão pessoa, 88', 'pt')).toEqual(
      ['maria do socorro bezerra'],
    );
  });

  it('takes an unknown greeted name when the writer then introduces themselves', () => {
    expect(
      foundOf('PERSON', 'Olá, Gleiciane! Tudo bem? Aqui é o Rafael, do time de atendimento', 'pt'),
    ).toEqual(['Gleiciane', 'Rafael']);
    expect(foundOf('PERSON', 'Hola Iñaki, soy Nuria del servicio de atención al cliente', 'es')).toEqual([
      'Iñaki',
      'Nuria',
    ]);
    expect(foundOf('PERSON', 'You can reach me, his daughter Josée, at +1 416-555-0192.', 'en')).toEqual([
      'Josée',
    ]);
  });

  it('leaves out practices, islands and a title inside a store name', () => {
    expect(foundOf('PERSON', 'the office manager at Sullivan & Reyes Dental', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'I reside at 15 Adeola Odeku Street, Victoria Island, Lagos', 'en')).toEqual([]);
    expect(
      foundOf('PERSON', '¿La Farmacia del Dr. Simi de la calle Hidalgo abre los domingos?', 'es'),
    ).toEqual([]);
  });

  it('honours an allow list of the bot and agent names', async () => {
    const { createDefaultEngine } = await import('../../default-engine.js');
    const engine = createDefaultEngine({ allowList: ['Juliana'] });
    expect(engine.detect({ text: 'Falei com a atendente Juliana', lang: 'pt' })).toEqual([]);
  });

  it('takes the name an agent gives in chat and a spouse named', () => {
    const text = "Hi Siobhan, you're speaking with Rahul 👋 thanks for holding.";
    expect(foundOf('PERSON', text, 'en')).toEqual(['Siobhan', 'Rahul']);
    expect(foundOf('PERSON', 'spouse is Dolores, her SSN 287 65 4019.', 'en')).toEqual(['Dolores']);
    expect(foundOf('PERSON', 'I was speaking with Support yesterday', 'en')).toEqual([]);
  });

  it("takes a greeted name when what follows speaks of the reader's things, as an agent writes", () => {
    expect(foundOf('PERSON', 'Olá, Débora! Seu IBAN é BR95 6070', 'pt')).toEqual(['Débora']);
    expect(foundOf('PERSON', 'Oi Bia, quero a segunda via', 'pt')).toEqual([]);
  });

  it('takes a known name labelling a turn with its team, and a writer who "les escribe"', () => {
    const label = '[14:31] Juliana (Atendimento Unimed): Pode me informar nome completo?';
    expect(foundOf('PERSON', label, 'pt')).toEqual(['Juliana']);
    const writer = 'Les escribe Rania Khoury Abed, de la tienda';
    expect(foundOf('PERSON', writer, 'es')).toEqual(['Rania Khoury Abed']);
  });

  it("takes a speaker named after a turn's time, and a signer whose title line follows", () => {
    const timed = '[14:02] Rahim Uddin Chowdhury: boa tarde, preciso agendar';
    expect(foundOf('PERSON', timed, 'pt')).toEqual(['Rahim Uddin Chowdhury']);
    expect(foundOf('PERSON', '[10:02] Cliente: oi, tudo bem?', 'pt')).toEqual([]);
    const signed = 'Thanks.\nBest regards,\nOluwaseun Adeyemi\nImports Coordinator';
    expect(foundOf('PERSON', signed, 'en')).toEqual(['Oluwaseun Adeyemi']);
    const title = 'les escribo por mi abuelo, don Héctor Ruggiero, tiene 87 años';
    expect(foundOf('PERSON', title, 'es')).toEqual(['Héctor Ruggiero']);
    expect(foundOf('PERSON', 'La biblioteca Gabriel García Márquez no abre', 'es')).toEqual([]);
  });

  it('leaves out stadiums, gardens and elementary schools, and words glued to digits', () => {
    expect(foundOf('PERSON', 'Row F at Madison Square Garden for Sat', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'the bus for Lincoln Elementary was late', 'en')).toEqual([]);
    expect(foundOf('PERSON', '[21:12] Cliente: IPv4 192.168.15.7, gateway', 'pt')).toEqual([]);
  });

  it('leaves out public schools, chicken shops, plans and community hospitals named after people', () => {
    expect(foundOf('PERSON', 'um crachá da Escola Estadual Anísio Teixeira. Se', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'mi pedido de Pollería Doña Carmen todavía', 'es')).toEqual([]);
    const hospital = 'appointment at Martin Luther King Jr. Community Hospital, Cardiology';
    expect(foundOf('PERSON', hospital, 'en')).toEqual([]);
    const plan = 'Att,\nConceição Aparecida Lima\nPlano Vida Tranquila – titular';
    expect(foundOf('PERSON', plan, 'pt')).toEqual(['Conceição Aparecida Lima']);
  });

  it('takes someone else named, Catalan double surnames, and no shop or travel agency', () => {
    const driver = 'o nome dele era vanderlei o carro era um onix prata';
    expect(foundOf('PERSON', driver, 'pt')).toEqual(['vanderlei']);
    expect(foundOf('PERSON', 'la reserva es de Montserrat Puig i Vidal', 'es')).toEqual([
      'Montserrat Puig i Vidal',
    ]);
    expect(foundOf('PERSON', 'lo compré en la tienda Muebles Don Ramón de Zaragoza', 'es')).toEqual([]);
    expect(foundOf('PERSON', 'la asistente virtual de Viajes Don Pepe.', 'es')).toEqual([]);
    expect(foundOf('PERSON', 'cara, meu pedido não chegou', 'pt')).toEqual([]);
  });

  it('takes a hyphenated given name before a Korean, Chinese or Vietnamese surname', () => {
    expect(foundOf('PERSON', 'Contact Min-jun Park, minjun.park@example.com', 'en')).toEqual([
      'Min-jun Park',
    ]);
    expect(foundOf('PERSON', 'my name is Ji-woo Park', 'en')).toEqual(['Ji-woo Park']);
    expect(foundOf('PERSON', 'Check-in Park Hotel at 3pm', 'en')).toEqual([]);
  });

  it('leaves out buildings, halls and hotels named after people', () => {
    expect(foundOf('PERSON', 'Turma ADM-3B, sala 214, bloco Anísio Teixeira.', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Aula: Pabellón José Olaya, salón 305.', 'es')).toEqual([]);
    expect(foundOf('PERSON', 'Sua reserva no Hotel Dom Pedro Natal foi confirmada', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'é no Hospital Israelita Albert Einstein, unidade Morumbi', 'pt')).toEqual([]);
  });

  it('takes a last line that opens with a name and signs for a team or company', () => {
    const text = 'Dúvidas: (11) 3061-2290.\nJuliana - Recepção Sorriso Pleno 🦷';
    expect(foundOf('PERSON', text, 'pt')).toEqual(['Juliana']);
    expect(foundOf('PERSON', 'Qualquer coisa me chama\nMarcos | Suporte NetPlus', 'pt')).toEqual(['Marcos']);
    expect(foundOf('PERSON', 'Pedido saiu hoje\nVitória - Centro', 'pt')).toEqual([]);
  });

  it('takes the name after a role in the building or the deal, not the role', () => {
    expect(foundOf('PERSON', 'pode deixar com o porteiro Sebastião', 'pt')).toEqual(['Sebastião']);
    expect(foundOf('PERSON', 'Síndica Glória Maria Pinheiro – 85 98702-1155', 'pt')).toEqual([
      'Glória Maria Pinheiro',
    ]);
    expect(foundOf('PERSON', 'Landlord is Anneliese von Hartmann.', 'en')).toEqual([
      'Anneliese von Hartmann',
    ]);
    expect(foundOf('PERSON', 'fale com o gerente da loja', 'pt')).toEqual([]);
  });

  it('takes an unknown shouted name only after a phrase or field that says "name"', () => {
    const shouted = 'CALL ME BACK ASAP MY NAME IS DMITRI VOLKOV AND MY INTERNET IS DOWN';
    expect(foundOf('PERSON', shouted, 'en')).toEqual(['DMITRI VOLKOV']);
    expect(foundOf('PERSON', 'TITULAR: AYUMI HIGA\nNASCIMENTO: 1979-08-23', 'pt')).toEqual(['AYUMI HIGA']);
    expect(foundOf('PERSON', 'SOY BRASILEÑO, MI CPF ES 696.749.104-09', 'es')).toEqual([]);
    expect(foundOf('PERSON', 'AGENTE: O CPF?\nCLIENTE: PERA ERREI', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'PRECISO DO NOME COMPLETO, CPF E DATA DE NASCIMENTO DELA', 'pt')).toEqual([]);
  });

  it('joins capitalised particles and Arabic articles inside a capitalised name', () => {
    expect(foundOf('PERSON', 'Nome dela: Fatima El Amrani, CPF 902', 'pt')).toEqual(['Fatima El Amrani']);
    expect(foundOf('PERSON', 'Falei com Maria De Souza ontem', 'pt')).toEqual(['Maria De Souza']);
    expect(foundOf('PERSON', 'Kind regards,\nFatima Al-Hashimi', 'en')).toEqual(['Fatima Al-Hashimi']);
    expect(foundOf('PERSON', 'LES ESCRIBE JORGE NAVARRO Y EL EMAIL DE MI HIJA', 'es')).toEqual([
      'JORGE NAVARRO',
    ]);
  });

  it('takes a greeted name the lexicon knows, unless the writer then asks for something', () => {
    expect(foundOf('PERSON', 'Olá, Gustavo! Tudo bem?', 'pt')).toEqual(['Gustavo']);
    expect(foundOf('PERSON', 'Hola Nuria, te confirmo la visita del sábado', 'es')).toEqual(['Nuria']);
    expect(foundOf('PERSON', 'Hi Emily, thanks for waiting', 'en')).toEqual(['Emily']);
    expect(foundOf('PERSON', 'Hello, hi Sam, I need a human.', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'Oi Rosa, tudo bem?', 'pt')).toEqual([]);
  });

  it('reads "I\'m" and "it\'s" as one word, with either apostrophe', () => {
    expect(foundOf('PERSON', 'Hi, I’m Sean, policy HX-0098213.', 'en')).toEqual(['Sean']);
    expect(foundOf('PERSON', "i'm john davis, i ordered last week", 'en')).toEqual(['john davis']);
    expect(foundOf('PERSON', "aye it's fiona, 3 Braid Crescent", 'en')).toEqual(['fiona']);
  });

  it('knows common Japanese-Brazilian, Irish, Andean and Basque names', () => {
    expect(foundOf('PERSON', 'consulta com a dra. fernanda yamamoto ainda', 'pt')).toEqual([
      'fernanda yamamoto',
    ]);
    expect(foundOf('PERSON', "Hi, I'm Ciarán O'Donoghue, policy HX-1", 'en')).toEqual(["Ciarán O'Donoghue"]);
    expect(foundOf('PERSON', 'soy ruth quispe mamani con dni 45872136', 'es')).toEqual([
      'ruth quispe mamani',
    ]);
  });

  it('takes a name opening the message before a comma, a name "mãe da" or "um tal de" points at, and "Ma."', () => {
    expect(foundOf('PERSON', 'Juliana, por segurança não compartilhe o número', 'pt')).toEqual(['Juliana']);
    expect(foundOf('PERSON', 'bjs rafa mae da Sofia 5º A 😘', 'pt')).toEqual(['Sofia']);
    expect(foundOf('PERSON', 'Recebi uma ligação de um tal de "Gustavo" dizendo ser', 'pt')).toEqual([
      'Gustavo',
    ]);
    expect(foundOf('PERSON', 'acct name Ma. Cristina dela Cruz, mobile', 'en')).toEqual([
      'Ma. Cristina dela Cruz',
    ]);
  });

  it('leaves out companies, buildings and streets that hold a name', () => {
    expect(foundOf('PERSON', 'entregou as chaves.\nLar & Cia Administradora', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'o elevador do Edifício Vitória Régia será', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Your NBN service at Adelaide St is now active', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'Is the shop on Queen Street still open?', 'en')).toEqual([]);
  });

  it("takes a letter's reader, a grandson, someone thanked by name and a lower-case middle initial", () => {
    expect(foundOf('PERSON', 'Estimada Fernanda: le informamos que su solicitud', 'es')).toEqual([
      'Fernanda',
    ]);
    expect(foundOf('PERSON', "I'm her grandson Hamid Rahimi, text me", 'en')).toEqual(['Hamid Rahimi']);
    expect(foundOf('PERSON', 'Atendente Jéssica: Obrigada, Renan! O modem está', 'pt')).toEqual([
      'Jéssica',
      'Renan',
    ]);
    expect(foundOf('PERSON', 'nome luciana t. barbosa cpf 95982368970', 'pt')).toEqual([
      'luciana t. barbosa',
    ]);
  });

  it('needs more than unknown words after a name that is also a common word, and no place or gallery', () => {
    expect(foundOf('PERSON', 'A CONTA DE LUZ VEIO R$ 847,30', 'pt')).toEqual([]);
    expect(foundOf('PERSON', '• Lorena Centro – Galeria Francisco Alves', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Dear Valued Customer, your order', 'en')).toEqual([]);
  });

  it('takes one unknown word signing after a closing and a comma on the last line', () => {
    expect(foundOf('PERSON', 'ring me on +61 412 558 093. Cheers, Bec', 'en')).toEqual(['Bec']);
    expect(foundOf('PERSON', 'Thanks, Everyone!', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'Obrigado pela ajuda, valeu, Galera', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Obrigado,\nFinanceiro', 'pt')).toEqual([]);
  });

  it("takes an agent's role label, who served the customer, and a name alone after a closing line", () => {
    expect(foundOf('PERSON', '[10:02] Asesor Jonathan: ¡Buen día!', 'es')).toEqual(['Jonathan']);
    expect(foundOf('PERSON', 'Perfecto, reserva garantizada. Le atendió Lorena.', 'es')).toEqual(['Lorena']);
    expect(foundOf('PERSON', 'Favor responder no e-mail.\nAtt,\nDenilson', 'pt')).toEqual(['Denilson']);
    expect(foundOf('PERSON', 'la cita del jueves.\nAtte. Rosmery', 'es')).toEqual(['Rosmery']);
    expect(foundOf('PERSON', 'Obrigado pela ajuda!\nAtenciosamente,\nDiretoria', 'pt')).toEqual([]);
    const signed = 'Atte.,\nRodrigo Arancibia\nEjecutivo de Cuentas – Isapre Vida Sur';
    expect(foundOf('PERSON', signed, 'es')).toEqual(['Rodrigo Arancibia']);
  });

  it("reads speaker labels, possessives, lower-case names after a naming phrase and others' relatives", () => {
    expect(foundOf('PERSON', 'Agent (Brianna): For verification I need your SSN.', 'en')).toEqual([
      'Brianna',
    ]);
    expect(foundOf('PERSON', '10:14 Emily (Agent): Hi there, thanks for waiting.', 'en')).toEqual(['Emily']);
    expect(foundOf('PERSON', "my wife Hannah's is 233 41 5598.", 'en')).toEqual(['Hannah']);
    expect(foundOf('PERSON', 'meu nome é gleiciane aparecida rodrigues, cpf', 'pt')).toEqual([
      'gleiciane aparecida rodrigues',
    ]);
    expect(foundOf('PERSON', 'mi nombre es incorrecto en la factura', 'es')).toEqual([]);
    expect(foundOf('PERSON', 'preciso do nome completo, data de nascimento e CPF', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'Fiadora: a irmã dele, Chiamaka, cel 11 94418-2036.', 'pt')).toEqual([
      'Chiamaka',
    ]);
    expect(foundOf('PERSON', 'pls call my helper Marites at +65 8123 4567', 'en')).toEqual(['Marites']);
  });

  it('signs past a short aside or "!!", and keeps roles, airports and lower-case roles out', () => {
    expect(foundOf('PERSON', 'renda R$ 12 mil.\nAbs, Vera (Imobiliária Horizonte)', 'pt')).toEqual(['Vera']);
    expect(foundOf('PERSON', 'el número de tarjeta es otro. gracias!! Bego', 'es')).toEqual(['Bego']);
    expect(foundOf('PERSON', 'Retirada: Loja Aeroporto Santos Dumont, 14/07 às 10h.', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'e o técnico irá ao endereço amanhã', 'pt')).toEqual([]);
    expect(foundOf('PERSON', 'bom dia sou mae do aluno enzo gabriel do 3º ano', 'pt')).toEqual([
      'enzo gabriel',
    ]);
  });

  it('reads a timed speaker named by one word, a holder named in a sentence, and a list of names', () => {
    const transcript = '09:12 Agent Lucas: Could you spell the surname?\n09:13 Tallulah: sure, one sec';
    expect(foundOf('PERSON', transcript, 'en')).toEqual(['Lucas', 'Tallulah']);
    expect(foundOf('PERSON', '[16:40] Member: hi, card blocked', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'the cardholder is Bogdan Vasilescu, not me', 'en')).toEqual([
      'Bogdan Vasilescu',
    ]);
    expect(foundOf('PERSON', 'el titular es Iñaki Agirre', 'es')).toEqual(['Iñaki Agirre']);
    expect(foundOf('PERSON', 'Hóspedes: Carlos Pereira e Svetlana Morozova, check-in sábado', 'pt')).toEqual([
      'Carlos Pereira',
      'Svetlana Morozova',
    ]);
    // One capitalised word after "e" is no name on that ground alone.
    expect(foundOf('PERSON', 'Fui com a Maria e Depois voltei sozinha', 'pt')).toEqual(['Maria']);
  });

  it('reads applicants, an article before "Dr.", nieces and nephews, and agents labelled by role', () => {
    expect(foundOf('PERSON', 'Tenant application. Applicant: Tamsin Ogilvy, no pets', 'en')).toEqual([
      'Tamsin Ogilvy',
    ]);
    // "Dr" after a capitalised word is Drive, but not after an article.
    expect(foundOf('PERSON', 'El Dr. Fuentealba atiende los martes', 'es')).toEqual(['Fuentealba']);
    expect(foundOf('PERSON', 'Signed by the guarantor, his niece Saoirse', 'en')).toEqual(['Saoirse']);
    const turns = 'Customer: my card was blocked\nAgent Tayshawn: sorry to hear that';
    expect(foundOf('PERSON', turns, 'en')).toEqual(['Tayshawn']);
    expect(foundOf('PERSON', 'Support Team: hello', 'en')).toEqual([]);
    expect(foundOf('PERSON', 'Loja Casa do Pedro Utilidades, pedido 5521', 'pt')).toEqual([]);
  });

  it("reads the owner's name before an address in a pasted e-mail header", () => {
    const header = 'Fwd:\nFrom: Tavita Faleolo <t.faleolo@example.com>\nSubject: lease';
    expect(foundOf('PERSON', header, 'en')).toEqual(['Tavita Faleolo']);
    const recipients = 'Para: Ana Souza <ana@example.com>, Wei Zhang <wei@example.com>';
    expect(foundOf('PERSON', recipients, 'pt')).toEqual(['Ana Souza', 'Wei Zhang']);
    // One word no lexicon knows is no name on that ground alone.
    expect(foundOf('PERSON', 'To: Support <help@example.com>', 'en')).toEqual([]);
  });

  it("reads the reader's relatives and speakers after a time in twelve-hour form", () => {
    expect(foundOf('PERSON', 'or your brother Kevin may call on your behalf', 'en')).toEqual(['Kevin']);
    expect(foundOf('PERSON', 'seu filho Davi ligou ontem', 'pt')).toEqual(['Davi']);
    expect(foundOf('PERSON', 'Agent: hello\n9:15 pm Tallulah: ok', 'en')).toEqual(['Tallulah']);
  });
});
