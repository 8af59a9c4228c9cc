/**
 * The words recognizers ask about, looked up straight from the message text: the analysis folds each
 * character (lower case, accents removed) as it scans, hashes the folded characters and probes an
 * open-addressing table, so a word costs neither a lower-cased copy nor a string hash. Words with
 * characters outside the Latin blocks take the slow path: `normalizeWord` and a Map.
 */

/** Latin letters and the apostrophe, folded to one UTF-16 unit; 0 where folding is not one unit. */
const FOLD = (() => {
  const table = new Uint16Array(0x250);
  for (let c = 0; c < table.length; c++) {
    const folded = String.fromCharCode(c).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    table[c] = folded.length === 1 ? folded.charCodeAt(0) : 0;
  }
  return table;
})();

/** The folded unit of `c`, or 0 when `c` needs the slow path. */
export function foldCode(c: number): number {
  return c < 0x250 ? (FOLD[c] as number) : 0;
}

/** One step of the word hash (FNV-1a on folded units). */
export function hashStep(hash: number, folded: number): number {
  return Math.imul(hash ^ folded, 0x01000193);
}

export const HASH_SEED = 0x811c9dc5 | 0;

export class WordTable {
  readonly #keys: string[] = [];
  readonly #classes: number[] = [];
  readonly #byKey = new Map<string, number>();
  /** Ids + 1, 0 for empty; 16 bits each, so the table stays small enough for the CPU's caches. */
  readonly #slots: Uint16Array;
  readonly #mask: number;

  /** @param entries lower-case, accent-free word → class bits */
  constructor(entries: ReadonlyMap<string, number>) {
    if (entries.size >= 0xffff) throw new RangeError(`a word table holds fewer than 65,535 words`);
    let size = 1024;
    while (size < entries.size * 4) size *= 2;
    this.#slots = new Uint16Array(size);
    this.#mask = size - 1;
    for (const [key, bits] of entries) {
      const id = this.#keys.length;
      this.#keys.push(key);
      this.#classes.push(bits);
      this.#byKey.set(key, id);
      const hash = hashOfKey(key);
      if (hash === undefined) continue; // found by the slow path only
      let slot = hash & this.#mask;
      while (this.#slots[slot] !== 0) slot = (slot + 1) & this.#mask;
      this.#slots[slot] = id + 1;
    }
  }

  /**
   * The id of the word text[start..end), whose folded units hash to `hash`; -1 if not a table word.
   * Call only when every unit of the word folds (see foldCode).
   */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] as number;
      if (entry === 0) return -1;
      const key = this.#keys[entry - 1] as string;
      if (key.length !== length) continue;
      let k = 0;
      while (k < length && foldCode(text.charCodeAt(start + k)) === key.charCodeAt(k)) k++;
      if (k === length) return entry - 1;
    }
  }

  /** The id of an already normalized word; -1 if not a table word. */
  findNormalized(norm: string): number {
    return this.#byKey.get(norm) ?? -1;
  }

  key(id: number): string {
    return this.#keys[id] as string;
  }

  classes(id: number): number {
    return this.#classes[id] as number;
  }
}

/** The hash `find` computes for a word whose folded form is `key`; undefined if its units do not fold to themselves. */
function hashOfKey(key: string): number | undefined {
  let hash = HASH_SEED;
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(k);
    // A key is already folded: each unit must fold to itself, or text can never match it unit by unit.
    if (foldCode(c) !== c) return undefined;
    hash = hashStep(hash, c);
  }
  return hash;
}
