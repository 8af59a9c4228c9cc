import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('IBAN recognizer', () => {
  it('finds electronic and print forms in any case', () => {
    expect(foundOf('IBAN', 'IBAN DE89370400440532013000 please', 'en')).toEqual(['DE89370400440532013000']);
    expect(foundOf('IBAN', 'mi IBAN: ES91 2100 0418 4502 0005 1332', 'es')).toEqual([
      'ES91 2100 0418 4502 0005 1332',
    ]);
    expect(foundOf('IBAN', 'conta gb82 west 1234 5698 7654 32 ok', 'pt')).toEqual([
      'gb82 west 1234 5698 7654 32',
    ]);
  });
  it('rejects a wrong mod-97 check and wrong lengths', () => {
    expect(foundOf('IBAN', 'IBAN DE89370400440532013001', 'en')).toEqual([]);
    expect(foundOf('IBAN', 'IBAN DE8937040044053201300', 'en')).toEqual([]);
  });
});
