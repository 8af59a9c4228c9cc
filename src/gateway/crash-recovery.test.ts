import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import {
  ensureBuilt,
  freePort,
  sigkill,
  startVeilServe,
  writeSandboxTenants,
} from './test-support/veil-serve-process.js';

const MESSAGES = 500;
const CUSTOMERS = 20;

beforeAll(ensureBuilt);

let sandbox: Sandbox | undefined;
let child: ChildProcess | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), 'veil-crash-'));
afterAll(async () => {
  child?.kill('SIGKILL');
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const serve = (port: number, tenantsFile: string) => startVeilServe({ dataDir, port, tenantsFile });

describe('crash recovery', () => {
  it(`loses and duplicates nothing when veil serve is SIGKILLed three times while ${MESSAGES} messages flow`, async () => {
    sandbox = await startSandbox({ port: 0, whatsappPort: 0, genesysPort: 0 });
    const { whatsapp, genesys, urls } = sandbox;
    const port = await freePort();
    const tenantsFile = path.join(dataDir, 'tenants.json');
    writeSandboxTenants(tenantsFile, 'crash', sandbox);
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
      await sigkill(child);
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
