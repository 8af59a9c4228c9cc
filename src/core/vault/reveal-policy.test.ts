import { describe, it, expect } from 'vitest';
import { RevealPolicy } from './reveal-policy.js';

describe('RevealPolicy', () => {
  const policy = new RevealPolicy();

  it('decides by role and type, deny by default', () => {
    expect(policy.decide(['admin'], 'CREDIT_CARD')).toBe('plain');
    expect(policy.decide(['supervisor'], 'CREDIT_CARD')).toBe('masked');
    expect(policy.decide(['supervisor'], 'EMAIL')).toBe('plain');
    expect(policy.decide(['agent'], 'EMAIL')).toBe('masked');
    expect(policy.decide(['agent'], 'CARD_CVV')).toBe('redacted');
    expect(policy.decide(['stranger'], 'EMAIL')).toBe('redacted');
    expect(policy.decide([], 'EMAIL')).toBe('redacted');
  });

  it('takes the best of several roles and lets callers ask for less, never more', () => {
    expect(policy.decide(['analyst', 'agent'], 'EMAIL')).toBe('masked');
    expect(policy.decide(['admin'], 'EMAIL', 'masked')).toBe('masked');
    expect(policy.decide(['agent'], 'EMAIL', 'plain')).toBe('masked');
  });
});
