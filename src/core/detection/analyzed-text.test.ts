import { describe, expect, it } from 'vitest';
import { analyzeText, isDigitCode, isLetterCode, normalizeWord } from './analyzed-text.js';
import { WordTable } from './word-table.js';
import { seededRandom } from './test-support/seeded-random.js';

/**
 * The plain reading the fast scan must agree with: a word is letters (apostrophes inside), its
 * normal form normalizeWord of its text, its classes a Map look-up of that form; case from the
 * string methods.
 */
function referenceWords(text: string, classes: ReadonlyMap<string, number>) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isLetterCode(c)) i++;
      else if ((c === 39 || c === 0x2019) && isLetterCode(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    const word = text.slice(start, i);
    const capitalized = word[0] !== word[0]!.toLowerCase();
    const upper = capitalized && word.length >= 2 && word === word.toUpperCase();
    const norm = normalizeWord(word);
    out.push({ start, end: i, text: word, norm, capitalized, upper, classes: classes.get(norm) ?? 0 });
  }
  return out;
}

/** Runs as a plain scan finds them: digit groups joined by up to three separators, "+"/"(" before. */
function referenceRuns(text: string) {
  const runs = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    if (start > 0 && (text[start - 1] === '+' || text[start - 1] === '(')) start--;
    if (text[start] === '(' && start > 0 && text[start - 1] === '+') start--;
    const groups = [];
    for (;;) {
      const groupStart = i;
      while (isDigitCode(text.charCodeAt(i))) i++;
      groups.push({ start: groupStart, end: i });
      let j = i;
      if (i - groupStart === 1 && text[groupStart] === '0' && /^xx\d/i.test(text.slice(i, i + 3))) j = i + 2;
      while (j - i < 3 && /[ .\-/()\u00a0]/.test(text[j] ?? '')) j++;
      if (j > i && isDigitCode(text.charCodeAt(j))) {
        i = j;
        continue;
      }
      break;
    }
    const digits = groups.map((g) => text.slice(g.start, g.end)).join('');
    runs.push({ start, end: groups[groups.length - 1]!.end, groups, digits });
  }
  return runs;
}

const PIECES = [
  ...'abcxyzXYZáéíóúãõçñÁÉÇÑßİıǅ'.split(''),
  ...["'", '’', ' ', ' ', '.', '-', '/', '(', ')', '+', '\u00a0', ',', '@', '\n', ':'],
  ...'0123456789'.split(''),
  'xx',
  'e\u0301', // decomposed accent
  '😊',
  'Ωμέγα',
  'рус',
  '𝐀',
];
const WORDS = new Map([
  ['maria', 1],
  ['joao', 2],
  ['cpf', 4],
  ["o'brien", 8],
  ['d’avila', 16],
  ['acao', 32],
  ['e', 64],
  ['ωμεγα', 128],
]);

describe('analyzeText', () => {
  it('reads words, their classes and number runs as the plain scan does, on 10,000 random texts', () => {
    const next = seededRandom(20261203);
    const table = new WordTable(WORDS);
    const named = [...WORDS.keys(), 'MARIA', 'João', 'CPF', "O'Brien", 'D’Ávila', 'AÇÃO', 'É', 'ΩΜΕΓΑ'];
    for (let n = 0; n < 10_000; n++) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let k = 0; k < length; k++)
        text +=
          next() < 0.2
            ? named[Math.floor(next() * named.length)]
            : PIECES[Math.floor(next() * PIECES.length)];
      const doc = analyzeText(text, table);
      const words = doc.words.map((w) => ({
        start: w.start,
        end: w.end,
        text: w.text,
        norm: w.norm,
        capitalized: w.capitalized,
        upper: w.upper,
        classes: w.classes,
      }));
      expect(words, JSON.stringify(text)).toEqual(referenceWords(text, WORDS));
      const runs = doc.runs.map(({ start, end, groups, digits }) => ({ start, end, groups, digits }));
      expect(runs, JSON.stringify(text)).toEqual(referenceRuns(text));
      for (const w of doc.words) for (const key of WORDS.keys()) expect(w.normIs(key)).toBe(w.norm === key);
    }
  });
});
