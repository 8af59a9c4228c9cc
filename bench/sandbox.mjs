// Benchmark of the sandbox simulators, so gateway benchmarks know whether the simulators can keep up.
// The servers run as child processes (`veil sim …` and a bare Fastify server), the client here, as a
// gateway would see them. Rows, in one run:
//   - Genesys: inbound Open Messaging message accepted (auth, validation, dedup, storage) vs a bare
//     Fastify route answering the same bodies;
//   - WhatsApp: customer-message injection → signed webhook delivered to a receiver here, vs signing and
//     POSTing the same kind of webhook directly from this process.
// Requires `npx tsc -p tsconfig.json` first. BENCH_N sets the requests per row (default 3000).
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_N ?? 3000);
const CONCURRENCY = 32;
const children = [];

/** Starts a child and resolves with the first http://127.0.0.1:port URL it prints. */
function startChild(args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve(match[0]);
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

async function timed(label, count, task, warmup = Math.min(500, count)) {
  // Warm-up (JIT, connection pool) is not measured.
  for (let i = 0; i < warmup; i += CONCURRENCY) {
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, k) => task(count + i + k)));
  }
  const latencies = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await task(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const rate = count / ((performance.now() - started) / 1000);
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(2);
  console.log(
    `${label.padEnd(50)} ${rate.toFixed(0).padStart(6)} req/s   p50 ${pct(0.5)} ms   p99 ${pct(0.99)} ms`,
  );
  return rate;
}

const customer = (i) => `55119${String(i % 500).padStart(8, '0')}`;
const inboundBody = (i) =>
  JSON.stringify({
    channel: {
      messageId: `wamid.bench.${i}`,
      from: { id: `+${customer(i)}`, idType: 'Phone' },
      time: new Date().toISOString(),
    },
    text: `Mensagem ${i}: meu CPF é 529.982.247-25`,
  });

async function genesys() {
  const bareServer = `import Fastify from 'fastify';
    const app = Fastify();
    app.post('/inbound', async (request) => ({ id: 'x', received: request.body !== undefined }));
    console.log(await app.listen({ host: '127.0.0.1', port: 0 }));`;
  const bareUrl = await startChild(['--input-type=module', '-e', bareServer]);
  const url = await startChild([
    'bin/veil.js',
    'sim',
    'genesys',
    '--port',
    '0',
    '--client-id',
    'c',
    '--client-secret',
    's',
  ]);
  await fetch(`${url}/__sim/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rateLimitPerMinute: 100_000_000, receiptsForInbound: false }),
  });
  const tokenResponse = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('c:s').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const { access_token: token } = await tokenResponse.json();
  const integrationId = (await (await fetch(`${url}/__sim/health`)).json()).integrationId;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = (target, i) =>
    fetch(target, { method: 'POST', headers, body: inboundBody(i) }).then((r) => r.arrayBuffer());
  await timed('baseline: bare Fastify POST, same bodies', N, (i) => post(`${bareUrl}/inbound`, i));
  await timed('Genesys sim: inbound open message accepted', N, (i) =>
    post(`${url}/api/v2/conversations/messages/${integrationId}/inbound/open/message`, i),
  );
}

async function whatsapp() {
  let received = 0;
  let notify = () => undefined;
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      response.writeHead(200).end();
      notify();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${receiver.address().port}/hook`;
  const until = (target) =>
    new Promise((resolve) => {
      notify = () => received >= target && resolve();
      notify();
    });
  const text = (i) => `Oi, meu CPF é 529.982.247-25 (${i})`;

  const direct = await timed('baseline: sign + POST a webhook directly', N, (i) => {
    const payload = Buffer.from(
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [{ field: 'messages', value: { messages: [{ id: `m${i}`, text: { body: text(i) } }] } }],
          },
        ],
      }),
    );
    const signature = `sha256=${createHmac('sha256', 'secret').update(payload).digest('hex')}`;
    return fetch(hookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body: payload,
    }).then((r) => r.arrayBuffer());
  });

  const url = await startChild([
    'bin/veil.js',
    'sim',
    'whatsapp',
    '--port',
    '0',
    '--webhook-url',
    hookUrl,
    '--app-secret',
    'secret',
    '--verify-token',
    'v',
  ]);
  const inject = (i) =>
    fetch(`${url}/__sim/customers/${customer(i)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'text', text: text(i) }),
    }).then((r) => r.arrayBuffer());
  // Warm the simulator and its delivery path; count only the measured run.
  const before = received;
  await Promise.all(Array.from({ length: 300 }, (_, i) => inject(N + i)));
  await until(before + 300);
  received = 0;
  const started = performance.now();
  await timed('WhatsApp sim: inject customer message (202)', N, inject, 0);
  await until(N);
  const endToEnd = N / ((performance.now() - started) / 1000);
  console.log(
    `${'WhatsApp sim: inject → signed webhook delivered'.padEnd(50)} ${endToEnd.toFixed(0).padStart(6)} msg/s  (direct baseline ${direct.toFixed(0)} msg/s)`,
  );
  receiver.closeAllConnections();
  receiver.close();
}

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(
  `sandbox benchmark: ${N} requests per row, concurrency ${CONCURRENCY}, node ${process.version}, ${os.cpus().length} CPUs, load ${load}`,
);
try {
  await genesys();
  await whatsapp();
} finally {
  for (const child of children) child.kill('SIGTERM');
}
