import { describe, expect, it } from 'vitest';
import { maskPhone } from './masked-phone.js';

describe('maskPhone', () => {
  it('keeps country code, area code and the last four digits', () => {
    expect(maskPhone('5511912344321')).toBe('+55 11 *****-4321');
    expect(maskPhone('16505551234')).toBe('+1 650 ***-1234');
  });

  it('never shows more than the last four digits of the subscriber number', () => {
    const masked = maskPhone('5521987650000');
    expect(masked).toBe('+55 21 *****-0000');
    expect(masked).not.toContain('98765');
  });

  it('masks a number libphonenumber cannot place, keeping only the last four', () => {
    const masked = maskPhone('999123456789');
    expect(masked.endsWith('-6789')).toBe(true);
    expect(masked).not.toContain('12345');
  });
});
