import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Sandbox } from '../../../sandbox/index.js';

/** `veil serve` as a real child process, for the tests that kill it. */

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** CI builds dist/ first (scripts/test.sh); this builds it only when a test file runs alone. */
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(path.join(projectRoot, 'dist/src/cli/commands/serve.js')))
    await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: projectRoot }).catch(
      () => undefined,
    );
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A tenants file (0600) for one tenant wired to the sandbox's two simulators. */
export function writeSandboxTenants(file: string, id: string, sandbox: Sandbox): void {
  const { urls, tenant } = sandbox;
  const tenants = [
    {
      id,
      whatsapp: { ...tenant.whatsapp, displayPhoneNumber: undefined, graphUrl: urls.whatsapp },
      genesys: { ...tenant.genesys, loginUrl: urls.genesys, apiUrl: urls.genesys },
    },
  ];
  writeFileSync(file, JSON.stringify({ tenants }), { mode: 0o600 });
}

/** Starts `veil serve`; resolves once it listens, rejects if it exits first. */
export function startVeilServe(options: {
  dataDir: string;
  port: number;
  tenantsFile: string;
  env?: NodeJS.ProcessEnv;
}): Promise<ChildProcess> {
  const child = spawn(
    'node',
    [
      'bin/veil.js',
      '--data',
      options.dataDir,
      'serve',
      '--port',
      String(options.port),
      '--tenants',
      options.tenantsFile,
    ],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolve(child);
    });
    child.on('exit', (code, signal) => reject(new Error(`veil serve exited early (${code ?? signal})`)));
  });
}

/** SIGKILL, and wait until the process is gone. */
export async function sigkill(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
