import { createServer } from 'node:http';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './sandbox.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const free = { port: 0, whatsappPort: 0, genesysPort: 0 };
const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('startSandbox without a gateway', () => {
  it('is ready, says the gateway is not there, and wires both simulators to the placeholder', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'veil-sandbox-'));
    sandbox = await startSandbox({ ...free, dataDir });
    const { urls, whatsapp, genesys, tenant } = sandbox;
    expect((await fetch(`${urls.veil}/readyz`)).status).toBe(200);
    const about = (await (await fetch(`${urls.veil}/`)).json()) as Json;
    expect(about.gateway).toMatch(/not there yet/);
    expect(about.whatsapp).toBe(urls.whatsapp);

    const since = whatsapp.events.mark();
    expect(
      (
        await postJson(`${urls.whatsapp}/__sim/customers/${tenant.customerWaId}/messages`, {
          type: 'text',
          text: 'oi',
        })
      ).status,
    ).toBe(202);
    await whatsapp.events.waitFor((e) => e.type === 'webhook.delivered', { since });
    await postJson(`${urls.genesys}/__sim/agent/messages`, { to: `+${tenant.customerWaId}`, text: 'olá' });
    await genesys.events.waitFor((e) => e.type === 'webhook.delivered');
    const counts = ((await (await fetch(`${urls.veil}/`)).json()) as Json).webhooksReceived;
    expect(counts).toEqual({ whatsapp: 1, genesys: 1, badSignatures: 0 });

    const file = path.join(dataDir, 'sandbox', 'tenant.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      customerWaId: tenant.customerWaId,
      urls: { whatsappGraph: urls.whatsapp },
    });
    const verify = (await (await postJson(`${urls.whatsapp}/__sim/verify`, {})).json()) as Json;
    expect(verify.verified).toBe(true);
  });

  it('serves the demo templates as APPROVED', async () => {
    sandbox = await startSandbox(free);
    const { urls, tenant } = sandbox;
    const list = await fetch(
      `${urls.whatsapp}/v23.0/${tenant.whatsapp.wabaId}/message_templates?fields=name,status`,
      {
        headers: { authorization: `Bearer ${tenant.whatsapp.accessToken}` },
      },
    );
    const names = ((await list.json()) as Json).data.map((t: Json) => `${t.name}:${t.status}`);
    expect(names).toEqual(['order_update:APPROVED', 'welcome_back:APPROVED']);
  });
});

describe('startSandbox with a gateway plugged in', () => {
  it('hands the gateway the tenant and sends the simulators’ webhooks to it', async () => {
    const received: string[] = [];
    const server = createServer((request, response) => {
      received.push(request.url ?? '');
      response.writeHead(200).end('{}');
    });
    let context: Json | undefined;
    sandbox = await startSandbox({
      ...free,
      gateway: async (ctx) => {
        context = ctx as unknown as Json;
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const port = (server.address() as { port: number }).port;
        return {
          url: `http://127.0.0.1:${port}`,
          webhookUrls: { whatsapp: `http://127.0.0.1:${port}/wa`, genesys: `http://127.0.0.1:${port}/gc` },
          close: () => new Promise<void>((resolve) => server.close(() => resolve())),
        };
      },
    });
    expect(sandbox.gatewayPresent).toBe(true);
    expect(context).toMatchObject({
      whatsappUrl: sandbox.urls.whatsapp,
      genesysUrl: sandbox.urls.genesys,
      tenant: sandbox.tenant,
    });
    await postJson(`${sandbox.urls.whatsapp}/__sim/customers/${sandbox.tenant.customerWaId}/messages`, {
      type: 'text',
      text: 'hi',
    });
    await sandbox.whatsapp.events.waitFor((e) => e.type === 'webhook.delivered');
    await postJson(`${sandbox.urls.genesys}/__sim/agent/messages`, { to: '+5511987654321', text: 'hello' });
    await sandbox.genesys.events.waitFor((e) => e.type === 'webhook.delivered');
    expect(received).toEqual(['/wa', '/gc']);
  });
});
