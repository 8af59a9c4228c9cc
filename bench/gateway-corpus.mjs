// End to end over the shared dev corpus (../shared/eval/dev.jsonl, or VEIL_EVAL_DIR): every message goes
// in as a WhatsApp webhook from the simulator (one customer per 20 messages, in corpus order), through the
// real gateway (SQLite, a fresh data directory), to the Genesys simulator. Reports: messages that arrived
// exactly once, per-customer order, and how many labelled sensitive strings (the gold entities' surface
// text) reached the platform as they are, by type. Requires `npx tsc -p tsconfig.json` first.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../dist/sandbox/index.js';
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
  const sent = [];
  const started = Date.now();
  for (const [i, item] of corpus.entries()) {
    const customer = `55119${String(20_000_000 + Math.floor(i / PER_CUSTOMER))}`;
    const response = await fetch(`${urls.whatsapp}/__sim/customers/${customer}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'text', text: item.text }),
    });
    sent.push({ customer, id: (await response.json()).id, item });
  }
  await genesys.events.waitFor(() => genesys.state.seenMessageIds.size >= corpus.length, {
    timeoutMs: 600_000,
  });
  const seconds = (Date.now() - started) / 1000;
  const inbound = await (await fetch(`${urls.genesys}/__sim/inbound`)).json();
  const byId = new Map();
  const firstIndex = new Map();
  inbound.forEach((m, index) => {
    byId.set(m.channel.messageId, (byId.get(m.channel.messageId) ?? 0) + 1);
    if (!firstIndex.has(m.channel.messageId)) firstIndex.set(m.channel.messageId, { index, text: m.text });
  });
  const once = sent.filter((s) => byId.get(s.id) === 1).length;
  let orderBroken = 0;
  const last = new Map();
  for (const s of sent) {
    const at = firstIndex.get(s.id)?.index ?? -1;
    if (at < (last.get(s.customer) ?? -1)) orderBroken++;
    last.set(s.customer, at);
  }
  // As the eval kit's text mode counts leaks: the value as a whole token, not inside another one
  // ("031" inside an expiry "01/2031" or inside a token is not the CVV 031 leaking).
  const containsAsWhole = (hay, needle) => {
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
      const before = hay[at - 1] ?? ' ';
      const after = hay[at + needle.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    }
    return false;
  };
  const leaks = {};
  const totals = {};
  for (const s of sent) {
    const text = firstIndex.get(s.id)?.text ?? '';
    for (const e of s.item.entities) {
      const surface = s.item.text.slice(e.start, e.end);
      totals[e.type] = (totals[e.type] ?? 0) + 1;
      if (containsAsWhole(text, surface)) leaks[e.type] = (leaks[e.type] ?? 0) + 1;
    }
  }
  const allLeaks = Object.values(leaks).reduce((a, b) => a + b, 0);
  const allTotal = Object.values(totals).reduce((a, b) => a + b, 0);
  console.log(
    `gateway corpus run: ${corpus.length} messages in ${seconds.toFixed(1)} s (${PER_CUSTOMER} per customer)`,
  );
  console.log(
    `  arrived exactly once: ${once}/${corpus.length}; order broken within a customer: ${orderBroken}`,
  );
  console.log(`  labelled sensitive strings seen by the platform as they are: ${allLeaks}/${allTotal}`);
  for (const type of Object.keys(totals).sort())
    console.log(`    ${type.padEnd(15)} ${String(leaks[type] ?? 0).padStart(4)} / ${totals[type]}`);
} finally {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
}
