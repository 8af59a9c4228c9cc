import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

beforeAll(async () => {
  // CI builds dist/ before the tests (scripts/test.sh); build here only when running this file alone.
  if (!existsSync(path.join(root, 'dist/src/cli/commands/sandbox.js'))) {
    await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root }).catch(() => undefined);
  }
});

/** Starts the CLI and resolves once stdout has printed `marker`, with everything printed so far. */
function start(args: string[], marker: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('node', ['bin/veil.js', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(marker)) resolve({ child, output: () => stdout });
    });
    child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
  });
}

const exitOf = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => child.once('exit', (code) => resolve(code)));

const urlAfter = (output: string, label: string): string => {
  const match = new RegExp(`${label}\\s+(http://127\\.0\\.0\\.1:\\d+)`).exec(output);
  if (!match?.[1]) throw new Error(`no ${label} URL in output`);
  return match[1];
};

describe('veil sandbox', () => {
  it('answers /readyz, runs both simulators, and exits cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'veil-cli-sandbox-'));
    const { child, output } = await start(
      ['sandbox', '--port', '0', '--whatsapp-port', '0', '--genesys-port', '0', '--data', dataDir],
      'Press Ctrl+C to stop.',
    );
    const exited = exitOf(child);
    try {
      const text = output();
      // The composition root plugs the real gateway in: no placeholder.
      expect(text).not.toContain('gateway is not there yet');
      expect(text).toContain(path.join(dataDir, 'sandbox', 'tenant.json'));
      expect(existsSync(path.join(dataDir, 'sandbox', 'tenant.json'))).toBe(true);
      expect((await fetch(`${urlAfter(text, 'Veil')}/readyz`)).status).toBe(200);
      const health = (await (await fetch(`${urlAfter(text, 'WhatsApp sim')}/__sim/health`)).json()) as {
        simulator: string;
      };
      expect(health.simulator).toBe('whatsapp');
      const genesys = (await (await fetch(`${urlAfter(text, 'Genesys sim')}/__sim/health`)).json()) as {
        simulator: string;
      };
      expect(genesys.simulator).toBe('genesys');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

describe('veil sim', () => {
  it('starts the WhatsApp simulator alone and stops on SIGINT', async () => {
    const { child, output } = await start(
      [
        'sim',
        'whatsapp',
        '--port',
        '0',
        '--webhook-url',
        'http://127.0.0.1:9/hook',
        '--app-secret',
        's',
        '--verify-token',
        't',
      ],
      'outbox:',
    );
    const exited = exitOf(child);
    try {
      const url = /WhatsApp simulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1];
      expect((await fetch(`${url}/__sim/health`)).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('starts the Genesys simulator alone and refuses a missing client secret', async () => {
    const { child, output } = await start(
      ['sim', 'genesys', '--port', '0', '--client-id', 'c', '--client-secret', 's'],
      'seen:',
    );
    const exited = exitOf(child);
    try {
      const url = /Genesys simulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1];
      expect((await fetch(`${url}/__sim/health`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const missing = spawn('node', ['bin/veil.js', 'sim', 'genesys', '--client-id', 'c'], {
      cwd: root,
      stdio: 'ignore',
    });
    expect(await exitOf(missing)).not.toBe(0);
  });
});
