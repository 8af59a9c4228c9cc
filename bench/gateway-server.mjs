// The gateway as the benchmark runs it: a child process (one core of its own), SQLite in a fresh
// directory, one tenant pointed at the benchmark's platform stand-in. `--mode pass-through` turns
// detection and the vault off (the baseline); `--mode protect` is the real pipeline.
// Prints the URL it listens on; exits on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
process.on('SIGTERM', async () => {
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
