// What the detection benchmarks share: where the eval kit's dev corpus lies, reading it, timing a
// detector in slices of CPU time, and the naive regex set they all compare against.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const evalDir = process.env.VEIL_EVAL_DIR ?? path.resolve(root, '..', 'shared', 'eval');
export const goldPath = path.join(evalDir, 'dev.jsonl');

/** Ends the process with a notice when the corpus is absent (it lives beside the project, not in it). */
export function exitUnlessCorpus(benchName) {
  if (existsSync(goldPath)) return;
  console.log(`${benchName} skipped: no corpus at ${goldPath} (set VEIL_EVAL_DIR)`);
  process.exit(0);
}

/** The corpus's messages as detection requests, and their mean size in UTF-8 bytes. */
export function readDevRequests() {
  const requests = readFileSync(goldPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .map((row) => ({ text: row.text, lang: row.lang }));
  const bytesPerMessage = requests.reduce((n, m) => n + Buffer.byteLength(m.text), 0) / requests.length;
  return { requests, bytesPerMessage };
}

/**
 * CPU microseconds per message of `run` over one slice of `ms` milliseconds, cycling through the
 * requests. Slices of a few hundred milliseconds, alternated between subjects, cancel this machine's
 * drift in speed, which two separate runs cannot.
 */
export function cpuMicrosecondsPerMessage(run, requests, ms) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let count = 0;
  let next = 0;
  let found = 0;
  while (performance.now() - started < ms) {
    for (let k = 0; k < 100; k++) {
      found += run(requests[next]);
      next = (next + 1) % requests.length;
      count++;
    }
  }
  const used = process.cpuUsage(cpu);
  if (found < 0) console.log(found); // keeps the results alive
  return (used.user + used.system) / count;
}

/** A naive regex set of the kind teams start with: one pattern per type, no validation, no context. */
const NAIVE = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\b(?:\d[ -]?){13,19}\b/g,
  /\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g,
  /\b\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}\b/g,
  /\b\d{3}-\d{2}-\d{4}\b/g,
  /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/g,
  /\b(?:\d{1,3}\.){3}\d{1,3}\b/g,
  /(?:\+\d{1,3}[ -]?)?\(?\d{2,3}\)?[ -]?\d{4,5}[ -]?\d{4}\b/g,
];

export function naiveRedact(text) {
  return NAIVE.reduce((t, re) => t.replace(re, '[REDACTED]'), text);
}
