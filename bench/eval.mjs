#!/usr/bin/env node
// Scores Veil's detector on the shared labelled corpus (../shared/eval) with the corpus's own scorer.
// Usage: npm run eval [-- --gold FILE] [-- extra scorer flags such as --errors 5 or --json]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.VEIL_EVAL_DIR ?? path.resolve(root, '..', 'shared', 'eval');
const args = process.argv.slice(2);
const goldIndex = args.indexOf('--gold');
const gold = goldIndex >= 0 ? path.resolve(args.splice(goldIndex, 2)[1]) : path.join(evalDir, 'dev.jsonl');
const runner = path.join(evalDir, 'run.mjs');

if (!existsSync(runner) || !existsSync(gold)) {
  console.log(`eval: skipped, the corpus is not here (${gold}); set VEIL_EVAL_DIR to the shared eval folder`);
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  [
    runner,
    '--gold',
    gold,
    ...args,
    '--',
    process.execPath,
    path.join(root, 'bin', 'veil.js'),
    'detect',
    '--jsonl',
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
