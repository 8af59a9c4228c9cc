import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';

describe('email recognizer', () => {
  it.each([
    ['mail: maria.souza+loja@example.com.br!', 'maria.souza+loja@example.com.br'],
    ['RENATA.BARBOSA@INBOX.EXAMPLE.ORG', 'RENATA.BARBOSA@INBOX.EXAMPLE.ORG'],
    ['write to user @ example.org today', 'user @ example.org'],
    ['joao ponto silva arroba gmail ponto com', 'joao ponto silva arroba gmail ponto com'],
    ['maria [at] example [dot] com', 'maria [at] example [dot] com'],
    ['ana (at) example.net', 'ana (at) example.net'],
    ['marcelo[at]webmail[dot]example[dot]net e não chegou', 'marcelo[at]webmail[dot]example[dot]net'],
    ['john dot smith at example dot com', 'john dot smith at example dot com'],
  ])('finds %j', (text, email) => expect(foundOf('EMAIL', text)).toEqual([email]));

  it('ignores handles, bare domains and English "at"', () => {
    expect(foundOf('EMAIL', 'follow @fulano on social', 'en')).toEqual([]);
    expect(foundOf('EMAIL', 'see example.com for details', 'en')).toEqual([]);
    expect(foundOf('EMAIL', 'look at example.com now', 'en')).toEqual([]);
  });
});
