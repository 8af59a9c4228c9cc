// End to end over the shared dev corpus (../shared/eval/dev.jsonl, or VEIL_EVAL_DIR): every message goes
// in as a WhatsApp webhook from the simulator (one customer per 20 messages, in corpus order), through the
// real gateway (SQLite, a fresh data directory), to the Genesys simulator. Reports: messages that arrived
// exactly once, per-customer order, and how many labelled sensitive strings (the gold entities' surface
// text) reached the platform as they are, by type. Requires `npx tsc -p tsconfig.json` first.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportCorpusDelivery, sendThroughWhatsApp, startSandbox } from '../dist/sandbox/index.js';
import { sandboxGateway } from '../dist/src/cli/commands/sandbox-gateway.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.VEIL_EVAL_DIR ?? path.resolve(root, '..', 'shared', 'eval');
const gold = path.join(evalDir, 'dev.jsonl');
if (!existsSync(gold)) {
  console.log(`gateway corpus run: skipped, the corpus is not here (${gold}); set VEIL_EVAL_DIR`);
  process.exit(0);
}
const corpus = readFileSync(gold, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line));
const PER_CUSTOMER = 20;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'veil-gateway-corpus-'));
const sandbox = await startSandbox({
  port: 0,
  whatsappPort: 0,
  genesysPort: 0,
  dataDir,
  gateway: sandboxGateway,
});
try {
  const { urls, genesys, whatsapp } = sandbox;
  whatsapp.state.updateSettings({ statusDelayMs: 60_000 });
  // Genesys allows 300 requests/min per client-credentials token (contracts §2c) and the simulator
  // enforces it; the gateway then waits out each 429's Retry-After (2,000 messages ≈ 7 minutes). Lifted
  // here to measure the gateway; BENCH_GENESYS_LIMIT=1 keeps the real limit.
  if (!process.env.BENCH_GENESYS_LIMIT) genesys.state.updateSettings({ rateLimitPerMinute: 1_000_000 });
  const started = Date.now();
  const sent = await sendThroughWhatsApp(urls.whatsapp, corpus, PER_CUSTOMER);
  await genesys.events.waitFor(() => genesys.state.seenMessageIds.size >= corpus.length, {
    timeoutMs: 600_000,
  });
  const seconds = (Date.now() - started) / 1000;
  const inbound = await (await fetch(`${urls.genesys}/__sim/inbound`)).json();
  const report = reportCorpusDelivery(sent, inbound);
  const allLeaks = Object.values(report.leaks).reduce((a, b) => a + b, 0);
  const allTotal = Object.values(report.totals).reduce((a, b) => a + b, 0);
  console.log(
    `gateway corpus run: ${corpus.length} messages in ${seconds.toFixed(1)} s (${PER_CUSTOMER} per customer)`,
  );
  console.log(
    `  arrived exactly once: ${report.arrivedOnce}/${corpus.length}; order broken within a customer: ${report.orderBroken}`,
  );
  console.log(`  labelled sensitive strings seen by the platform as they are: ${allLeaks}/${allTotal}`);
  for (const type of Object.keys(report.totals).sort())
    console.log(
      `    ${type.padEnd(15)} ${String(report.leaks[type] ?? 0).padStart(4)} / ${report.totals[type]}`,
    );
} finally {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
}
