/**
 * How long finished gateway rows are kept. Inbox rows outlive their message only as dedup records
 * (WhatsApp message ids, no payload): they must outlast the channel's retry window, or a late retry
 * would be taken for a new message. Meta retries a webhook for up to 7 days (contracts §1c), hence a
 * default of 8.
 */
export const DEFAULT_RETENTION_DAYS = 8;

export interface RetentionStore {
  /** Deletes up to `limit` inbox rows already protected and received before `cutoff`; returns how many. */
  deleteDoneInbox(cutoff: number, limit: number): Promise<number>;
  /** Deletes up to `limit` outbox rows delivered or rejected before `cutoff`; returns how many. */
  deleteFinishedOutbox(cutoff: number, limit: number): Promise<number>;
}

export interface RetentionSweepResult {
  readonly inbox: number;
  readonly outbox: number;
}

/**
 * Deletes what is past retention in small batches (short statements, short row locks), yielding to
 * the event loop between batches so deliveries are not held up. Rows still to do are never touched.
 */
export async function sweepRetention(
  store: RetentionStore,
  now: number,
  keepMs: number,
  batch = 500,
): Promise<RetentionSweepResult> {
  const cutoff = now - keepMs;
  let inbox = 0;
  let outbox = 0;
  for (;;) {
    const deleted = await store.deleteDoneInbox(cutoff, batch);
    inbox += deleted;
    if (deleted < batch) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (;;) {
    const deleted = await store.deleteFinishedOutbox(cutoff, batch);
    outbox += deleted;
    if (deleted < batch) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { inbox, outbox };
}
