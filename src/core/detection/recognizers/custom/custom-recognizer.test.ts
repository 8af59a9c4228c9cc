import { describe, expect, it } from 'vitest';
import { createDetectionEngine } from '../../engine.js';
import { customRecognizer, denyListRecognizer, type LinearPattern } from './custom-recognizer.js';

/** A test pattern over a fixed-shape JavaScript regex; production patterns come from RE2. */
const pattern = (re: RegExp): LinearPattern => ({
  *matches(text) {
    for (const m of text.matchAll(new RegExp(re.source, 'g')))
      yield [m.index!, m.index! + m[0].length] as const;
  },
});

describe('custom recognizers', () => {
  const employee = customRecognizer({
    type: 'EMPLOYEE_ID',
    pattern: pattern(/\bEMP-\d{5}\b/),
    context: ['matrícula', 'employee id'],
    score: 0.55,
  });

  it('finds the pattern and raises the score with its context words', () => {
    const engine = createDetectionEngine({ recognizers: [employee], minScore: 0 });
    const [plain] = engine.detect({ text: 'ref EMP-12345' });
    const [cued] = engine.detect({ text: 'minha matrícula é EMP-12345' });
    expect(plain).toMatchObject({
      type: 'EMPLOYEE_ID',
      start: 4,
      end: 13,
      recognizer: 'custom:employee_id',
      score: 0.55,
    });
    expect(cued!.score).toBeCloseTo(0.85);
  });

  it('applies the optional validator', () => {
    const card = customRecognizer({
      type: 'LOYALTY_CARD',
      pattern: pattern(/\b\d{16}\b/),
      validator: 'luhn',
      score: 0.9,
    });
    const engine = createDetectionEngine({ recognizers: [card] });
    expect(engine.detect({ text: '4111111111111111 4111111111111112' }).map((e) => e.start)).toEqual([0]);
  });

  it('reports deny-listed values on word boundaries only, in any case', () => {
    const deny = denyListRecognizer('PERSON', ['Fulano de Tal']);
    const engine = createDetectionEngine({ recognizers: [deny] });
    expect(engine.detect({ text: 'falei com FULANO DE TAL hoje' })).toEqual([
      { type: 'PERSON', start: 10, end: 23, score: 1, recognizer: 'deny-list:person' },
    ]);
    expect(engine.detect({ text: 'xfulano de tal' })).toEqual([]);
  });
});
