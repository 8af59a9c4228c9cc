import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../../sandbox/index.js';
import { sandboxTenant } from '../../cli/commands/sandbox-gateway.js';
import { openGateway, type GatewayOpenOptions, type GatewayRuntime } from '../../compose-gateway.js';
import { loadConfig } from '../../config/config.js';
import type { TenantConfig } from '../../config/tenants.js';

/**
 * Both simulators plus a real gateway on loopback (port 0), sharing one data directory so a test
 * can close the gateway and open it again on the same SQLite file.
 */
export interface GatewayHarness {
  readonly sandbox: Sandbox;
  readonly dataDir: string;
  readonly tenant: TenantConfig;
  gateway(): GatewayRuntime;
  url(): string;
  open(options?: Partial<GatewayOpenOptions>): Promise<GatewayRuntime>;
  closeGateway(): Promise<void>;
  close(): Promise<void>;
}

// Simulator answers are read loosely in tests.
/** A JSON body as the simulators' control APIs return it, read loosely in tests. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function startGatewayHarness(
  options: {
    readonly tenant?: (t: TenantConfig) => TenantConfig;
    readonly gateway?: Partial<GatewayOpenOptions>;
  } = {},
): Promise<GatewayHarness> {
  const sandbox = await startSandbox({ port: 0, whatsappPort: 0, genesysPort: 0 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'veil-gateway-'));
  const base = sandboxTenant({
    tenant: sandbox.tenant,
    whatsappUrl: sandbox.urls.whatsapp,
    genesysUrl: sandbox.urls.genesys,
  });
  const tenant = options.tenant ? options.tenant(base) : base;
  let runtime: GatewayRuntime | undefined;
  let url = '';
  const harness: GatewayHarness = {
    sandbox,
    dataDir,
    tenant,
    gateway: () => {
      if (!runtime) throw new Error('gateway not open');
      return runtime;
    },
    url: () => url,
    async open(extra = {}) {
      runtime = await openGateway(loadConfig({ dataDir }, {}), {
        tenants: [tenant],
        ...options.gateway,
        ...extra,
      });
      url = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
      sandbox.whatsapp.state.updateSettings({ webhookUrl: `${url}/webhooks/whatsapp` });
      sandbox.genesys.state.defaultIntegration().outboundNotificationWebhookUrl = `${url}/webhooks/genesys/${tenant.genesys.integrationId}`;
      return runtime;
    },
    async closeGateway() {
      await runtime?.close();
      runtime = undefined;
    },
    async close() {
      await harness.closeGateway();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function getJson<T = Json[]>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

/** Injects a customer message and waits until the simulator's webhook to Veil was answered 200. */
export async function customerSays(
  harness: GatewayHarness,
  body: Json,
  waId = harness.sandbox.tenant.customerWaId,
): Promise<string> {
  const { whatsapp, urls } = harness.sandbox;
  const since = whatsapp.events.mark();
  const response = await postJson(`${urls.whatsapp}/__sim/customers/${waId}/messages`, body);
  const { id } = (await response.json()) as { id: string };
  await whatsapp.events.waitFor(
    (e) =>
      e.type === 'webhook.delivered' &&
      JSON.stringify(JSON.parse((e as { delivery?: { body?: string } }).delivery?.body ?? '{}')).includes(id),
    { since },
  );
  return id;
}

/** An agent's (or, with `purpose: 'bot'`, a bot's) reply through the Genesys simulator; resolves once Genesys has a receipt for it. */
export async function agentSays(h: GatewayHarness, body: Json): Promise<{ id: string; receipt: Json }> {
  const { genesys, urls } = h.sandbox;
  const since = genesys.events.mark();
  const { id } = (await (await postJson(`${urls.genesys}/__sim/agent/messages`, body)).json()) as {
    id: string;
  };
  await genesys.events.waitFor((e) => e.type === 'receipt.received' && (e as { id?: string }).id === id, {
    since,
  });
  const receipts = await getJson(`${urls.genesys}/__sim/receipts`);
  return { id, receipt: receipts.find((r: Json) => r.id === id)! };
}

/** A call to Veil's `/v1` API with an API key. */
export async function apiCall(
  h: GatewayHarness,
  method: string,
  path: string,
  key: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${h.url()}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The texts the Genesys simulator received, in order. */
export const platformTexts = async (h: GatewayHarness): Promise<string[]> =>
  (await getJson(`${h.sandbox.urls.genesys}/__sim/inbound`)).map((m: Json) => m.text as string);

/** The texts WhatsApp was asked to send to customers, in order. */
export const customerTexts = async (h: GatewayHarness): Promise<string[]> =>
  (await getJson(`${h.sandbox.urls.whatsapp}/__sim/outbox`)).map((m: Json) => m.text?.body as string);
