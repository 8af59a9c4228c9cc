import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresStore,
  TEST_DATABASE_URL,
  type StoreUnderTest,
} from '../adapters/stores/test-support/databases.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import {
  ensureBuilt,
  freePort,
  startVeilServe,
  writeSandboxTenants,
} from './test-support/veil-serve-process.js';

const MESSAGES = 300;
const CUSTOMERS = 16;

beforeAll(ensureBuilt);

let underTest: StoreUnderTest | undefined;
let sandbox: Sandbox | undefined;
const children: ChildProcess[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), 'veil-scale-'));
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await sandbox?.close();
  await underTest?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Checks `condition` every 50 ms until it holds (or fails the test after `timeoutMs`). */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `veil serve` on the shared PostgreSQL schema; resolves once it listens. */
async function serve(port: number, tenantsFile: string, databaseUrl: string): Promise<ChildProcess> {
  // A short lease TTL keeps the takeover within the test's time; nothing else differs from production.
  const env = { VEIL_DATABASE_URL: databaseUrl, VEIL_GATEWAY_LEASE_TTL_SECONDS: '2' };
  const child = await startVeilServe({ dataDir, port, tenantsFile, env });
  children.push(child);
  return child;
}

describe('scale-out with two veil serve processes on PostgreSQL', () => {
  it('both deliver; one is SIGKILLed mid-flow and the other takes over: each message once, in order', async () => {
    underTest = await postgresStore();
    if (!underTest) return; // PostgreSQL not provisioned: skipped with a notice
    const databaseUrl = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${underTest.schema!}`)}`;
    const leases = underTest.store.db.withTables<{
      gateway_leases: { owner: string | null; bucket: number };
    }>();
    const owners = async () => {
      const rows = await leases.selectFrom('gateway_leases').select(['owner']).execute();
      const count = new Map<string, number>();
      for (const { owner } of rows) if (owner) count.set(owner, (count.get(owner) ?? 0) + 1);
      return [...count.values()].sort((a, b) => a - b);
    };

    sandbox = await startSandbox({ port: 0, whatsappPort: 0, genesysPort: 0 });
    const { whatsapp, genesys, urls } = sandbox;
    const tenantsFile = path.join(dataDir, 'tenants.json');
    writeSandboxTenants(tenantsFile, 'scale', sandbox);
    const [portA, portB] = [await freePort(), await freePort()];
    // Every webhook goes to A (one load-balancer target): B only finds its share in the database.
    whatsapp.state.updateSettings({
      webhookUrl: `http://127.0.0.1:${portA}/webhooks/whatsapp`,
      statusDelayMs: 60_000,
    });
    // A first: it creates the shared keyring in the data directory that B then reads.
    await serve(portA, tenantsFile, databaseUrl);
    const b = await serve(portB, tenantsFile, databaseUrl);
    await until(async () => (await owners()).join() === '32,32', 'the buckets to split 32/32');

    const unique = () => genesys.state.seenMessageIds.size;
    const injected: { customer: string; id: string }[] = [];
    const inject = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const customer = `55119${String(20_000_000 + (i % CUSTOMERS))}`;
        const response = await fetch(`${urls.whatsapp}/__sim/customers/${customer}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'text', text: `mensagem ${i} cpf 529.982.247-25` }),
        });
        injected.push({ customer, id: ((await response.json()) as { id: string }).id });
      }
    };
    await inject(0, MESSAGES / 2);
    await until(async () => unique() >= MESSAGES / 2, 'the first half delivered');
    const metrics = await (await fetch(`http://127.0.0.1:${portB}/metrics`)).text();
    const byB = Number(
      /veil_gateway_deliveries_total\{[^}]*outcome="delivered"[^}]*\} (\d+)/.exec(metrics)?.[1] ?? 0,
    );
    expect(byB).toBeGreaterThan(0); // B delivered its share of what A received
    expect(byB).toBeLessThan(MESSAGES / 2);

    // B dies without a word; the second half flows while its leases run out and A takes them.
    b.removeAllListeners('exit');
    const exited = new Promise((resolve) => b.once('exit', resolve));
    b.kill('SIGKILL');
    await exited;
    await inject(MESSAGES / 2, MESSAGES);
    await until(async () => unique() >= MESSAGES, 'every message delivered', 60_000);
    expect(await owners()).toEqual([64]);

    const conversations = (await (await fetch(`${urls.genesys}/__sim/conversations`)).json()) as {
      messages: { text: string }[];
    }[];
    const customerMessages = conversations.flatMap((c) => c.messages);
    expect(customerMessages).toHaveLength(MESSAGES); // each once
    expect(customerMessages.some((m) => m.text.includes('529.982.247-25'))).toBe(false);
    const inbound = (await (await fetch(`${urls.genesys}/__sim/inbound`)).json()) as {
      channel: { messageId: string };
    }[];
    const firstSeen = new Map<string, number>();
    inbound.forEach((m, index) => {
      if (!firstSeen.has(m.channel.messageId)) firstSeen.set(m.channel.messageId, index);
    });
    for (let c = 0; c < CUSTOMERS; c++) {
      const customer = `55119${String(20_000_000 + c)}`;
      const order = injected.filter((m) => m.customer === customer).map((m) => firstSeen.get(m.id)!);
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
  });
});
