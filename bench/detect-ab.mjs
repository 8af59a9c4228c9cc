#!/usr/bin/env node
// npm run bench:detect-ab -- <baseline checkout> [<candidate checkout>] [--pairs N] [--slice MS]
// Compares the detection speed of two built checkouts (each with its own dist/) in one process, on
// the shared dev corpus: short alternating slices of CPU time, and the median of the per-pair ratios.
// This machine's speed drifts by up to 40% over minutes, so two separate runs of bench:detect cannot
// show a change of a few percent; alternating slices of a few hundred milliseconds cancel the drift.
// The candidate defaults to this checkout. Build a baseline with, e.g.:
//   git worktree add /tmp/base <commit> && cd /tmp/base && ln -s "$OLDPWD/node_modules" && npx tsc -p tsconfig.json
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuMicrosecondsPerMessage, exitUnlessCorpus, readDevRequests, root } from './detect-support.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
};
const PAIRS = option('--pairs', 40);
const SLICE_MS = option('--slice', 300);
const [baseline, candidate = root] = args.map((a) => path.resolve(a));

if (baseline === undefined) {
  console.error(
    'usage: npm run bench:detect-ab -- <baseline checkout> [<candidate checkout>] [--pairs N] [--slice MS]',
  );
  process.exit(2);
}
exitUnlessCorpus('bench:detect-ab');

const { requests: messages, bytesPerMessage } = readDevRequests();

async function engineOf(checkout) {
  const entry = path.join(checkout, 'dist', 'src', 'index.js');
  if (!existsSync(entry))
    throw new Error(`${checkout} has no build (${entry}); run npx tsc -p tsconfig.json there`);
  return (await import(pathToFileURL(entry).href)).createDefaultEngine();
}
const engines = [await engineOf(baseline), await engineOf(candidate)];

let found = 0;
for (const engine of engines)
  for (let pass = 0; pass < 40; pass++) for (const m of messages) found += engine.detect(m).length;

const slice = (engine) => cpuMicrosecondsPerMessage((m) => engine.detect(m).length, messages, SLICE_MS);

const costs = [[], []];
const ratios = [];
for (let pair = 0; pair < PAIRS; pair++) {
  // Alternate which one goes first, so neither always runs on a warmer or cooler machine.
  const order = pair % 2 === 0 ? [0, 1] : [1, 0];
  const cost = [];
  for (const i of order) cost[i] = slice(engines[i]);
  costs[0].push(cost[0]);
  costs[1].push(cost[1]);
  ratios.push(cost[0] / cost[1]);
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[values.length >> 1];
const quartile = (values, q) => sorted(values)[Math.floor((values.length - 1) * q)];
const mbPerCpuSecond = (microseconds) => (bytesPerMessage / microseconds).toFixed(2);
console.log(`bench:detect-ab on ${messages.length} messages, ${PAIRS} pairs of ${SLICE_MS} ms slices`);
console.log(`baseline  ${baseline}: ${mbPerCpuSecond(median(costs[0]))} MB per CPU-second (median slice)`);
console.log(`candidate ${candidate}: ${mbPerCpuSecond(median(costs[1]))} MB per CPU-second (median slice)`);
console.log(
  `candidate speed / baseline speed: ${median(ratios).toFixed(3)} (quartiles ${quartile(ratios, 0.25).toFixed(3)}–${quartile(ratios, 0.75).toFixed(3)})${found > 0 ? '' : ' (nothing found?)'}`,
);
