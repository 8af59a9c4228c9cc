/** Month names and common abbreviations in pt, en and es (accent-free, lower case) → month number. */
const FULL: Record<string, number> = {
  janeiro: 1,
  fevereiro: 2,
  marco: 3,
  abril: 4,
  maio: 5,
  junho: 6,
  julho: 7,
  agosto: 8,
  setembro: 9,
  outubro: 10,
  novembro: 11,
  dezembro: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  enero: 1,
  febrero: 2,
  marzo: 3,
  mayo: 5,
  junio: 6,
  julio: 7,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};

const ABBREVIATED: Record<string, number> = {
  jan: 1,
  fev: 2,
  feb: 2,
  mar: 3,
  abr: 4,
  apr: 4,
  mai: 5,
  jun: 6,
  jul: 7,
  ago: 8,
  aug: 8,
  set: 9,
  sep: 9,
  sept: 9,
  out: 10,
  oct: 10,
  nov: 11,
  dez: 12,
  dec: 12,
  dic: 12,
  ene: 1,
};

const FULL_MONTHS = new Map(Object.entries(FULL));
const ABBREVIATED_MONTHS = new Map(Object.entries(ABBREVIATED));

/** Every month word, in full or abbreviated. */
export const MONTH_WORDS: readonly string[] = [...FULL_MONTHS.keys(), ...ABBREVIATED_MONTHS.keys()];

/** The month a word names; abbreviations count only where `allowAbbreviation` (they are also common words). */
export function monthOf(norm: string, allowAbbreviation: boolean): number | undefined {
  return FULL_MONTHS.get(norm) ?? (allowAbbreviation ? ABBREVIATED_MONTHS.get(norm) : undefined);
}
