// Benchmark of the gateway: customer messages in as signed WhatsApp webhooks, out at a Genesys
// stand-in (a bare HTTP server in this process answering OAuth and Open Messaging inbound), so the
// send time and the arrival time are read from the same clock. Two modes of the same server, in the
// same run: `protect` (detection, tokenization in the vault, SQLite inbox/outbox) and `pass-through`
// (the same inbox/outbox and delivery, no detection, no vault). Each mode gets a warm-up of 2,000
// messages (JIT, connections, SQLite pages), then BENCH_ROUNDS rounds (default 3) of:
//   - throughput: BENCH_N messages (default 10,000: long enough to include the WAL checkpoints a
//     sustained load causes) posted by 32 concurrent clients over 256 customers, messages/s from the
//     first post to the last arrival at the platform;
//   - latency at a fixed rate (BENCH_RATE, default 500 msg/s, for BENCH_SECONDS, default 4 s):
//     webhook due → message at the platform, p50/p99, and what `protect` adds over pass-through.
//     Latency runs from the time each webhook was *scheduled* to be sent, not when the client got
//     round to sending it, so a stalled client or server cannot hide its stall (no coordinated
//     omission);
//   - CPU-seconds the gateway child spent per 1,000 messages in each phase (from /proc), the
//     benchmark process's own CPU, and the load average before and after: on a shared 2-core
//     machine wall-clock figures follow the CPU share, CPU per message does much less so.
// Rounds alternate between the modes; the table shows the median round and the range. This
// machine is a VM with noticeable steal time, and single rounds of the same build differ by ±30%.
// Half the messages carry a CPF and a card number. Requires `npx tsc -p tsconfig.json` first.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_N ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP = 2000;
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = 32;
const CUSTOMERS = 256;
const APP_SECRET = 'bench-app-secret';

// ---- synthetic messages ---------------------------------------------------------------------
function cpf(seed) {
  const d = String(100_000_000 + ((seed * 7_919) % 899_999_999))
    .split('')
    .map(Number);
  const check = (digits, start) => {
    const sum = digits.reduce((s, x, i) => s + x * (start - i), 0);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  d.push(check(d, 10));
  d.push(check(d, 11));
  const s = d.join('');
  return `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6, 9)}-${s.slice(9)}`;
}
function card(seed) {
  const d = `4${String(10_000_000_000_000 + seed * 97)
    .padStart(14, '0')
    .slice(0, 14)}`
    .split('')
    .map(Number);
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    let x = d[14 - i];
    if (i % 2 === 0) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  }
  d.push((10 - (sum % 10)) % 10);
  const s = d.join('');
  return `${s.slice(0, 4)} ${s.slice(4, 8)} ${s.slice(8, 12)} ${s.slice(12)}`;
}
const text = (i) =>
  i % 2 === 0
    ? `Olá, meu CPF é ${cpf(i)} e o cartão final ${card(i)}, pode verificar o pedido?`
    : 'Boa tarde, gostaria de saber o prazo de entrega do meu pedido, obrigado!';

let sequence = 0;
function webhook(i) {
  const customer = `55119${String(10_000_000 + (i % CUSTOMERS)).padStart(8, '0')}`;
  const id = `wamid.bench.${process.pid}.${sequence++}`;
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              contacts: [{ profile: { name: 'Cliente' }, wa_id: customer }],
              messages: [
                { from: customer, id, timestamp: '1749416383', type: 'text', text: { body: text(i) } },
              ],
            },
          },
        ],
      },
    ],
  });
  return { id, body, signature: `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}` };
}

// ---- the platform stand-in ---------------------------------------------------------------------
const arrivals = new Map(); // messageId → arrival time
let arrivalWaiter;
const platform = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (c) => chunks.push(c));
  request.on('end', () => {
    if (request.url === '/oauth/token') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(
        JSON.stringify({ access_token: 'bench-token', token_type: 'bearer', expires_in: 86_400 }),
      );
    }
    const now = performance.now();
    const message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const id = message.channel?.messageId;
    if (id && !arrivals.has(id)) {
      arrivals.set(id, now);
      if (
        !String(message.text).includes('CPF é tok_') &&
        String(message.text).includes('CPF é') &&
        mode === 'protect'
      )
        leaks++;
      arrivalWaiter?.();
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"id":"x"}');
  });
});
let mode = '';
let leaks = 0;

function waitForArrivals(count) {
  return new Promise((resolve) => {
    const check = () => {
      if (arrivals.size >= count) {
        arrivalWaiter = undefined;
        resolve();
      }
    };
    arrivalWaiter = check;
    check();
  });
}

// ---- the gateway, as a child process ------------------------------------------------------------
function startGateway(gatewayMode, platformUrl) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CHILD_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/veilprof'] : []),
      'bench/gateway-server.mjs',
      '--mode',
      gatewayMode,
      '--platform',
      platformUrl,
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve({ url: match[0], child, output: () => out });
      const stats = /\{"loopDelayP99".*\}\n/.exec(out);
      if (stats) {
        out = out.slice(stats.index + stats[0].length);
        statsWaiter?.(JSON.parse(stats[0]));
      }
    });
    child.on('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
}

let statsWaiter;
/** The gateway's event-loop delay and GC pauses since the last reset; the child answers on stdout. */
function gatewayStats(gateway) {
  return new Promise((resolve) => {
    statsWaiter = (stats) => {
      statsWaiter = undefined;
      resolve(stats);
    };
    gateway.child.stdin.write('report\n');
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(url, message) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/webhooks/whatsapp`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(message.body),
          'x-hub-signature-256': message.signature,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(message.body);
  });
}

// utime + stime of a process, in seconds (Linux; undefined elsewhere).
const TICKS_PER_SECOND = 100;
function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
/** Runs `phase`, returning its result with the CPU-seconds the child and this process spent. */
async function measured(pid, phase) {
  const child0 = cpuSecondsOf(pid);
  const own0 = ownCpuSeconds();
  const result = await phase();
  const child1 = cpuSecondsOf(pid);
  return {
    ...result,
    childCpu: child0 === undefined || child1 === undefined ? undefined : child1 - child0,
    ownCpu: ownCpuSeconds() - own0,
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function throughput(url, count) {
  const messages = Array.from({ length: count }, (_, i) => webhook(i));
  const base = arrivals.size;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < messages.length) await post(url, messages[next++]);
    }),
  );
  const posted = performance.now();
  await waitForArrivals(base + count);
  if (process.env.BENCH_DEBUG)
    console.error(
      `posted ${count} in ${(posted - started).toFixed(0)} ms, all arrived after ${(performance.now() - started).toFixed(0)} ms`,
    );
  return { perSecond: count / ((performance.now() - started) / 1000), count };
}

async function latencyAtRate(url, rate, seconds) {
  const count = Math.round(rate * seconds);
  const messages = Array.from({ length: count }, (_, i) => webhook(i));
  const due = new Map();
  const base = arrivals.size;
  const started = performance.now();
  const posts = [];
  for (let i = 0; i < count; i++) {
    const at = started + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    due.set(messages[i].id, at);
    posts.push(post(url, messages[i]));
  }
  await Promise.all(posts);
  await waitForArrivals(base + count);
  const latencies = [...due].map(([id, t0]) => arrivals.get(id) - t0).sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), count };
}

await new Promise((resolve) => platform.listen(0, '127.0.0.1', resolve));
const platformUrl = `http://127.0.0.1:${platform.address().port}`;
const MODES = ['pass-through', 'protect'];
const rounds = Object.fromEntries(MODES.map((m) => [m, []]));
const loadBefore = os.loadavg()[0];
const gateways = {};
try {
  for (const m of MODES) {
    mode = m;
    gateways[m] = await startGateway(m, platformUrl);
    await throughput(gateways[m].url, WARM_UP);
  }
  for (let round = 0; round < ROUNDS; round++)
    for (const m of MODES) {
      mode = m;
      const { url, child } = gateways[m];
      const flat = await measured(child.pid, () => throughput(url, N));
      child.stdin.write('reset\n'); // the gateway's event-loop delay and GC pauses count from here
      const paced = await measured(child.pid, () => latencyAtRate(url, RATE, SECONDS));
      paced.gateway = await gatewayStats(gateways[m]);
      rounds[m].push({ flat, paced });
    }
} finally {
  for (const { child } of Object.values(gateways)) {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
platform.close();
agent.destroy();

const f = (x) => x.toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
/** "median (min–max)" of a figure over the rounds. */
const spread = (m, pick, digits = 1) => {
  const xs = rounds[m].map(pick).filter((x) => x !== undefined);
  if (xs.length === 0) return 'n/a';
  const d = (x) => x.toFixed(digits);
  return xs.length === 1 ? d(xs[0]) : `${d(median(xs))} (${d(Math.min(...xs))}–${d(Math.max(...xs))})`;
};
const perThousand = (r) => (r.childCpu === undefined ? undefined : (1000 * r.childCpu) / r.count);
const loadAfter = os.loadavg()[0];
console.log(
  `gateway benchmark (${os.cpus().length} CPUs, load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; ${ROUNDS} rounds per mode of N=${N} flat out and ${RATE} msg/s for ${SECONDS} s; median (min–max))`,
);
for (const m of MODES) {
  console.log(`${m}:`);
  console.log(
    `  flat out (32 clients): ${spread(m, (r) => r.flat.perSecond, 0)} msg/s, gateway ${spread(m, (r) => perThousand(r.flat), 2)} CPU-s per 1,000 messages`,
  );
  console.log(
    `  paced (webhook due → at the platform): p50 ${spread(m, (r) => r.paced.p50)} ms, p99 ${spread(m, (r) => r.paced.p99)} ms, gateway ${spread(m, (r) => perThousand(r.paced), 2)} CPU-s per 1,000`,
  );
  console.log(
    `  gateway during the paced phase: event-loop delay p99 ${spread(m, (r) => r.paced.gateway?.loopDelayP99)} ms, max ${spread(m, (r) => r.paced.gateway?.loopDelayMax)} ms; longest GC pause ${spread(m, (r) => r.paced.gateway?.gcPauseMax)} ms`,
  );
}
// Added latency per round (each round's modes ran back to back), then the median of those.
const added = (pick) => rounds.protect.map((r, i) => pick(r) - pick(rounds['pass-through'][i]));
const addedSpread = (pick) => {
  const xs = added(pick);
  return `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
};
console.log(
  `added by protection at ${RATE} msg/s: p50 ${addedSpread((r) => r.paced.p50)} ms, p99 ${addedSpread((r) => r.paced.p99)} ms`,
);
const all = Object.values(rounds).flat();
const benchCpu = all.reduce((s, r) => s + r.flat.ownCpu + r.paced.ownCpu, 0);
const benchMessages = all.reduce((s, r) => s + r.flat.count + r.paced.count, 0);
console.log(
  `this benchmark process (client + platform stand-in) spent ${f((1000 * benchCpu) / benchMessages)} CPU-s per 1,000 messages`,
);
console.log(`messages with a CPF that reached the platform untokenized (protect mode): ${leaks}`);
