/**
 * Deterministic synthetic personal data: valid-looking values (check digits right) that belong to
 * nobody, for seeding transcripts that a history anonymizer must clean.
 */
export type Random = () => number;

/** mulberry32: tiny, fast, deterministic. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const digits = (random: Random, count: number): number[] =>
  Array.from({ length: count }, () => Math.floor(random() * 10));

const firstNames = [
  'Ana',
  'João',
  'Mariana',
  'Carlos',
  'Beatriz',
  'Lucas',
  'Sofía',
  'Diego',
  'Emily',
  'James',
  'Olivia',
  'Mateo',
];
const lastNames = [
  'Silva',
  'Souza',
  'Oliveira',
  'Pereira',
  'García',
  'Martínez',
  'Smith',
  'Johnson',
  'Costa',
  'Ferreira',
];
const streets = [
  'Rua das Flores',
  'Avenida Paulista',
  'Rua Augusta',
  'Calle Mayor',
  'Main Street',
  'Rua Sete de Setembro',
];

export interface Person {
  readonly firstName: string;
  readonly lastName: string;
  readonly fullName: string;
  readonly email: string;
  readonly phone: string;
  readonly cpf: string;
  readonly card: string;
  readonly address: string;
}

export function syntheticPerson(random: Random): Person {
  const firstName = pick(random, firstNames);
  const lastName = pick(random, lastNames);
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase();
  return {
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    email: `${ascii(firstName)}.${ascii(lastName)}${Math.floor(random() * 90) + 10}@example.com`,
    phone: `+55 11 9${digits(random, 4).join('')}-${digits(random, 4).join('')}`,
    cpf: cpf(random),
    card: card(random),
    address: `${pick(random, streets)}, ${Math.floor(random() * 2000) + 1}`,
  };
}

/** A CPF with correct mod-11 check digits, formatted 000.000.000-00. */
export function cpf(random: Random): string {
  const base = digits(random, 9);
  if (new Set(base).size === 1) base[0] = ((base[0] ?? 0) + 1) % 10;
  const check = (numbers: number[]) => {
    const sum = numbers.reduce((total, digit, i) => total + digit * (numbers.length + 1 - i), 0);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  const first = check(base);
  const second = check([...base, first]);
  const all = [...base, first, second].join('');
  return `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}`;
}

/** A 16-digit Visa-range number passing Luhn, grouped in fours. */
export function card(random: Random): string {
  const body = [4, ...digits(random, 14)];
  const luhnSum = [...body].reverse().reduce((total, digit, i) => {
    const doubled = i % 2 === 0 ? digit * 2 : digit;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  const all = [...body, (10 - (luhnSum % 10)) % 10].join('');
  return all.replace(/(\d{4})(?=\d)/g, '$1 ');
}
