/**
 * Context for person names in pt, en and es. Phrases are matched as accent-free lower-case word
 * sequences (see cues.ts); single words are sets.
 */
/** Titles and honorifics before a name; they are not part of the PERSON span. */
export const TITLES: readonly string[] = [
  'sr',
  'sra',
  'srta',
  'senhor',
  'senhora',
  'dona',
  'seu',
  'dr',
  'dra',
  'mr',
  'mrs',
  'ms',
  'miss',
  'don',
  'dom',
  'senor',
  'senora',
  'prof',
  'professor',
  'professora',
];

/** Relatives, after whom a name follows ("my wife Gisela", "Meu pai, Josenildo Cardoso"). */
const RELATIVES: readonly string[] = [
  ...['his wife', 'her husband', 'his son', 'her son', 'his daughter', 'her daughter', 'his mother'],
  ...['her mother', 'his father', 'her father'],
  // The reader's relatives, named by an agent or a collector: "your brother Kevin", "seu filho Davi".
  ...['your brother', 'your sister', 'your son', 'your daughter', 'your wife', 'your husband'],
  ...['your mother', 'your father', 'seu irmao', 'sua irma', 'seu filho', 'sua filha', 'tu hermano'],
  ...['tu hermana', 'tu hijo', 'tu hija'],
  // "her nephew Caleb", "mi sobrina Valentina".
  ...['my nephew', 'my niece', 'his nephew', 'his niece', 'her nephew', 'her niece'],
  ...['meu sobrinho', 'minha sobrinha', 'mi sobrino', 'mi sobrina', 'su sobrino', 'su sobrina'],
  'minha esposa',
  'minha mulher',
  'meu marido',
  'meu esposo',
  'meu filho',
  'minha filha',
  'minha mae',
  'meu pai',
  'meu irmao',
  'minha irma',
  'meu vizinho',
  'minha vizinha',
  'mi esposa',
  'mi esposo',
  'mi marido',
  'mi mujer',
  'mi hijo',
  'mi hija',
  'mi madre',
  'mi padre',
  'mi hermano',
  'mi hermana',
  'mi vecino',
  'mi vecina',
  'my wife',
  'my husband',
  'my son',
  'my daughter',
  'my mother',
  'my mom',
  'my father',
  'my dad',
  'my brother',
  'my sister',
  'my neighbor',
  'my neighbour',
  'minha avo',
  'meu avo',
  'minha tia',
  'meu tio',
  'meu sogro',
  'minha sogra',
  'meu cunhado',
  'minha cunhada',
  'meu primo',
  'minha prima',
  'minha neta',
  'meu neto',
  'mi abuela',
  'mi abuelo',
  'mi tia',
  'mi tio',
  'mi suegra',
  'mi suegro',
  'mi primo',
  'mi prima',
  'mi mama',
  'mi papa',
  'my mum',
  'my grandmother',
  'my grandfather',
  'my grandma',
  'my grandpa',
  'my aunt',
  'my uncle',
  'my cousin',
  'my partner',
  'my spouse',
  'spouse is',
  'my wife is',
  'my husband is',
  'mi conyuge',
  'meu conjuge',
  // Someone else's relatives and household: "a irmã dele, Chiamaka", "my helper Marites".
  ...['irma dele', 'irma dela', 'irmao dele', 'irmao dela', 'esposa dele', 'marido dela', 'mae dele'],
  ...['mae dela', 'pai dele', 'pai dela', 'filho dele', 'filho dela', 'filha dele', 'filha dela'],
  ...['su esposa', 'su esposo', 'su marido', 'su hijo', 'su hija', 'su madre', 'su padre', 'su hermano'],
  ...['su hermana', 'his sister', 'her sister', 'his brother', 'her brother'],
  ...['my helper', 'my nanny', 'my maid', 'my driver', 'my caregiver', 'minha diarista', 'minha baba'],
  'my grandson',
  'my granddaughter',
  'her grandson',
  'her granddaughter',
  'his grandson',
  'his granddaughter',
  'my boyfriend',
  'my girlfriend',
];

export const PERSON_CUES: Readonly<Record<string, readonly string[]>> = {
  /** Introductions that name whoever follows, even a name no lexicon knows ("pregunten por Lupita"). */
  NAMING: [
    'meu nome e',
    'me chamo',
    'my name is',
    'me llamo',
    'mi nombre es',
    'pregunten por',
    'preguntar por',
    'pregunta por',
    'pergunte por',
    'pergunta por',
    'quien recibe es',
    'quem vai receber e',
    'quem recebe e',
    'perguntar por',
    'ask for',
    'nome completo',
    'full name',
    'nombre completo',
    // An article after "sou" / "aqui é" can only be a person's ("sou a Francielly").
    'sou a',
    'sou o',
    'eu sou a',
    'eu sou o',
    'aqui e a',
    'aqui e o',
    'quem fala e',
    'le habla',
    'les habla',
    'soy',
    'em nome de',
    'no nome de',
    'a nombre de',
    'in the name of',
    'name on the account',
    'name on acct',
    'name on the card',
    'name on card',
    'nome do titular',
    'titular da conta',
    'titular do cartao',
    'titular de la cuenta',
    'titular de la tarjeta',
    'account holder',
    'cardholder',
    'card holder',
    // "account holder is Dmitri Volkov": the field said in a sentence.
    ...['account holder is', 'the account holder is', 'cardholder is', 'card holder is', 'holder is'],
    ...['el titular es', 'la titular es', 'titular de la cuenta es', 'titular de la tarjeta es'],
    'attn',
    'aos cuidados de',
    'falar com o',
    'falar com a',
    'fala com o',
    'fala com a',
    'surname is',
    'last name is',
    'sobrenome e',
    'apellido es',
    // Agents introducing themselves in chat: "you're speaking with Rahul", "está falando com a Keyla".
    'speaking with',
    'chatting with',
    'esta falando com',
    'esta falando com o',
    'esta falando com a',
    'estas hablando con',
    'esta hablando con',
    'recipient is',
    'the recipient is',
    // Someone else named: "o nome dele era vanderlei", "her name is Aoife", "se llama Yoleida".
    ...['nome dele e', 'nome dela e', 'nome dele era', 'nome dela era', 'his name is', 'her name is'],
    ...['his name was', 'her name was', 'su nombre es', 'su nombre era', 'se llama', 'se chama'],
    // "Les escribe Rania Khoury", "quem escreve é a Dona Cida": the writer names themselves.
    ...['les escribe', 'le escribe', 'te escribe', 'quien escribe es', 'quem escreve e', 'quem escreve e a'],
    'landlord is',
    'landlady is',
    'the owner is',
    'o proprietario e',
    'a proprietaria e',
    'el casero es',
    'la casera es',
    'o destinatario e',
    'el destinatario es',
    // "um tal de Gustavo": someone named, whoever they are.
    'um tal de',
    'uma tal de',
    'a guy named',
    'a man named',
    'a woman named',
    'a lady named',
    'someone named',
    'somebody named',
    ...RELATIVES,
    // "rafa, mãe da Sofia": whose relative the writer is names the other.
    ...['mae da', 'mae do', 'pai da', 'pai do', 'avo da', 'avo do', 'tia da', 'tia do', 'tio da', 'tio do'],
    ...['madre de', 'padre de', 'mama de', 'papa de', 'abuela de', 'abuelo de', 'mom of', 'dad of'],
  ],
  INTRO: [
    'meu nome',
    'sou',
    'sou o',
    'sou a',
    'eu sou',
    'eu sou o',
    'eu sou a',
    'aqui e',
    'aqui e o',
    'aqui e a',
    'quem fala e',
    'fala o',
    'fala a',
    'falo com',
    'falar com',
    'falar com o',
    'falar com a',
    'nome',
    'nome do titular',
    'titular',
    'titular da conta',
    'titular da conta e',
    'titular do cartao',
    'titular e',
    'no nome de',
    'em nome de',
    'nome de',
    'no nome da',
    'no nome do',
    'em nome da',
    'em nome do',
    'a nome de',
    // Words keep their apostrophe ("I'm" is one word), in either of the two forms keyboards type.
    "my name's",
    'my name’s',
    'name is',
    'name',
    'i am',
    // A letter's salutation addresses its reader: "Estimada Fernanda:", "Dear Priya,".
    'prezado',
    'prezada',
    'estimado',
    'estimada',
    'dear',
    'querido',
    'querida',
    "i'm",
    'i’m',
    'im',
    'this is',
    "it's",
    'it’s',
    'its',
    'it is',
    'call me',
    'talk to',
    'speak to',
    'speak with',
    'talk with',
    'holder',
    'account holder',
    'cardholder',
    'card holder',
    'in the name of',
    'under the name',
    'mi nombre',
    'soy',
    'soy la',
    'soy el',
    'habla',
    'les escribe',
    'le escribe',
    'escribe',
    'a nombre de',
    'nombre',
    'hablar con',
    'titular de la cuenta',
    'titular de la tarjeta',
    'atendente',
    'o atendente',
    'a atendente',
    'agente',
    'agent',
    'the agent',
    'attendant',
    'atendido por',
    // Who served you: "Le atendió Lorena".
    'le atendio',
    'te atendio',
    'atendida por',
    'attended by',
    'helped by',
    'falei com',
    'hable con',
    'spoke with',
    'spoke to',
    'recebedor',
    'destinatario',
    'recipient',
    'contato',
    'contacto',
    'contact',
    'responsavel',
    'responsable',
    'pregunte por',
    'procurar por',
    'procure',
    'chamar',
    'chame',
    'quiero hablar con',
    'nome completo e',
    'full name is',
  ],
  /**
   * Where a parcel or a message goes: a person, or just as often a place ("deliver to Victoria",
   * "envio a Santiago"), so a city's name after one stays a city.
   */
  DESTINATION: [
    'is for',
    "it's for",
    'it’s for',
    'package is for',
    'e para',
    'es para',
    'para o',
    'para a',
    'pedido e para',
    'entregar para',
    'deliver to',
    'ship to',
    'addressed to',
  ],
  /** An agent's role right before the name, as transcripts label turns: "Asesor Jonathan:". */
  AGENT_ROLE: [
    ...['asesor', 'asesora', 'ejecutivo', 'ejecutiva', 'consultor', 'consultora', 'operador', 'operadora'],
    ...['advisor', 'representative', 'motorista', 'entregador', 'motorizado', 'repartidor', 'driver'],
    ...['courier', 'tecnico', 'technician'],
    // People of the building and the deal: "o porteiro Sebastião", "my landlord Mr. Okoro".
    ...['porteiro', 'porteira', 'portero', 'portera', 'doorman', 'sindico', 'sindica', 'zelador'],
    ...['zeladora', 'landlord', 'landlady', 'casero', 'casera', 'locador', 'locadora', 'corretor'],
    ...['corretora', 'realtor', 'gerente', 'manager', 'supervisor', 'supervisora', 'vendedor', 'vendedora'],
  ],
  TITLE: TITLES,
  /** "a Maria", "o João", "la Vero": an article right before a capitalised given name. */
  ARTICLE: ['a', 'o', 'la', 'el'],
  CLOSING: [
    'obrigado',
    'obrigada',
    'grato',
    'grata',
    'aguardo',
    'att',
    'atte',
    'atenciosamente',
    'abracos',
    'abraco',
    'abs',
    'beijos',
    'bjs',
    'saludos',
    'gracias',
    'muchas gracias',
    'un saludo',
    'cordialmente',
    'atentamente',
    'thanks',
    'thank you',
    'thx',
    'regards',
    'best regards',
    'kind regards',
    'best',
    'cheers',
    'sincerely',
    'cumprimentos',
    'ate mais',
    'tchau',
  ],
  BOT: [
    'assistente virtual',
    'virtual assistant',
    'asistente virtual',
    'assistente',
    'assistant',
    'asistente',
    'bot',
    'chatbot',
    'robo',
    'robot',
  ],
  GREETING: [
    'oi',
    'ola',
    'hi',
    'hello',
    'hey',
    'hola',
    'bom dia',
    'boa tarde',
    'boa noite',
    'buenos dias',
    'buenas tardes',
    'buenas noches',
    'good morning',
    'good afternoon',
    'good evening',
    'buenas',
    'alo',
  ],
};

/** Lower-case particles inside names: "Felipe dos Santos", "María de la Cruz", "Ludwig van Beethoven". */
export const NAME_PARTICLES = new Set([
  'de',
  'da',
  'do',
  'das',
  'dos',
  'del',
  'di',
  'dela',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  // Catalan "i" joins two surnames: "Montserrat Puig i Vidal".
  'i',
  'las',
  'los',
  'e',
  'y',
]);
/** Particles that may end up at the edges of a chain and are then trimmed. */
export const JOINING_PARTICLES = new Set(['e', 'y', 'i']);

/** Words before a name that make it part of a company, store or brand name ("Calçados Bianca"). */
export const COMPANY_BEFORE = new Set(
  `calcados loja lojas magazine farmacia drogaria padaria mercado supermercado mercadinho auto casa restaurante pizzaria
  otica store shop boutique empresa clinica academia studio estudio salao barbearia imobiliaria construtora transportadora
  editora livraria papelaria floricultura pet hotel pousada bar cafe lanchonete confeitaria distribuidora comercial grupo
  instituto colegio escola universidade banco hospital laboratorio tienda almacen ferreteria zapateria panaderia
  edificio condominio residencial building galeria shopping
  farmacias drogueria taller cafeteria market bakery salon motors garage outlet fundacao fundacion igreja iglesia
  joalheria relojoaria perfumaria doceria sorveteria acougue armazem emporio feira marcenaria serralheria oficina
  veterinaria agropecuaria auto-pecas autopecas pecas moveis tecidos modas confeccoes bazar atacado atacadao
  muebles mudancas mudanzas viajes viagens turismo polleria estadio stadium biblioteca library lavanderia cartorio estadual municipal plano bloco torre pabellon pavilhao pavilion auditorio sala vip terminal estacao estacion aeroporto aeropuerto israelita`
    .split(/\s+/)
    // Chains name themselves in the plural too: "Zapaterías Don Pedro", "Farmácias Pague Menos".
    .flatMap((word) => [word, `${word}s`, /[lnr]$/.test(word) ? `${word}es` : `${word}s`]),
);

/**
 * Words after a name that make it a company, store or brand ("Sullivan Auto Parts", "Ribeiro
 * Materiais Ltda", "Reyes Dental") or a place ("Victoria Island").
 */
export const COMPANY_AFTER = new Set(
  `ltda ltd sa s me eireli epp inc llc corp co company cia materiais parts auto outlet store stores shop express imports
  importados comercio distribuidora hnos hermanos filhos irmaos cia group grupo foods motors services servicos solutions
  tech moveis tecidos calcados modas confeccoes boutique market mart mercado supermercado pharmacy farmacia bakery
  restaurante restaurant cafe bar hotel imoveis construcoes engenharia consultoria advocacia advogados associados
  contabilidade transportes logistica veiculos automoveis pecas eletronicos informatica telecom seguros seguradora
  sports esportes games brinquedos presentes joias cosmeticos beauty clinic clinica odontologia studio academy
  academia fitness pet petshop burger pizza pizzaria grill steakhouse tacos sushi hamburgueria lanches outlet
  electronics hardware supply supplies center centre plaza mall dental medical realty insurance law legal accounting
  consulting utilidades variedades
  centro island islands beach bay lake valley heights village county isla playa ilha hall tower station airport community garden elementary`.split(
    /\s+/,
  ),
);

/** Words before a name that make it part of a place name: "São Paulo", "Porto Alegre", "Santa Maria". */
export const PLACE_BEFORE = new Set([
  'sao',
  'santa',
  'santo',
  'san',
  'porto',
  'puerto',
  'belo',
  'rio',
  'vila',
  'villa',
  'nova',
  'novo',
  'ciudad',
  'saint',
  'st',
  'fort',
  'port',
  'lagoa',
  'praia',
  'monte',
  'campo',
  'bairro',
  'jardim',
  'parque',
  'colonia',
  'barrio',
  'aeroporto',
  'aeropuerto',
  'airport',
  'estacao',
  'estacion',
  'terminal',
  'sant',
]);

/** Cities that are also given names or look like them: never a person without an explicit introduction. */
export const PLACE_NAMES = new Set(
  `natal vitoria salvador florianopolis londrina maringa marilia franca americana palmas lucas regina victoria
  madison orlando austin jackson charlotte lincoln aurora florence eugene savannah raleigh denver phoenix houston dallas
  rosario mercedes concepcion trinidad dolores guadalupe valencia leon elena santiago sebastian jose alicante cordoba
  paris london sydney georgia virginia carolina florida columbia campinas curitiba recife fortaleza manaus
  belem goiania brasilia osasco santos niteroi sorocaba joinville uberlandia`.split(/\s+/),
);

/** Street-type words: a name right after one is a street name, which the address recognizer owns. */
export const STREET_BEFORE = new Set([
  'rua',
  'r',
  'av',
  'avenida',
  'alameda',
  'travessa',
  'estrada',
  'rodovia',
  'praca',
  'largo',
  'calle',
  'paseo',
  'plaza',
  'carrera',
  'avda',
  'street',
  'avenue',
  'road',
  'drive',
  'boulevard',
  'lane',
]);

/** Words right after a name that make it an introduction: "Maria aqui", "John speaking". */
export const AFTER_INTRO = new Set(['aqui', 'here', 'speaking', 'falando', 'hablando', 'aca']);

/**
 * Titles that only ever stand before a person's name. "Seu" (also "your"), "Don", "Miss" and
 * "Professor" are titles too, but they stand before ordinary words as well.
 */
export const NAME_ONLY_TITLES = new Set([
  'sr',
  'sra',
  'srta',
  'dr',
  'dra',
  'mr',
  'mrs',
  'ms',
  'dona',
  'senor',
  'senora',
  'senhor',
  'senhora',
]);

/** What service messages call people after a title ("Prezado Sr. Cliente"): roles, not names. */
export const ROLES = new Set([
  ...['cliente', 'clienta', 'usuario', 'usuaria', 'consumidor', 'consumidora', 'titular', 'responsavel'],
  ...['gerente', 'atendente', 'supervisor', 'supervisora', 'presidente', 'diretor', 'diretora'],
  ...['customer', 'user', 'manager', 'agent', 'president', 'director'],
  // A credit union's or a club's customer: "[10:03] Member: ...".
  ...['member', 'membro', 'miembro', 'socio', 'socia', 'associado', 'associada', 'afiliado', 'afiliada'],
  // Whose relative or what someone is, before the name: "mãe do aluno Enzo".
  ...['aluno', 'aluna', 'alumno', 'alumna', 'estudante', 'estudiante', 'student', 'paciente', 'patient'],
  ...['passageiro', 'passageira', 'pasajero', 'pasajera', 'passenger', 'hospede', 'huesped', 'guest'],
  ...['morador', 'moradora', 'inquilino', 'inquilina', 'tenant', 'funcionario', 'funcionaria', 'employee'],
]);

/** Roles that label a transcript's turns beside a name: "Agent Keisha:", "Emily (Agent):". */
export const LABEL_ROLES = new Set(
  'agent agente atendente asesor asesora advisor rep support soporte suporte'.split(' '),
);

/**
 * Form fields that a name fills ("Nome: Ayumi Higa", "Titular: ...", "Contacto: ..."): followed by a
 * colon, even a name no lexicon knows is one.
 */
export const FIELD_LABELS = new Set([
  ...['nome', 'name', 'nombre', 'sobrenome', 'surname', 'apellido', 'apellidos', 'titular', 'holder'],
  ...['responsavel', 'responsable', 'contato', 'contacto', 'contact', 'destinatario', 'recebedor'],
  ...['recipient', 'beneficiario', 'beneficiary', 'paciente', 'patient', 'cliente', 'customer'],
  // Applications and guarantees: "Applicant: Brodie McAllister", "Fiador: ...".
  ...['applicant', 'solicitante', 'requerente', 'fiador', 'fiadora', 'guarantor', 'avalista'],
]);

/**
 * Words of the three languages' grammar (and the chat's shorthands for them), compass points,
 * salutations ("Prezada") and departments ("Servicio al Cliente") that no name is made of: a run of capitalised or shouted words stops at them ("MY NAME IS
 * GERALDINE MCALLISTER AND MY NUMBER...", "Asa Norte"). Particles ("de", "da", "y") are handled apart.
 */
export const NOT_NAME_WORDS = new Set(
  `and or but nor the an of for to in on at by as is are was were be been am it its this that these those with from
  into onto about after before than then so if not no yes my your his her our their me you he she we they him them us
  who whom which what when where why how all any some please pls thanks thx here there now today also too very just
  ou mas nem um uma uns umas os as em no na nos nas num numa com sem para pra pro por pelo pela pelos pelas que se nao
  sim meu minha meus minhas seu sua seus suas nosso nossa dele dela deles delas eu voce vc ele ela eles elas isso isto
  aquilo esse essa este esta aqui ali la ja tambem tb mais menos muito quando onde como porque pq qual quem hoje agora
  o pero ni unos unas en con sin para por que si mi mis tu tus su sus nuestro nuestra yo usted ustedes el ella ellos
  ellas eso esto aqui alli ya tambien tmb mas menos muy cuando donde como porque xq cual quien hoy ahora
  norte sul leste oeste sur este north south east west nordeste sudeste noroeste sudoeste
  i'm i’m it's it’s i'd i’d i've i’ve i'll i’ll that's that’s we're we’re you're you’re he's he’s she's she’s
  prezado prezada querido querida estimado estimada caro cara dear
  servicio atencion atendimento suporte soporte support service equipe equipo team area setor departamento
  department financeiro cobranca cobranzas ventas vendas sales billing reclamos reclamacoes ouvidoria
  bye goodbye adios chau ciao valeu vlw flw tchau
  diretoria secretaria gerencia administracao administracion management recepcao recepcion reception portaria
  coordenacao coordinacion tesouraria tesoreria contabilidade contabilidad accounts accounting compras purchasing
  everyone everybody guys folks mate galera pessoal todos todas gente amigos amigo amiga`.split(/\s+/),
);

/** Generational suffixes that close a name: "José da Silva Filho", "John Smith Jr". */
export const NAME_SUFFIXES = new Set([
  'filho',
  'filha',
  'junior',
  'jr',
  'neto',
  'neta',
  'sobrinho',
  'ii',
  'iii',
]);

/** Surnames of Korea, China and Vietnam that follow a hyphenated given name ("Min-jun Park"). */
export const EAST_ASIAN_SURNAMES = new Set(
  // Not those that are common words of the chat's languages ("do", "na", "he", "le", "son", "sun").
  `kim lee park choi jung jeong kang cho yoon yun jang lim han seo shin kwon hwang ahn yoo hong jeon
  yang bae baek sim noh kwak joo ryu jin wang li zhang liu chen huang zhao zhou xu guo lin luo nguyen
  tran pham hoang phan vu vo dang bui ngo duong`.split(/\s+/),
);
