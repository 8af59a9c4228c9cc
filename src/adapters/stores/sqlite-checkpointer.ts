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
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  Atomics.store(workerData.closed, 0, 1);
  Atomics.notify(workerData.closed, 0);
  process.exit(0);
});
`;

/** Longest the closing thread waits for the worker to let go of the file (a checkpoint in progress). */
const STOP_WAIT_MS = 5_000;

export interface BackgroundCheckpoints {
  /**
   * Stops the worker and returns once its connection is closed, so that the caller's own close is
   * the last one (it then folds the WAL back and removes it) and the directory can be deleted.
   * Synchronous because the driver's close is: it blocks for at most one checkpoint.
   */
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
  const closed = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, everyMs, driver, closed },
  });
  let running = true;
  // The worker must not keep a process alive that has nothing else to do.
  worker.unref();
  const lost = (): void => {
    if (running) onLost();
    running = false;
  };
  worker.once('error', lost);
  worker.once('exit', lost);
  return {
    stop() {
      if (!running) return;
      running = false;
      worker.postMessage('stop');
      Atomics.wait(closed, 0, 0, STOP_WAIT_MS);
    },
  };
}
