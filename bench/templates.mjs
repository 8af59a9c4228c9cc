#!/usr/bin/env node
// Template validation throughput: every documented rule (validateDefinition / validateSend against the
// definition) next to a zod-only parse of the same documents in the same run — the baseline is the cost
// of shape checking alone, so the difference is what the named rules add.
// Usage: npm run bench:templates [-- --quick] [-- --json]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist', 'src', p);
if (!existsSync(dist('core/templates/index.js'))) {
  console.error('bench: building dist/ first (npx tsc -p tsconfig.json)');
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}
const t = await import(dist('core/templates/index.js'));

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');
const ROUNDS = quick ? 2_000 : 20_000;

// The example folder: template files (all languages) and send bodies.
const folder = path.join(root, 'examples/templates');
const read = (f) =>
  f.endsWith('.json') ? JSON.parse(readFileSync(f, 'utf8')) : parseYaml(readFileSync(f, 'utf8'));
const files = readdirSync(folder, { recursive: true })
  .map((f) => path.join(folder, String(f)))
  .filter((f) => /\.(ya?ml|json)$/.test(f));
const docs = files.map(read);
const definitionDocs = docs.filter((d) => !t.isSendBody(d));
const sendDocs = docs.filter((d) => t.isSendBody(d));
const definitions = definitionDocs.map((d) => t.validateDefinition(d).definition);
const lookup = t.lookupFrom(definitions);
const languagesPerPass = definitions.reduce((n, d) => n + d.languages.length, 0);

const now = () => Number(process.hrtime.bigint()) / 1e9;
function measure(label, docsPerRound, fn) {
  for (let i = 0; i < Math.min(200, ROUNDS); i++) fn(); // warm-up
  const start = now();
  for (let i = 0; i < ROUNDS; i++) fn();
  const seconds = now() - start;
  return {
    label,
    perSecond: Math.round((ROUNDS * docsPerRound) / seconds),
    microsPerDoc: (seconds * 1e6) / (ROUNDS * docsPerRound),
  };
}

const parseEither = (d) => ('languages' in d ? t.templateFileSchema : t.createBodySchema).parse(d);
let sink = 0;
const results = [
  measure('definitions: zod parse only (baseline)', definitionDocs.length, () => {
    for (const d of definitionDocs) sink += parseEither(d).name.length;
  }),
  measure('definitions: all creation rules', definitionDocs.length, () => {
    for (const d of definitionDocs) sink += t.validateDefinition(d).violations.length;
  }),
  measure('send bodies: zod parse only (baseline)', sendDocs.length, () => {
    for (const d of sendDocs) sink += t.sendBodySchema.parse(d).to.length;
  }),
  measure('send bodies: send rules + definition match', sendDocs.length, () => {
    for (const d of sendDocs) sink += t.validateSend(d, lookup).violations.length;
  }),
];
const ratio = (a, b) => (results[a].perSecond / results[b].perSecond).toFixed(2);

if (json) {
  console.log(
    JSON.stringify({
      rounds: ROUNDS,
      definitionFiles: definitionDocs.length,
      languages: languagesPerPass,
      sendBodies: sendDocs.length,
      results,
      sink,
    }),
  );
} else {
  console.log(
    `templates bench: ${definitionDocs.length} definition files (${languagesPerPass} languages), ${sendDocs.length} send bodies, ${ROUNDS} rounds, node ${process.version}`,
  );
  for (const r of results)
    console.log(
      `  ${r.label.padEnd(44)} ${String(r.perSecond).padStart(9)} docs/s  ${r.microsPerDoc.toFixed(1).padStart(7)} µs/doc`,
    );
  console.log(
    `  rules cost vs zod-only: definitions ×${ratio(0, 1)} slower, send bodies ×${ratio(2, 3)} slower`,
  );
}
