#!/usr/bin/env node
// npm run bench:detect-costs [-- --rounds N --slice MS]
// Where the detector's time goes, on the shared dev corpus: the shared analysis alone (an engine with
// no recognizer), then each recognizer added in the engine's order, so the increments add up to the
// whole engine (a recognizer removed alone can make the engine slower: the ones after it then check
// the values it used to claim). Also the twelve types against the eight structured ones, and a naive
// regex set measured in the same process as the baseline. Medians of alternating slices of CPU time.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  cpuMicrosecondsPerMessage,
  exitUnlessCorpus,
  naiveRedact,
  readDevRequests,
  root,
} from './detect-support.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ROUNDS = option('--rounds', 7);
const SLICE_MS = option('--slice', 200);

exitUnlessCorpus('bench:detect-costs');
const { requests: messages, bytesPerMessage } = readDevRequests();

const veil = await import(pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href);
const recognizers = veil.defaultRecognizers();
const STRUCTURED = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'CPF', 'CNPJ', 'US_SSN', 'IBAN', 'IP_ADDRESS'];

const prefixes = recognizers.map((r, k) => ({
  name: `+ ${r.name}`,
  run: toRun(veil.createDetectionEngine({ recognizers: recognizers.slice(0, k + 1) })),
}));
const subjects = [
  { name: 'analysis only', run: toRun(veil.createDetectionEngine({ recognizers: [] })) },
  ...prefixes,
  {
    name: 'structured types only',
    run: toRun(veil.createDetectionEngine({ recognizers, types: STRUCTURED })),
  },
  {
    name: 'naive regex set',
    run: (m) => naiveRedact(m.text).length,
  },
];

function toRun(engine) {
  return (m) => engine.detect(m).length;
}

let sink = 0;
for (const subject of subjects)
  for (let pass = 0; pass < 20; pass++) for (const m of messages) sink += subject.run(m);

const costs = subjects.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  // Each round in the other direction, so no subject always runs on a warmer or cooler machine.
  const order = subjects.map((_, i) => i);
  if (round % 2 === 1) order.reverse();
  for (const i of order) costs[i].push(cpuMicrosecondsPerMessage(subjects[i].run, messages, SLICE_MS));
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const cost = costs.map(median);

console.log(
  `dev corpus: ${messages.length} messages, ${bytesPerMessage.toFixed(1)} bytes each; ${ROUNDS} rounds of ${SLICE_MS} ms (checksum ${sink % 997})`,
);
console.log(['subject'.padEnd(26), 'µs/msg', ' +µs/msg', '  MB/CPU-s'].join(' '));
const mbPerCpuSecond = (us) => bytesPerMessage / us;
let previous;
subjects.forEach((subject, i) => {
  const increment = subject.name.startsWith('+ ')
    ? (cost[i] - previous).toFixed(3).padStart(8)
    : ''.padStart(8);
  console.log(
    [
      subject.name.padEnd(26),
      cost[i].toFixed(3).padStart(6),
      increment,
      mbPerCpuSecond(cost[i]).toFixed(2).padStart(10),
    ].join(' '),
  );
  previous = cost[i];
});
const whole = cost[prefixes.length];
const target = bytesPerMessage / 20;
console.log(
  `20 MB/s means ${target.toFixed(2)} µs per message; the whole engine takes ${whole.toFixed(2)}, the analysis alone ${cost[0].toFixed(2)}.`,
);
