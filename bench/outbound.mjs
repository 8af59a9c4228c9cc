// bench:outbound — agent messages from Genesys to WhatsApp through Veil's outbound outbox.
//
// Needs a build (`npx tsc -p tsconfig.json`). One process: a bare HTTP server plays the WhatsApp
// Graph API and Genesys (OAuth, receipts); the gateway runs in process on SQLite. Two modes, same run:
//   direct — the benchmark posts the Graph send itself: the floor (HTTP + JSON, no Veil);
//   veil   — signed Open Messaging outbound webhooks to Veil: signature, dedup check, job stored
//            before the 200, worker (per-customer lanes) → Graph send → WhatsApp id recorded.
// Latency is from the webhook's (or direct send's) start to the Graph server receiving the send,
// one clock. BENCH_N messages (default 2000), 32 in flight, over 256 customers.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { openGateway } = await import(path.join(root, 'dist/src/compose-gateway.js'));
const { loadConfig } = await import(path.join(root, 'dist/src/config/config.js'));
const { parseTenants } = await import(path.join(root, 'dist/src/config/tenants.js'));

const N = Number(process.env.BENCH_N ?? 2000);
const CONCURRENCY = 32;
const CUSTOMERS = 256;
const PHONE_ID = '106540352242922';
const INTEGRATION = 'bench-integration';
const WEBHOOK_SECRET = 'bench-webhook-secret';

// The vendors: Graph sends record their arrival by the message text (its id); Genesys answers OAuth and receipts.
const arrivals = new Map();
let waiter;
let sent = 0;
const vendors = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (c) => chunks.push(c));
  request.on('end', () => {
    const json = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/oauth/token')
      return json(200, { access_token: 'bench', token_type: 'bearer', expires_in: 86_400 });
    if (request.url?.endsWith(`/${PHONE_ID}/messages`)) {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const id = body.text?.body;
      if (id && !arrivals.has(id)) arrivals.set(id, performance.now());
      waiter?.();
      return json(200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: body.to }],
        messages: [{ id: `wamid.bench${++sent}` }],
      });
    }
    return json(202, {});
  });
});
await new Promise((resolve) => vendors.listen(0, '127.0.0.1', resolve));
const vendorUrl = `http://127.0.0.1:${vendors.address().port}`;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const customer = (i) => `5511${String(900000000 + (i % CUSTOMERS)).padStart(9, '0')}`;

function graphSend(i, id) {
  return post(
    `${vendorUrl}/v23.0/${PHONE_ID}/messages`,
    JSON.stringify({ messaging_product: 'whatsapp', to: customer(i), type: 'text', text: { body: id } }),
  );
}

function genesysWebhook(url, i, id) {
  const body = JSON.stringify({
    id,
    channel: {
      id: INTEGRATION,
      platform: 'Open',
      type: 'Private',
      to: { id: `+${customer(i)}`, idType: 'Phone' },
      from: { id: INTEGRATION, idType: 'Opaque', nickname: 'Agent' },
      time: new Date().toISOString(),
    },
    type: 'Text',
    text: id,
    direction: 'Outbound',
    originatingEntity: 'Human',
  });
  const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('base64');
  return post(`${url}/webhooks/genesys/${INTEGRATION}`, body, {
    'x-hub-signature-256': `sha256=${signature}`,
  });
}

async function run(label, send) {
  arrivals.clear();
  const started = new Map();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        const id = `${label}-${i}`;
        started.set(id, performance.now());
        const status = await send(i, id);
        if (status !== 200) throw new Error(`${label}: HTTP ${status}`);
      }
    }),
  );
  while (arrivals.size < N) await new Promise((resolve) => (waiter = resolve));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const latencies = [...started].map(([id, at]) => arrivals.get(id) - at).sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    label,
    perSecond: N / seconds,
    p50: pct(50),
    p99: pct(99),
    cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / N,
  };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'veil-bench-outbound-'));
const [tenant] = parseTenants(
  {
    tenants: [
      {
        id: 'bench',
        whatsapp: {
          phoneNumberId: PHONE_ID,
          appSecret: 'a',
          verifyToken: 'v',
          accessToken: 't',
          graphUrl: vendorUrl,
        },
        genesys: {
          loginUrl: vendorUrl,
          apiUrl: vendorUrl,
          clientId: 'c',
          clientSecret: 's',
          integrationId: INTEGRATION,
          webhookSecret: WEBHOOK_SECRET,
        },
        outbound: { agentData: 'allow' },
      },
    ],
  },
  {},
);
const gateway = await openGateway(loadConfig({ dataDir }, {}), { tenants: [tenant] });
const veilUrl = await gateway.app.listen({ port: 0, host: '127.0.0.1' });

const loadBefore = os.loadavg()[0];
const results = [
  await run('direct', (i, id) => graphSend(i, id)),
  await run('veil', (i, id) => genesysWebhook(veilUrl, i, id)),
];
const loadAfter = os.loadavg()[0];
await gateway.close();
vendors.close();
agent.destroy();
rmSync(dataDir, { recursive: true, force: true });

const f = (x) => x.toFixed(1);
console.log(`bench:outbound — ${N} agent messages, ${CONCURRENCY} in flight, ${CUSTOMERS} customers, SQLite`);
console.log(`load average ${f(loadBefore)} → ${f(loadAfter)} on ${os.cpus().length} cores`);
console.log('| mode | messages/s | p50 ms | p99 ms | CPU ms/message (whole process) |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of results)
  console.log(
    `| ${r.label} | ${Math.round(r.perSecond)} | ${f(r.p50)} | ${f(r.p99)} | ${r.cpuMsPerMessage.toFixed(2)} |`,
  );
const [direct, veil] = results;
console.log(
  `added by Veil (webhook, dedup, outbox, worker): p50 ${f(veil.p50 - direct.p50)} ms, p99 ${f(veil.p99 - direct.p99)} ms, ` +
    `${(veil.cpuMsPerMessage - direct.cpuMsPerMessage).toFixed(2)} CPU ms per message`,
);
