/**
 * Letters of the longest street word written as an abbreviation with a dot ("Av.", "Avda.",
 * "Trav."): a dot after a longer word ("Avenue.") ends a sentence.
 */
export const MAX_STREET_ABBREVIATION = 4;

/** Street-type words that open an address in pt and es (accent-free, lower case; abbreviations without the dot). */
export const STREET_TYPES = new Set(
  `rua r av avenida avda alameda al travessa tv trav estrada estr est rodovia rod praca pca largo viela beco ladeira
  servidao via vila calle c cl paseo plaza pza carrera cra cr kr calzada camino ronda pasaje psje bulevar boulevard
  diagonal transversal jiron jr callejon glorieta avenue carrer passeig avinguda rambla rue boul chemin montee`.split(
    /\s+/,
  ),
);

/** Type words that open an address even in lower case ("moro na rua das flores 12"); the rest must be capitalised. */
export const LOWER_CASE_STREET_TYPES = new Set([
  'rua',
  'avenida',
  'alameda',
  'travessa',
  'estrada',
  'rodovia',
  'praca',
  // Abbreviations no sentence uses as words: "av. insurgentes sur 1602".
  'av',
  'avda',
  // Peru's jirón: "jr. huallaga 455".
  'jr',
  'calle',
  'paseo',
  'plaza',
  'carrera',
  'avenue',
]);

/** English street suffixes after the name: "Maple Drive", "Cedar St". */
export const STREET_SUFFIXES = new Set(
  `street st avenue ave av road rd drive dr lane ln court ct boulevard blvd way place pl terrace ter circle cir parkway
  pkwy highway hwy square sq trail trl loop alley aly row crescent cres close path pike plaza walk parade mews grove
  gardens gdns rise wharf quay esplanade promenade lawn lawns heights vale meadows manor downs circuit cct park`.split(
    /\s+/,
  ),
);

export const DIRECTIONS = new Set([
  'n',
  's',
  'e',
  'w',
  'ne',
  'nw',
  'se',
  'sw',
  'north',
  'south',
  'east',
  'west',
]);

/** Lower-case words inside street names: "Rua das Flores", "Paseo de las Rosas", "Av. XV de Novembro". */
export const NAME_CONNECTORS = new Set([
  'de',
  'da',
  'do',
  'das',
  'dos',
  'del',
  'la',
  'las',
  'los',
  'el',
  'e',
  'y',
]);

/** Words that announce the house number: "nº 123", "n 544", "número 12", "num. 5". */
export const NUMBER_MARKERS = new Set(['n', 'nº', 'no', 'nro', 'num', 'numero', 'number', 'km']);

/** Complement words followed by a value: "apto 45", "bloco A", "sala 1270", "piso 11", "Suite 234". */
export const COMPLEMENT_WORDS = new Set(
  `apto ap apt apartamento apartment bloco bl bloque casa cs sala sl conj cj conjunto andar lote lt loja lj quadra qd
  piso puerta pta depto dpto departamento dep interior int oficina of local escalera esc portal suite ste unit floor fl
  room rm box torre edificio edif predio galpao flat dto app appartement bureau unite`.split(/\s+/),
);

/** Words before a building's name in a complement: "Ed. Solar das Dunas", "Condomínio Vila Verde". */
export const BUILDING_WORDS = new Set([
  'ed',
  'edificio',
  'edif',
  'predio',
  'condominio',
  'cond',
  'residencial',
]);

/** Complements that stand alone: "fundos", "térreo", "bajo", "frente". */
export const STANDALONE_COMPLEMENTS = new Set([
  'fundos',
  'terreo',
  'frente',
  'bajo',
  'atico',
  'sobreloja',
  'cobertura',
  'rear',
  'basement',
]);

/** Words after an ordinal floor number: "7º andar", "3º piso". */
export const FLOOR_WORDS = new Set(['andar', 'piso', 'planta', 'pavimento']);

/** Qualifiers of a Colombian grid number: "Calle 26 Sur # 13-19", "Cra 43A # 1 Sur-100". */
export const GRID_QUALIFIERS = new Set(['sur', 'norte', 'este', 'oeste', 'bis']);

/**
 * Brasília's sector codes, which stand where a street name would ("SQN 308 Bloco C apto 504",
 * "SHIS QI 5 conjunto 3 casa 12"): written in capitals, a number, then a block or house.
 */
export const SECTOR_CODES = new Set(
  `sqn sqs sqsw sqnw shin shis shcn shcs cln cls crn crs scln scls qi ql qe qs qn qnm qnn qnl qsa shn shs`.split(
    /\s+/,
  ),
);
