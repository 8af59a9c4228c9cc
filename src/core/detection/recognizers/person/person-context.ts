/**
 * Context for person names in pt, en and es. Phrases are matched as accent-free lower-case word
 * sequences (see cues.ts); single words are sets.
 */
export const PERSON_CUES: Readonly<Record<string, readonly string[]>> = {
  INTRO: [
    'meu nome e', 'meu nome', 'me chamo', 'sou', 'sou o', 'sou a', 'eu sou', 'eu sou o', 'eu sou a', 'aqui e', 'aqui e o',
    'aqui e a', 'quem fala e', 'fala o', 'fala a', 'falo com', 'falar com', 'falar com o', 'falar com a', 'nome', 'nome do titular',
    'titular', 'titular da conta', 'titular da conta e', 'titular do cartao', 'titular e', 'no nome de', 'em nome de', 'nome de',
    'no nome da', 'no nome do', 'em nome da', 'em nome do', 'a nome de', 'my name is', 'my name s', 'name is', 'name', 'i am', 'i m',
    'this is', 'it s', 'its', 'it is', 'call me', 'ask for', 'talk to', 'speak to', 'speak with', 'talk with', 'holder',
    'account holder', 'cardholder', 'card holder', 'in the name of', 'under the name', 'addressed to', 'me llamo',
    'mi nombre es', 'mi nombre', 'soy', 'soy la', 'soy el', 'habla', 'les escribe', 'le escribe', 'escribe', 'a nombre de',
    'nombre', 'hablar con', 'titular de la cuenta', 'titular de la tarjeta', 'minha esposa', 'minha mulher', 'meu marido',
    'meu esposo', 'meu filho', 'minha filha', 'minha mae', 'meu pai', 'meu irmao', 'minha irma', 'meu vizinho',
    'minha vizinha', 'mi esposa', 'mi esposo', 'mi marido', 'mi mujer', 'mi hijo', 'mi hija', 'mi madre', 'mi padre',
    'mi hermano', 'mi hermana', 'mi vecino', 'mi vecina', 'my wife', 'my husband', 'my son', 'my daughter', 'my mother',
    'my mom', 'my father', 'my dad', 'my brother', 'my sister', 'my neighbor', 'my neighbour', 'atendente', 'o atendente',
    'a atendente', 'agente', 'agent', 'the agent', 'attendant', 'atendido por', 'atendida por', 'attended by',
    'helped by', 'falei com', 'hable con', 'spoke with', 'spoke to', 'is for', 'it s for', 'package is for', 'e para',
    'es para', 'para o', 'para a', 'pedido e para', 'entregar para', 'deliver to', 'ship to', 'recebedor', 'destinatario',
    'recipient', 'contato', 'contacto', 'contact', 'responsavel', 'responsable', 'preguntar por', 'pregunte por',
    'pregunten por', 'perguntar por', 'pergunte por', 'procurar por', 'procure', 'chamar', 'chame', 'quiero hablar con',
    'nome completo', 'nome completo e', 'full name', 'full name is', 'nombre completo',
  ],
  TITLE: ['sr', 'sra', 'srta', 'senhor', 'senhora', 'dona', 'seu', 'dr', 'dra', 'mr', 'mrs', 'ms', 'miss', 'don', 'senor', 'senora', 'prof', 'professor', 'professora'],
  CLOSING: [
    'obrigado', 'obrigada', 'grato', 'grata', 'aguardo', 'att', 'atenciosamente', 'abracos', 'abraco', 'abs', 'beijos',
    'bjs', 'saludos', 'gracias', 'muchas gracias', 'un saludo', 'cordialmente', 'atentamente', 'thanks', 'thank you',
    'thx', 'regards', 'best regards', 'kind regards', 'best', 'cheers', 'sincerely', 'cumprimentos', 'ate mais', 'tchau',
  ],
  BOT: ['assistente virtual', 'virtual assistant', 'asistente virtual', 'assistente', 'assistant', 'asistente', 'bot', 'chatbot', 'robo', 'robot'],
  GREETING: ['oi', 'ola', 'hi', 'hello', 'hey', 'hola', 'bom dia', 'boa tarde', 'boa noite', 'buenos dias', 'buenas tardes', 'buenas noches', 'good morning', 'good afternoon', 'good evening', 'buenas', 'alo'],
};

/** Lower-case particles inside names: "Felipe dos Santos", "María de la Cruz", "Ludwig van Beethoven". */
export const NAME_PARTICLES = new Set(['de', 'da', 'do', 'das', 'dos', 'del', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'las', 'los', 'e', 'y']);
/** Particles that may end up at the edges of a chain and are then trimmed. */
export const JOINING_PARTICLES = new Set(['e', 'y']);

/** Words before a name that make it part of a company, store or brand name ("Calçados Bianca"). */
export const COMPANY_BEFORE = new Set(
  `calcados loja lojas magazine farmacia drogaria padaria mercado supermercado mercadinho auto casa restaurante pizzaria
  otica store shop boutique empresa clinica academia studio estudio salao barbearia imobiliaria construtora transportadora
  editora livraria papelaria floricultura pet hotel pousada bar cafe lanchonete confeitaria distribuidora comercial grupo
  instituto colegio escola universidade banco hospital laboratorio tienda almacen ferreteria zapateria panaderia
  farmacias drogueria taller cafeteria market bakery salon motors garage outlet fundacao fundacion igreja iglesia
  joalheria relojoaria perfumaria doceria sorveteria acougue armazem emporio feira marcenaria serralheria oficina
  veterinaria agropecuaria auto-pecas autopecas pecas moveis tecidos modas confeccoes bazar atacado atacadao`.split(/\s+/),
);

/** Words after a name that make it a company, store or brand ("Sullivan Auto Parts", "Ribeiro Materiais Ltda"). */
export const COMPANY_AFTER = new Set(
  `ltda ltd sa s me eireli epp inc llc corp co company cia materiais parts auto outlet store stores shop express imports
  importados comercio distribuidora hnos hermanos filhos irmaos cia group grupo foods motors services servicos solutions
  tech moveis tecidos calcados modas confeccoes boutique market mart mercado supermercado pharmacy farmacia bakery
  restaurante restaurant cafe bar hotel imoveis construcoes engenharia consultoria advocacia advogados associados
  contabilidade transportes logistica veiculos automoveis pecas eletronicos informatica telecom seguros seguradora
  sports esportes games brinquedos presentes joias cosmeticos beauty clinic clinica odontologia studio academy
  academia fitness pet petshop burger pizza pizzaria grill steakhouse tacos sushi hamburgueria lanches outlet
  electronics hardware supply supplies center centre plaza mall`.split(/\s+/),
);

/** Words before a name that make it part of a place name: "São Paulo", "Porto Alegre", "Santa Maria". */
export const PLACE_BEFORE = new Set(['sao', 'santa', 'santo', 'san', 'porto', 'puerto', 'belo', 'rio', 'vila', 'villa', 'nova', 'novo', 'ciudad', 'saint', 'st', 'fort', 'port', 'lagoa', 'praia', 'monte', 'campo', 'bairro', 'jardim', 'parque', 'colonia', 'barrio']);

/** Cities that are also given names or look like them: never a person without an explicit introduction. */
export const PLACE_NAMES = new Set(
  `natal vitoria salvador florianopolis londrina maringa marilia franca americana palmas lucas regina victoria
  madison orlando austin jackson charlotte lincoln aurora florence eugene savannah raleigh denver phoenix houston dallas
  rosario mercedes concepcion trinidad dolores guadalupe valencia leon elena santiago sebastian jose alicante cordoba
  paris london sydney georgia virginia carolina florida columbia santa maria campinas curitiba recife fortaleza manaus
  belem goiania brasilia osasco santos niteroi sorocaba joinville uberlandia`.split(/\s+/),
);

/** Street-type words: a name right after one is a street name, which the address recognizer owns. */
export const STREET_BEFORE = new Set(['rua', 'r', 'av', 'avenida', 'alameda', 'travessa', 'estrada', 'rodovia', 'praca', 'largo', 'calle', 'paseo', 'plaza', 'carrera', 'avda', 'street', 'avenue', 'road', 'drive', 'boulevard', 'lane']);
