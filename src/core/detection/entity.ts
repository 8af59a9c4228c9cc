/** The twelve canonical types; custom types from configuration are plain upper-case strings. */
export const CANONICAL_TYPES = [
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'CARD_CVV',
  'CPF',
  'CNPJ',
  'US_SSN',
  'IBAN',
  'IP_ADDRESS',
  'PERSON',
  'DATE_OF_BIRTH',
  'STREET_ADDRESS',
] as const;

export type CanonicalType = (typeof CANONICAL_TYPES)[number];
export type EntityType = CanonicalType | (string & {});

/** A span of sensitive text. Offsets are JavaScript string indices, `end` exclusive. */
export interface Entity {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  /** Confidence in [0, 1]. */
  readonly score: number;
  /** Name of the recognizer that found it. */
  readonly recognizer: string;
}

export type Lang = 'pt' | 'en' | 'es';
