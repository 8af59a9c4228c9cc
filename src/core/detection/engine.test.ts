import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from './default-engine.js';
import { createDetectionEngine } from './engine.js';
import type { Entity } from './entity.js';
import { resolveOverlaps } from './overlaps.js';
import type { Recognizer } from './recognizer.js';

const fixed = (name: string, entities: Omit<Entity, 'recognizer'>[]): Recognizer => ({
  name,
  types: [...new Set(entities.map((e) => e.type))],
  detect: (_doc, _ctx, sink) => void sink.push(...entities.map((e) => ({ ...e, recognizer: name }))),
});

describe('overlap resolution', () => {
  it('prefers the higher score, then the longer span, whatever the recognizer order', () => {
    const a = { type: 'PHONE', start: 0, end: 11, score: 0.7, recognizer: 'a' };
    const b = { type: 'CPF', start: 0, end: 11, score: 0.9, recognizer: 'b' };
    const c = { type: 'PERSON', start: 5, end: 20, score: 0.9, recognizer: 'c' };
    const d = { type: 'EMAIL', start: 25, end: 30, score: 0.5, recognizer: 'd' };
    expect(resolveOverlaps([a, b, c, d], 40)).toEqual([c, d]);
    expect(resolveOverlaps([d, c, b, a], 40)).toEqual([c, d]);
  });
  it('breaks exact ties by start and type name', () => {
    const x = { type: 'B', start: 0, end: 4, score: 0.8, recognizer: 'x' };
    const y = { type: 'A', start: 0, end: 4, score: 0.8, recognizer: 'y' };
    expect(resolveOverlaps([x, y], 4)).toEqual([y]);
    expect(resolveOverlaps([y, x], 4)).toEqual([y]);
  });
});

describe('detection engine', () => {
  it('applies the minimum score, the type filter and the allow list', () => {
    const recognizer = fixed('t', [
      { type: 'PERSON', start: 0, end: 3, score: 0.9 },
      { type: 'EMAIL', start: 4, end: 7, score: 0.4 },
      { type: 'CPF', start: 8, end: 11, score: 0.9 },
    ]);
    const text = 'Bia abc def';
    expect(
      createDetectionEngine({ recognizers: [recognizer] })
        .detect({ text })
        .map((e) => e.type),
    ).toEqual(['PERSON', 'CPF']);
    expect(createDetectionEngine({ recognizers: [recognizer], minScore: 0.3 }).detect({ text })).toHaveLength(
      3,
    );
    expect(
      createDetectionEngine({ recognizers: [recognizer], types: ['CPF'] })
        .detect({ text })
        .map((e) => e.type),
    ).toEqual(['CPF']);
    expect(
      createDetectionEngine({ recognizers: [recognizer], allowList: ['bia'] })
        .detect({ text })
        .map((e) => e.type),
    ).toEqual(['CPF']);
  });

  it('reports every entity with type, offsets, score and recognizer, offsets in UTF-16 units', () => {
    const text = '😀 CPF 529.982.247-25 🙏 joao@example.com';
    const entities = createDefaultEngine().detect({ text });
    expect(entities.map((e) => text.slice(e.start, e.end))).toEqual(['529.982.247-25', 'joao@example.com']);
    for (const e of entities) {
      expect(e.score).toBeGreaterThan(0);
      expect(e.score).toBeLessThanOrEqual(1);
      expect(e.recognizer).toMatch(/^[a-z-]+$/);
    }
  });

  it('handles several languages in one message without a language hint', () => {
    const text = 'Hola, soy Pablo Alonso. My SSN is 123-45-6789 e meu CPF é 529.982.247-25';
    expect(
      createDefaultEngine()
        .detect({ text })
        .map((e) => e.type),
    ).toEqual(['PERSON', 'US_SSN', 'CPF']);
  });

  it('takes extra cue words for custom vocabularies', () => {
    const engine = createDefaultEngine({ extraCues: { CPF: ['documento fiscal'] } });
    expect(engine.detect({ text: 'documento fiscal 123.456.789-00', lang: 'pt' }).map((e) => e.type)).toEqual(
      ['CPF'],
    );
  });
});

describe('linear time on adversarial input', () => {
  // Each input is 1 MB; a super-linear pattern would not finish within the test timeout.
  const MB = 1_000_000;
  const engine = createDefaultEngine();
  const inputs: Record<string, string> = {
    'one long digit run': '1'.repeat(MB),
    'digits and separators': '1 '.repeat(MB / 2),
    'dotted digits': '1.'.repeat(MB / 2),
    '"a@" repeated': 'a@'.repeat(MB / 2),
    'letters without an at sign': 'a'.repeat(MB),
    'separators only': ' -./'.repeat(MB / 4),
    'spelled-out at markers': ' at '.repeat(MB / 4),
    'colons and hex': 'a:'.repeat(MB / 2),
    'name-like words': 'Maria '.repeat(MB / 6),
    'street words': 'Rua '.repeat(MB / 4),
    'IBAN prefixes': 'DE89 '.repeat(MB / 5),
    'months and digits': '12 de março de '.repeat(MB / 15),
    'cues and values': 'cpf 123.456.789-09 '.repeat(MB / 19),
    'cards and their codes': 'card 4111 1111 1111 1111 123. '.repeat(Math.ceil(MB / 30)),
    'birth questions and answers': 'A: data de nascimento?\nB: 12/03/1990\n'.repeat(MB / 37),
    'lists of numbers': 'pedidos 7733019284 e '.repeat(Math.ceil(MB / 21)),
    'names before addresses': 'De: Ana Souza <ana@example.com>, '.repeat(Math.ceil(MB / 33)),
    'angle brackets': ' <'.repeat(MB / 2),
    'agents labelled by role': 'Agent Tayshawn: ok\n'.repeat(Math.ceil(MB / 19)),
  };
  for (const [name, text] of Object.entries(inputs)) {
    it(`finishes on ${name}`, { timeout: 30_000 }, () => {
      expect(text.length).toBeGreaterThanOrEqual(MB - 15);
      expect(Array.isArray(engine.detect({ text }))).toBe(true);
    });
  }
});
