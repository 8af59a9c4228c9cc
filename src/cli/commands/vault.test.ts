import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { registerDetectCommands } from './detect.js';
import { registerKeysCommands } from './keys.js';
import { registerRevealCommand } from './reveal.js';
import { registerVaultCommands } from './vault.js';

/** Runs the real commands in-process against a temporary data directory, capturing stdout. */
async function veil(dataDir: string, ...args: string[]): Promise<{ out: string; code: number }> {
  return veilWithStdin(dataDir, undefined, ...args);
}

async function veilWithStdin(
  dataDir: string,
  stdin: string | undefined,
  ...args: string[]
): Promise<{ out: string; code: number }> {
  const program = new Command('veil').option('--data <dir>').exitOverride();
  registerDetectCommands(program);
  registerVaultCommands(program);
  registerRevealCommand(program);
  registerKeysCommands(program);
  const chunks: string[] = [];
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  process.exitCode = 0;
  const originalStdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  if (stdin !== undefined)
    Object.defineProperty(process, 'stdin', { value: Readable.from([stdin]), configurable: true });
  try {
    await program.parseAsync(['node', 'veil', '--data', dataDir, ...args]);
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
    Object.defineProperty(process, 'stdin', originalStdin);
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: chunks.join(''), code };
}

describe('veil redact --operator tokenize | reveal | keys | vault stats', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'veil-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tokenizes with redact, reveals by role, rotates and rewraps, and reports stats', async () => {
    const text = 'Meu email é maria.souza@example.com e o cartão 4111 1111 1111 1111';
    const redacted = await veil(dir, 'redact', '--operator', 'tokenize', text);
    expect(redacted.code).toBe(0);
    expect(redacted.out).not.toContain('maria.souza@example.com');
    expect(redacted.out).not.toContain('4111 1111 1111 1111');
    const tokens = redacted.out.match(/tok_[a-z2-7]{26}/g) ?? [];
    expect(tokens).toHaveLength(2);
    expect(statSync(path.join(dir, 'keyring.json')).mode & 0o777).toBe(0o600);

    const plain = await veil(dir, 'reveal', '--role', 'admin', ...tokens);
    expect(plain.out).toBe('maria.souza@example.com\n4111 1111 1111 1111\n');
    const masked = await veil(dir, 'reveal', ...tokens);
    expect(masked.out).toBe('m***@e***.com\n****1111\n');
    const redactedLevel = await veil(dir, 'reveal', '--role', 'admin', '--level', 'redacted', tokens[0]!);
    expect(redactedLevel.out).toBe('[EMAIL]\n');
    const unknown = await veil(dir, 'reveal', '--json', 'tok_aaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(JSON.parse(unknown.out)).toMatchObject({ ok: false, code: 'VEIL_ERR_VAULT_TOKEN_NOT_FOUND' });
    expect(unknown.code).toBe(1);

    const encrypted = await veil(dir, 'redact', '--operator', 'encrypt', text);
    const inline = encrypted.out.match(/venc_[A-Za-z0-9_-]+/g) ?? [];
    expect(inline).toHaveLength(2);
    expect((await veil(dir, 'reveal', '--role', 'admin', inline[0]!)).out).toBe('maria.souza@example.com\n');

    expect((await veil(dir, 'keys', 'rotate')).out).toContain('version 2');
    const listed = JSON.parse((await veil(dir, 'keys', 'list', '--json')).out);
    expect(listed).toMatchObject({ kekId: 'veil-kek', currentVersion: 2, provider: 'local' });
    expect(listed.inUse['1']).toBeGreaterThan(0);
    const rewrap = await veil(dir, 'keys', 'rewrap', '--retire');
    expect(rewrap.out).toMatch(/rewrapped \d+ data keys; 0 left/);
    expect(rewrap.out).toContain('retired versions 1');
    expect((await veil(dir, 'reveal', '--role', 'admin', tokens[1]!)).out).toBe('4111 1111 1111 1111\n');

    const stats = JSON.parse((await veil(dir, 'vault', 'stats', '--json')).out);
    expect(stats.tokens).toBe(2);
    expect(stats.dataKeysByKek).toEqual({ 'veil-kek@2': expect.any(Number) });
    const audit = await veil(dir, 'vault', 'audit', '--limit', '100');
    expect(audit.out).toContain('"action":"reveal"');
    expect(audit.out).not.toContain('maria.souza');
  });

  it('tokenizes JSONL from stdin and reveals tokens read from stdin', async () => {
    const lines = [
      { id: 1, text: 'cpf 111.444.777-35 por favor' },
      { id: 2, text: 'email ana@example.com' },
    ];
    const out = await veilWithStdin(
      dir,
      lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
      'redact',
      '--jsonl',
      '--operator',
      'tokenize',
    );
    const results = out.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; text: string });
    expect(results.map((r) => r.id)).toEqual([1, 2]);
    expect(out.out).not.toContain('111.444.777-35');
    expect(out.out).not.toContain('ana@example.com');
    const tokens = results.flatMap((r) => r.text.match(/tok_[a-z2-7]{26}/g) ?? []);
    expect(tokens).toHaveLength(2);
    const revealed = await veilWithStdin(dir, tokens.join('\n') + '\n', 'reveal', '--role', 'admin');
    expect(revealed.out).toBe('111.444.777-35\nana@example.com\n');
  });

  it('erases a subject from the command line', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'veil-cli-'));
    try {
      const { openVault } = await import('../../compose.js');
      const { loadConfig } = await import('../../config/config.js');
      const runtime = await openVault(loadConfig({ dataDir: other }, {}));
      const [r] = await runtime.vault.tokenize([{ value: 'gone@example.com', type: 'EMAIL' }], {
        tenant: 'default',
        subjectId: 'cust-7',
      });
      await runtime.close();
      const token = r!.ok ? r!.token : '';
      expect((await veil(other, 'reveal', '--role', 'admin', token)).out).toBe('gone@example.com\n');
      expect((await veil(other, 'vault', 'erase', 'cust-7')).out).toBe(
        'erased subject cust-7: 1 data keys destroyed\n',
      );
      const after = await veil(other, 'reveal', '--role', 'admin', '--json', token);
      expect(JSON.parse(after.out)).toMatchObject({ ok: false, code: 'VEIL_ERR_VAULT_SUBJECT_ERASED' });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('leaves no vault behind for operators that do not need it', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'veil-cli-'));
    try {
      const out = await veil(other, 'redact', '--operator', 'mask', 'email maria@example.com');
      expect(out.out).not.toContain('maria@example.com');
      expect(() => statSync(path.join(other, 'veil.db'))).toThrow();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
