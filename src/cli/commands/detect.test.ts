import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin', 'veil.js');

function veil(args: string[], input: string, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'veil-cli-'));
  const result = spawnSync(process.execPath, [bin, '--data', dataDir, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, VEIL_LOG_LEVEL: 'silent', ...env },
  });
  return { ...result, dataDir };
}

const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('veil detect', () => {
  it('speaks the JSONL protocol of the eval kit', () => {
    const input = `${JSON.stringify({ id: 'a', text: 'Meu CPF é 529.982.247-25', lang: 'pt' })}\n${JSON.stringify({ id: 7, text: 'nothing here' })}\n`;
    const { stdout, status } = veil(['detect', '--jsonl'], input);
    expect(status).toBe(0);
    expect(lines(stdout)).toEqual([
      {
        id: 'a',
        entities: [{ type: 'CPF', start: 10, end: 24, score: expect.any(Number), recognizer: 'cpf' }],
      },
      { id: 7, entities: [] },
    ]);
  });

  it('reports a bad line by number without echoing it, goes on, and exits 2', () => {
    const secret = 'card 4111 1111 1111 1111';
    const input = [
      JSON.stringify({ id: '1', text: 'joao@example.com' }),
      `{"id": "2", "text": "${secret}"`,
      JSON.stringify({ id: '3' }),
      JSON.stringify({ id: '4', text: 'CVV 123' }),
    ].join('\n');
    const { stdout, stderr, status } = veil(['detect', '--jsonl'], input);
    expect(status).toBe(2);
    expect(lines(stdout).map((l) => l.id)).toEqual(['1', '4']);
    expect(stderr).toMatch(/line 2: not valid JSON/);
    expect(stderr).toMatch(/line 3: text: /);
    expect(stderr).not.toContain('4111');
  });

  it('prints a human view for plain text', () => {
    const { stdout, status } = veil(['detect', '--lang', 'en'], 'My SSN is 123-45-6789');
    expect(status).toBe(0);
    expect(stdout).toMatch(/US_SSN\s+10-21\s+\d\.\d\d\s+us-ssn\s+"123-45-6789"/);
  });

  it('adds custom types and allow lists from --config', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'veil-conf-'));
    const config = path.join(dir, 'detection.yaml');
    writeFileSync(
      config,
      'allowList: [Juliana]\ncustomTypes:\n  - type: EMPLOYEE_ID\n    pattern: "EMP-[0-9]{5}"\n    score: 0.9\n',
    );
    const { stdout } = veil(
      ['detect', '--jsonl', '--config', config],
      JSON.stringify({ id: 'x', text: 'Falei com a atendente Juliana, matrícula EMP-12345' }),
    );
    expect(lines(stdout)[0]!.entities).toEqual([
      { type: 'EMPLOYEE_ID', start: 41, end: 50, score: 0.9, recognizer: 'custom:employee_id' },
    ]);
  });

  it('fails clearly on a bad config file', () => {
    const { stderr, status } = veil(['detect', '--config', '/nonexistent.yaml', 'x'], '');
    expect(status).toBe(1);
    expect(stderr).toMatch(/cannot read detection config/);
  });
});

describe('veil redact', () => {
  const input = JSON.stringify({ id: 'r', text: 'CPF 529.982.247-25, email joao@example.com', lang: 'pt' });

  it('replaces, masks and removes', () => {
    expect(lines(veil(['redact', '--jsonl'], input).stdout)[0]!.text).toBe('CPF <CPF>, email <EMAIL>');
    expect(lines(veil(['redact', '--jsonl', '--operator', 'mask'], input).stdout)[0]!.text).toBe(
      'CPF ***.982.247-**, email j***@e***.com',
    );
    expect(lines(veil(['redact', '--jsonl', '--operator', 'redact'], input).stdout)[0]!.text).toBe(
      'CPF , email ',
    );
  });

  it('hashes with a key kept 0600 in the data directory, stable across runs with the same key', () => {
    const key = '00112233445566778899aabbccddeeff';
    const a = lines(
      veil(['redact', '--jsonl', '--operator', 'hash'], input, { VEIL_HASH_KEY: key }).stdout,
    )[0]!.text as string;
    const b = lines(
      veil(['redact', '--jsonl', '--operator', 'hash'], input, { VEIL_HASH_KEY: key }).stdout,
    )[0]!.text as string;
    const other = veil(['redact', '--jsonl', '--operator', 'hash'], input);
    expect(a).toBe(b);
    expect(a).toMatch(/^CPF <CPF:[0-9a-f]{64}>, email <EMAIL:[0-9a-f]{64}>$/);
    expect(lines(other.stdout)[0]!.text).not.toBe(a);
    expect(statSync(path.join(other.dataDir, 'keys', 'hash.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses an unknown operator', () => {
    const { stderr, status } = veil(['redact', '--operator', 'shred', 'x'], '');
    expect(status).toBe(1);
    expect(stderr).toMatch(/unknown operator "shred"/);
  });
});
