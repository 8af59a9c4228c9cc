import { describe, expect, it } from 'vitest';
import { reportCorpusDelivery, type SentMessage } from './corpus-report.js';

const message = (text: string, value: string, type: string) => ({
  text,
  entities: [{ type, start: text.indexOf(value), end: text.indexOf(value) + value.length }],
});

describe('reportCorpusDelivery', () => {
  const sent: SentMessage[] = [
    { customer: 'a', id: 'm1', message: message('meu cpf 123.456.789-09', '123.456.789-09', 'CPF') },
    { customer: 'a', id: 'm2', message: message('cvv 031', '031', 'CARD_CVV') },
    { customer: 'b', id: 'm3', message: message('email ana@x.com', 'ana@x.com', 'EMAIL') },
  ];

  it('counts leaks as whole values, duplicates and order breaks', () => {
    const report = reportCorpusDelivery(sent, [
      { channel: { messageId: 'm2' }, text: 'cvv válido até 01/2031' },
      { channel: { messageId: 'm1' }, text: 'meu cpf 123.456.789-09' },
      { channel: { messageId: 'm3' }, text: 'email tok_abc' },
      { channel: { messageId: 'm3' }, text: 'email tok_abc' },
    ]);
    expect(report.leaks).toEqual({ CPF: 1 });
    expect(report.totals).toEqual({ CPF: 1, CARD_CVV: 1, EMAIL: 1 });
    expect(report.arrivedOnce).toBe(2);
    expect(report.orderBroken).toBe(1);
  });

  it('reports a clean delivery as clean', () => {
    const report = reportCorpusDelivery(
      sent,
      sent.map((s) => ({ channel: { messageId: s.id }, text: 'tok_x' })),
    );
    expect(report).toMatchObject({ arrivedOnce: 3, orderBroken: 0, leaks: {} });
  });
});
