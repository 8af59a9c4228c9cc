#!/usr/bin/env node
// npm run bench:detect — throughput and latency of Veil's detector beside openredaction, redact-pii and
// a naive regex set, on the shared dev corpus, each also scored in text mode (leak rate, over-redaction)
// with the corpus's own scorer. Needs a built dist/ (npm ci runs the build).
// Options: --seconds N of measured passes per tool (default 3), --rounds N per tool (default 3).
//
// Each tool runs in a process of its own: measured in one process, the peers' libraries slowed down
// whatever ran after them (the naive regex set measured 23–38 MB per CPU-second alone and 6.5 after
// them), which flattered Veil. Throughput is timed over whole passes, never per message: a clock read
// costs about 80 ns on this virtual machine, as much as a fast tool's work on a short message.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evalDir, exitUnlessCorpus, goldPath, naiveRedact, root } from './detect-support.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const SECONDS = Number(option('--seconds', 3));
const ROUNDS = Number(option('--rounds', 3));
const TOOLS = [
  'veil (detect only)',
  'veil (detect + replace)',
  'openredaction',
  'redact-pii',
  'naive regex set',
];

exitUnlessCorpus('bench:detect');

const tool = option('--tool', undefined);
if (tool === undefined) runAll();
else await measureOne(tool);

/** The parent: each tool in a fresh process, in alternating rounds; medians and ranges. */
function runAll() {
  const script = fileURLToPath(import.meta.url);
  const runs = new Map(TOOLS.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of TOOLS) {
      const out = execFileSync(process.execPath, [script, '--tool', name, '--seconds', String(SECONDS)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const line = out.trim().split('\n').pop();
      const result = JSON.parse(line);
      if (result.unavailable) console.log(`${name} unavailable: ${result.unavailable}`);
      else runs.get(name).push(result);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const range = (values) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
  const rows = [...runs].filter(([, list]) => list.length > 0);
  const first = rows[0][1][0];
  console.log(
    `\nbench:detect on ${first.messages} messages (${(first.bytes / 1e6).toFixed(3)} MB), ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, one thread, each tool in its own process, ${ROUNDS} rounds of ${SECONDS} s`,
  );
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    'tool                      msgs/s (median)  MB/s (median)  MB/cpu-s (median, range)  p50 µs  p99 µs    leak   over-redaction',
  );
  const summary = new Map();
  for (const [name, list] of rows) {
    const mbPerCpu = list.map((r) => r.mbPerCpuSec);
    summary.set(name, median(mbPerCpu));
    const r = list[0];
    console.log(
      `${name.padEnd(24)} ${median(list.map((x) => x.msgsPerSec))
        .toFixed(0)
        .padStart(16)} ${median(list.map((x) => x.mbPerSec))
        .toFixed(2)
        .padStart(14)} ${`${median(mbPerCpu).toFixed(2)} (${range(mbPerCpu)})`.padStart(25)} ${median(
        list.map((x) => x.p50),
      )
        .toFixed(1)
        .padStart(7)} ${median(list.map((x) => x.p99))
        .toFixed(1)
        .padStart(7)}  ${r.leak.toFixed(4)}   ${r.over.toFixed(4)}`,
    );
  }
  const veil = summary.get('veil (detect only)');
  const peers = [...summary].filter(([name]) => !name.startsWith('veil'));
  const [fastestName, fastest] = peers.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(
    `\nveil (detect only) ${veil.toFixed(2)} MB per CPU-second; fastest peer ${fastestName} ${fastest.toFixed(2)} (${(veil / fastest).toFixed(2)}x); goal: 20 MB/s and faster than every peer`,
  );
}

/** A child: one tool, warmed up, timed over whole passes, then per message for latency, then scored. */
async function measureOne(name) {
  const score = await import(pathToFileURL(path.join(evalDir, 'score.mjs')).href);
  const rows = score.readJsonl(goldPath);
  const gold = score.loadGold(rows);
  const messages = rows.map(({ obj }) => ({ id: String(obj.id), text: obj.text, lang: obj.lang }));
  const bytes = messages.reduce((n, m) => n + Buffer.byteLength(m.text), 0);
  let fn;
  try {
    fn = await loadTool(name);
  } catch (error) {
    console.log(JSON.stringify({ unavailable: error.message }));
    return;
  }
  // Only real promises are awaited: an `await` on a plain value costs a trip through the microtask queue.
  const pass = async () => {
    for (const m of messages) {
      const pending = fn(m);
      if (pending instanceof Promise) await pending;
    }
  };
  // Warm-up until a pass no longer gets cheaper (five passes without a 2% gain, at most 20 s).
  const warmStart = performance.now();
  let bestPass = Infinity;
  for (let stale = 0; stale < 5 && performance.now() - warmStart < 20_000;) {
    const before = process.cpuUsage();
    await pass();
    const used = process.cpuUsage(before);
    const cpu = used.user + used.system;
    if (cpu < bestPass * 0.98) [bestPass, stale] = [cpu, 0];
    else stale++;
  }
  let passes = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    await pass();
    passes++;
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // Latency on its own pass; each figure includes one clock read (about 80 ns here).
  const latencies = [];
  for (const m of messages) {
    const t0 = performance.now();
    const pending = fn(m);
    if (pending instanceof Promise) await pending;
    latencies.push((performance.now() - t0) * 1000);
  }
  latencies.sort((a, b) => a - b);
  const percentile = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  // The detect-only row has no redacted text: it is scored as the redacting one (same engine).
  const redact = name === 'veil (detect only)' ? await loadTool('veil (detect + replace)') : fn;
  const outputs = new Map();
  for (const m of messages) outputs.set(m.id, await redact(m));
  const quality = score.scoreText(gold, outputs);
  console.log(
    JSON.stringify({
      messages: messages.length,
      bytes,
      msgsPerSec: (passes * messages.length) / elapsed,
      mbPerSec: (bytes * passes) / 1e6 / elapsed,
      mbPerCpuSec: (bytes * passes) / 1e6 / cpuSeconds,
      p50: percentile(50),
      p99: percentile(99),
      leak: quality.summary.leak,
      over: quality.summary.overRedaction,
    }),
  );
}

async function loadTool(name) {
  if (name.startsWith('veil')) {
    const { createDefaultEngine, createOperatorRegistry, protect, uniformPolicy } = await import(
      pathToFileURL(path.join(root, 'dist/src/index.js')).href
    );
    const engine = createDefaultEngine();
    if (name === 'veil (detect only)') return (m) => (engine.detect(m), m.text);
    const operators = createOperatorRegistry();
    const policy = uniformPolicy('replace');
    return async (m) => (await protect(m.text, engine.detect(m), policy, operators)).text;
  }
  if (name === 'openredaction') {
    const { OpenRedaction } = await import('openredaction');
    const redactor = new OpenRedaction({ redactionMode: 'placeholder' });
    return async (m) => (await redactor.detect(m.text)).redacted;
  }
  if (name === 'redact-pii') {
    const { SyncRedactor } = await import('redact-pii');
    const redactor = new SyncRedactor();
    return (m) => redactor.redact(m.text);
  }
  return (m) => naiveRedact(m.text);
}
