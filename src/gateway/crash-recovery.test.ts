import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MESSAGES = 500;
const CUSTOMERS = 20;

beforeAll(async () => {
  // CI builds dist/ first (scripts/test.sh); build here only when this file runs alone.
  if (!existsSync(path.join(root, 'dist/src/cli/commands/serve.js')))
    await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root }).catch(() => undefined);
});

let sandbox: Sandbox | undefined;
let child: ChildProcess | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), 'veil-crash-'));
afterAll(async () => {
  child?.kill('SIGKILL');
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `veil serve` as a child process; resolves once it listens. */
function serve(port: number, tenantsFile: string): Promise<ChildProcess> {
  const process_ = spawn(
    'node',
    ['bin/veil.js', '--data', dataDir, 'serve', '--port', String(port), '--tenants', tenantsFile],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    process_.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolve(process_);
    });
    process_.on('exit', (code, signal) => reject(new Error(`veil serve exited early (${code ?? signal})`)));
  });
}

async function kill(process_: ChildProcess): Promise<void> {
  process_.removeAllListeners('exit');
  const exited = new Promise((resolve) => process_.once('exit', resolve));
  process_.kill('SIGKILL');
  await exited;
}

describe('crash recovery', () => {
  it(`loses and duplicates nothing when veil serve is SIGKILLed three times while ${MESSAGES} messages flow`, async () => {
    sandbox = await startSandbox({ port: 0, whatsappPort: 0, genesysPort: 0 });
    const { whatsapp, genesys, urls, tenant } = sandbox;
    const port = await freePort();
    const tenantsFile = path.join(dataDir, 'tenants.json');
    writeFileSync(
      tenantsFile,
      JSON.stringify({
        tenants: [
          {
            id: 'crash',
            whatsapp: { ...tenant.whatsapp, displayPhoneNumber: undefined, graphUrl: urls.whatsapp },
            genesys: { ...tenant.genesys, loginUrl: urls.genesys, apiUrl: urls.genesys },
          },
        ],
      }),
      { mode: 0o600 },
    );
    // Meta retries for days; compressed here so webhooks refused while Veil is down come back quickly.
    whatsapp.state.updateSettings({
      webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`,
      statusDelayMs: 60_000,
      retry: {
        maxAttempts: 200,
        firstRetryDelayMs: 20,
        baseDelayMs: 20,
        backoffFactor: 1.5,
        maxDelayMs: 200,
        timeoutMs: 5000,
      },
    });
    const unique = () => genesys.state.seenMessageIds.size;
    const reached = (count: number) =>
      genesys.events.waitFor(() => unique() >= count, { timeoutMs: 120_000 });

    child = await serve(port, tenantsFile);
    const injected: { customer: string; id: string }[] = [];
    const injecting = (async () => {
      for (let i = 0; i < MESSAGES; i++) {
        const customer = `55119${String(10_000_000 + (i % CUSTOMERS))}`;
        const response = await fetch(`${urls.whatsapp}/__sim/customers/${customer}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'text', text: `mensagem ${i} cpf 529.982.247-25` }),
        });
        injected.push({ customer, id: ((await response.json()) as { id: string }).id });
      }
    })();
    const killedAt: number[] = [];
    for (const point of [100, 250, 400]) {
      await reached(point);
      killedAt.push(unique());
      await kill(child);
      child = await serve(port, tenantsFile);
    }
    await injecting;
    await reached(MESSAGES);
    // The kills happened mid-flow, not after everything had arrived.
    expect(killedAt.every((n) => n < MESSAGES)).toBe(true);

    const conversations = (await (await fetch(`${urls.genesys}/__sim/conversations`)).json()) as {
      customer: { id: string };
      messages: { text: string }[];
    }[];
    const customerMessages = conversations.flatMap((c) => c.messages);
    expect(customerMessages).toHaveLength(MESSAGES); // each once: nothing lost, nothing doubled
    expect(customerMessages.some((m) => m.text.includes('529.982.247-25'))).toBe(false);

    // Per customer, the platform's first copies arrive in the order the customer wrote them.
    const inbound = (await (await fetch(`${urls.genesys}/__sim/inbound`)).json()) as {
      channel: { messageId: string; from: { id: string } };
    }[];
    const firstSeen = new Map<string, number>();
    inbound.forEach((m, index) => {
      if (!firstSeen.has(m.channel.messageId)) firstSeen.set(m.channel.messageId, index);
    });
    for (let c = 0; c < CUSTOMERS; c++) {
      const customer = `55119${String(10_000_000 + c)}`;
      const order = injected.filter((m) => m.customer === customer).map((m) => firstSeen.get(m.id)!);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});
