/**
 * Payment card issuer ranges (IIN prefixes and lengths) from the networks' published tables as
 * collected in ISO/IEC 7812 registries: a number is a card only when a known issuer range and
 * length match. Ranges are inclusive and compared on the same number of leading digits.
 */
interface IssuerRange {
  readonly issuer: string;
  readonly from: number;
  readonly to: number;
  readonly lengths: readonly number[];
}

const range = (issuer: string, from: number, to: number, lengths: readonly number[]): IssuerRange => ({
  issuer,
  from,
  to,
  lengths,
});
const L16_19 = [16, 17, 18, 19];

const ELO_RANGES: readonly [number, number][] = [
  [401178, 401179],
  [431274, 431274],
  [438935, 438935],
  [451416, 451416],
  [457393, 457393],
  [457631, 457632],
  [504175, 504175],
  [506699, 506778],
  [509000, 509999],
  [627780, 627780],
  [636297, 636297],
  [636368, 636368],
  [650031, 650033],
  [650035, 650051],
  [650405, 650439],
  [650485, 650538],
  [650541, 650598],
  [650700, 650718],
  [650720, 650727],
  [650901, 650978],
  [651652, 651679],
  [655000, 655019],
  [655021, 655058],
];

const ISSUER_RANGES: readonly IssuerRange[] = [
  range('visa', 4, 4, [13, 16, 19]),
  range('mastercard', 51, 55, [16]),
  range('mastercard', 2221, 2720, [16]),
  range('amex', 34, 34, [15]),
  range('amex', 37, 37, [15]),
  ...ELO_RANGES.map(([a, b]) => range('elo', a, b, [16])),
  range('hipercard', 606282, 606282, [16, 19]),
  range('hipercard', 384100, 384100, [16, 19]),
  range('hipercard', 384140, 384140, [16, 19]),
  range('hipercard', 384160, 384160, [16, 19]),
  range('diners', 300, 305, [14, 16, 17, 18, 19]),
  range('diners', 36, 36, [14, 16, 17, 18, 19]),
  range('diners', 38, 39, [14, 16, 17, 18, 19]),
  range('discover', 6011, 6011, L16_19),
  range('discover', 644, 649, L16_19),
  range('discover', 65, 65, L16_19),
  range('discover', 622126, 622925, L16_19),
  range('jcb', 3528, 3589, L16_19),
  range('unionpay', 62, 62, L16_19),
  range('mir', 2200, 2204, L16_19),
  range('maestro', 5018, 5018, [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', 5020, 5020, [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', 5038, 5038, [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', 6304, 6304, [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', 6759, 6759, [12, 13, 14, 15, 16, 17, 18, 19]),
  range('maestro', 6761, 6763, [12, 13, 14, 15, 16, 17, 18, 19]),
];

/** The issuer whose range and length match, if any. */
export function cardIssuer(digits: string): string | undefined {
  for (const r of ISSUER_RANGES) {
    if (!r.lengths.includes(digits.length)) continue;
    const width = String(r.from).length;
    const prefix = Number(digits.slice(0, width));
    if (prefix >= r.from && prefix <= r.to) return r.issuer;
  }
  return undefined;
}
