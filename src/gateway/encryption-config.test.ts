import { describe, expect, it } from 'vitest';
import { encryptionConfig, protectsAuthor } from './encryption-config.js';

describe('encryption configs', () => {
  it('acts on every detected type by default, with per-type operators', () => {
    const config = encryptionConfig('standard', {
      authors: ['customer'],
      defaultOperator: 'tokenize',
      byType: { EMAIL: 'mask' },
    });
    expect(config.policy).toEqual({ defaultOperator: 'tokenize', byType: { EMAIL: 'mask' } });
    expect(protectsAuthor(config, 'customer')).toBe(true);
    expect(protectsAuthor(config, 'agent')).toBe(false);
  });

  it('with `types`, lets every other type pass', () => {
    const config = encryptionConfig('cards-only', {
      authors: ['customer', 'agent'],
      defaultOperator: 'tokenize',
      byType: { CREDIT_CARD: 'mask', EMAIL: 'redact' },
      types: ['CREDIT_CARD', 'CPF'],
    });
    expect(config.policy).toEqual({
      defaultOperator: 'allow',
      byType: { CREDIT_CARD: 'mask', CPF: 'tokenize' },
    });
  });
});
