import { describe, expect, it } from 'vitest';
import { isVeilError } from '../errors.js';
import { resolveFallback } from './fallback.js';

const statuses: Record<string, string> = {
  'order_shipped/pt_BR': 'PAUSED',
  'order_shipped_simple/pt_BR': 'APPROVED',
  'order_shipped_simple/es': 'PENDING',
};
const statusOf = (name: string, language: string) => statuses[`${name}/${language}`];
const chain = [{ template: 'order_shipped_simple' }, { text: 'Seu pedido foi enviado.' }];

describe('fallback chains', () => {
  it('sends the requested template when it is approved', () => {
    const d = resolveFallback('order_shipped_simple', 'pt_BR', { statusOf, chain: [], windowOpen: false });
    expect(d).toMatchObject({ choice: { kind: 'template', name: 'order_shipped_simple' }, fellBack: false });
  });

  it('falls through a paused template to the next approved one and records why', () => {
    const d = resolveFallback('order_shipped', 'pt_BR', { statusOf, chain, windowOpen: false });
    expect(d.choice).toEqual({ kind: 'template', name: 'order_shipped_simple', language: 'pt_BR' });
    expect(d.steps).toEqual([
      { candidate: 'template order_shipped (pt_BR)', outcome: 'skipped', reason: 'status PAUSED' },
      { candidate: 'template order_shipped_simple (pt_BR)', outcome: 'chosen', reason: 'APPROVED' },
    ]);
  });

  it('uses plain text only while the 24-hour window is open', () => {
    const open = resolveFallback('order_shipped', 'es', { statusOf, chain, windowOpen: true });
    expect(open.choice).toEqual({ kind: 'text', text: 'Seu pedido foi enviado.' });
    try {
      resolveFallback('order_shipped', 'es', { statusOf, chain, windowOpen: false });
      expect.fail('should refuse');
    } catch (error) {
      expect(isVeilError(error) && error.code).toBe('VEIL_ERR_TEMPLATE_NO_USABLE_FALLBACK');
      expect((error as Error).message).toMatch(/window closed/);
    }
  });
});
