#!/usr/bin/env node
// Template lifecycle costs on SQLite: status webhooks handled (zod parse + one transaction: read the
// current row, guarded upsert, history insert) next to the floor of one plain history-row insert per
// event in the same run; and the store reads a template send makes (statuses of the chain + the
// customer's window) next to a single primary-key lookup.
// Usage: npm run bench:template-lifecycle [-- --quick] [-- --json]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist', 'src', p);
if (!existsSync(dist('adapters/stores/template-store.js'))) {
  console.error('bench: building dist/ first (npx tsc -p tsconfig.json)');
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}
const { SqlVaultStore } = await import(dist('adapters/stores/sql-vault-store.js'));
const { openSqliteDatabase } = await import(dist('adapters/stores/sqlite-database.js'));
const { SqlTemplateStore } = await import(dist('adapters/stores/template-store.js'));
const { SqlCustomerWindowStore } = await import(dist('adapters/stores/template-window-store.js'));
const { createTemplateLifecycle } = await import(dist('core/templates/lifecycle.js'));

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');
const EVENTS = quick ? 500 : 3_000;
const READS = quick ? 2_000 : 10_000;
const TEMPLATES = 200;
const EVENTS_CYCLE = ['PENDING', 'APPROVED', 'PAUSED', 'APPROVED', 'REJECTED'];

const dir = mkdtempSync(path.join(tmpdir(), 'veil-bench-templates-'));
const vaultStore = await SqlVaultStore.open(openSqliteDatabase(path.join(dir, 'veil.db')), 'sqlite');
const db = vaultStore.db;
const store = new SqlTemplateStore(db);
const window = new SqlCustomerWindowStore(db);
let alerts = 0;
const lifecycle = createTemplateLifecycle({ store, alerts: { templateAlert: () => void alerts++ } });

const clock = () => Number(process.hrtime.bigint()) / 1e9;
const cpu = () => process.cpuUsage();
async function measure(label, count, fn) {
  const c0 = cpu();
  const t0 = clock();
  for (let i = 0; i < count; i++) await fn(i);
  const seconds = clock() - t0;
  const c1 = process.cpuUsage(c0);
  const cpuSeconds = (c1.user + c1.system) / 1e6;
  return {
    label,
    count,
    perSecond: count / seconds,
    microsPerOp: (seconds / count) * 1e6,
    perCpuSecond: count / cpuSeconds,
  };
}

const value = (i) => ({
  event: EVENTS_CYCLE[Math.floor(i / TEMPLATES) % EVENTS_CYCLE.length],
  message_template_id: 1_000_000 + (i % TEMPLATES),
  message_template_name: `template_${i % TEMPLATES}`,
  message_template_language: 'pt-BR',
  reason: 'NONE',
  message_template_category: 'UTILITY',
});

const results = [];
results.push(
  await measure('baseline: one history-row insert per event', EVENTS, (i) =>
    db
      .insertInto('template_status_history')
      .values({
        name: `baseline_${i % TEMPLATES}`,
        language: 'pt_BR',
        template_id: null,
        kind: 'status',
        value: 'APPROVED',
        previous: null,
        reason: null,
        detail: null,
        event_at: i,
        received_at: i,
      })
      .execute(),
  ),
);
results.push(
  await measure('status webhook handled (parse + guarded upsert + history)', EVENTS, (i) =>
    lifecycle.handleTemplateWebhookChange('message_template_status_update', value(i), {
      time: 1_700_000_000 + i,
    }),
  ),
);
for (let i = 0; i < TEMPLATES; i++)
  await window.recordCustomerMessage(`55119${String(i).padStart(8, '0')}`, new Date());
results.push(
  await measure('baseline: one primary-key select', READS, (i) =>
    db
      .selectFrom('template_status')
      .select('status')
      .where('name', '=', `template_${i % TEMPLATES}`)
      .where('language', '=', 'pt_BR')
      .executeTakeFirst(),
  ),
);
results.push(
  await measure('send-time reads (statuses of a 2-template chain + window)', READS, async (i) => {
    await store.statusesOf([`template_${i % TEMPLATES}`, `template_${(i + 1) % TEMPLATES}`]);
    await window.lastCustomerMessageAt(`55119${String(i % TEMPLATES).padStart(8, '0')}`);
  }),
);

await vaultStore.close();
rmSync(dir, { recursive: true, force: true });

if (json) console.log(JSON.stringify({ results, alerts, loadavg: loadavg()[0] }));
else {
  console.log(
    `template lifecycle on SQLite (Node ${process.version}, load average ${loadavg()[0].toFixed(2)})`,
  );
  for (const r of results)
    console.log(
      `${r.label.padEnd(62)} ${Math.round(r.perSecond).toLocaleString('en').padStart(8)} ops/s  ${r.microsPerOp.toFixed(0).padStart(6)} µs/op  ${Math.round(r.perCpuSecond).toLocaleString('en').padStart(8)} ops/CPU-s`,
    );
  console.log(`(${alerts} alerts raised by the REJECTED/PAUSED events)`);
}
