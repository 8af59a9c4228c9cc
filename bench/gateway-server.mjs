// The gateway as the benchmark runs it: a child process (one core of its own), SQLite in a fresh
// directory, one tenant pointed at the benchmark's platform stand-in. `--mode pass-through` turns
// detection and the vault off (the baseline); `--mode protect` is the real pipeline.
// Prints the URL it listens on and exits on SIGTERM. On stdin, `reset` starts a measuring window and
// `report` prints the window's event-loop delay (p99 and max, ms) and GC pauses as one JSON line, so
// a latency tail can be told apart: the gateway's own stalls (GC, SQLite) or the machine's scheduling.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { openGateway } from '../dist/src/compose-gateway.js';
import { loadConfig } from '../dist/src/config/config.js';
import { parseTenants } from '../dist/src/config/tenants.js';

const arg = (name) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const platform = arg('platform');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'veil-bench-gateway-'));
const tenants = parseTenants(
  {
    tenants: [
      {
        id: 'bench',
        whatsapp: {
          phoneNumberId: '106540352242922',
          appSecret: 'bench-app-secret',
          verifyToken: 'bench-verify',
          accessToken: 'bench-access',
          graphUrl: platform,
        },
        genesys: {
          loginUrl: platform,
          apiUrl: platform,
          clientId: 'bench-client',
          clientSecret: 'bench-secret',
          integrationId: 'bench-integration',
          webhookSecret: 'bench-webhook-secret',
        },
      },
    ],
  },
  {},
);
const runtime = await openGateway(loadConfig({ dataDir }, {}), {
  tenants,
  passThrough: arg('mode') === 'pass-through',
});
const url = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${url}\n`);
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
// Garbage-collection pauses in the same window: a stall in the loop delay that a GC pause explains.
let gcMax = 0;
let gcTotal = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMax = Math.max(gcMax, entry.duration);
    gcTotal += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
const ms = (ns) => Number((ns / 1e6).toFixed(1));
// Commands from the benchmark on stdin: `reset` starts a window, `report` prints it as one JSON line.
createInterface({ input: process.stdin }).on('line', (command) => {
  if (command === 'report')
    process.stdout.write(
      `${JSON.stringify({
        loopDelayP99: ms(loopDelay.percentile(99)),
        loopDelayMax: ms(loopDelay.max),
        gcPauseMax: Number(gcMax.toFixed(1)),
        gcPauseTotal: Number(gcTotal.toFixed(0)),
      })}\n`,
    );
  if (command === 'reset') {
    loopDelay.reset();
    gcMax = 0;
    gcTotal = 0;
  }
});
process.on('SIGTERM', async () => {
  loopDelay.disable();
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
