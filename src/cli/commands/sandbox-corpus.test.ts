import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  reportCorpusDelivery,
  sendThroughWhatsApp,
  startSandbox,
  type LabelledMessage,
  type PlatformMessage,
} from '../../../sandbox/index.js';
import { sandboxGateway } from './sandbox-gateway.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpusPath = path.join(
  process.env.VEIL_EVAL_DIR ?? path.resolve(root, '..', 'shared', 'eval'),
  'dev.jsonl',
);

// The labelled corpus lives beside the project (../shared), never in it; without it there is nothing to run.
describe.skipIf(!existsSync(corpusPath))('the dev corpus end to end through the sandbox', () => {
  it('reaches Genesys once per message, in order per customer, with no labelled value as it was', async () => {
    const corpus = readFileSync(corpusPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as LabelledMessage);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'veil-corpus-e2e-'));
    const sandbox = await startSandbox({
      port: 0,
      whatsappPort: 0,
      genesysPort: 0,
      dataDir,
      gateway: sandboxGateway,
    });
    try {
      sandbox.whatsapp.state.updateSettings({ statusDelayMs: 60_000 });
      // The simulator's real 300 requests/min would make this a 7-minute test; 429s have their own tests.
      sandbox.genesys.state.updateSettings({ rateLimitPerMinute: 1_000_000 });
      const sent = await sendThroughWhatsApp(sandbox.urls.whatsapp, corpus, 20);
      await sandbox.genesys.events.waitFor(() => sandbox.genesys.state.seenMessageIds.size >= corpus.length, {
        timeoutMs: 240_000,
      });
      const received = (await (
        await fetch(`${sandbox.urls.genesys}/__sim/inbound`)
      ).json()) as PlatformMessage[];
      const report = reportCorpusDelivery(sent, received);

      expect(report.sent).toBe(corpus.length);
      expect(report.arrivedOnce).toBe(corpus.length);
      expect(report.orderBroken).toBe(0);
      expect(Object.values(report.totals).reduce((a, b) => a + b, 0)).toBeGreaterThan(1_000);
      expect(report.leaks).toEqual({});
    } finally {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
