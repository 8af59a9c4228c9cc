import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints on a thread of their own. SQLite's automatic checkpoint runs inside whichever
 * commit crosses the threshold: it copies the whole WAL into the database file and fsyncs it, and
 * in a Node process that commit runs on the event loop, so every request waiting behind it stalls
 * (measured: single 70–90 ms pauses every few thousand gateway messages, which made the p99).
 * Here a worker thread with its own connection runs a PASSIVE checkpoint every `everyMs`: it never
 * waits for the writer, the writer never waits for it, and the copy and fsync use the other core.
 *
 * Inline worker source (CommonJS, `eval`) so that the same code runs from `src` under the test
 * runner and from `dist`, without a separate worker file to locate.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
parentPort.postMessage('ready');
`;

export interface BackgroundCheckpoints {
  /** Asks the worker to finish its checkpoint, close its connection and exit. */
  stop(): void;
}

/**
 * Starts checkpointing `file` in a worker. `onLost` is called if the worker dies (the caller then
 * turns automatic checkpoints back on, so the WAL never grows without bound).
 */
export function startBackgroundCheckpoints(
  file: string,
  onLost: () => void,
  everyMs = 200,
): BackgroundCheckpoints {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs, driver } });
  let stopping = false;
  // The worker must not keep a process alive that has nothing else to do.
  worker.unref();
  const lost = (): void => {
    if (!stopping) onLost();
    stopping = true;
  };
  worker.once('error', lost);
  worker.once('exit', lost);
  return {
    stop() {
      if (stopping) return;
      stopping = true;
      worker.postMessage('stop');
    },
  };
}
