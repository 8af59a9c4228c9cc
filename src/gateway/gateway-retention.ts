/**
 * How long finished gateway rows are kept. Inbox rows outlive their message only as dedup records
 * (WhatsApp message ids, no payload): they must outlast the channel's retry window, or a late retry
 * would be taken for a new message. Meta retries a webhook for up to 7 days (contracts §1c), hence a
 * default of 8.
 */
export const DEFAULT_RETENTION_DAYS = 8;

/**
 * What the sweep deletes once it is past retention, oldest first:
 * - `inbox`: protected inbox rows (dedup records: tenant, wamid, conversation);
 * - `outbox`: messages delivered to or rejected by the platform;
 * - `outboundJobs`: finished platform → channel jobs (their text is already erased);
 * - `outbound`: the map from a sent WhatsApp message to the platform's message, which turns the
 *   channel's statuses into receipts (a status arriving later than retention is dropped);
 * - `segments`: closed secure segments (who had one, when, why).
 * Work still to do and open segments are never touched. Customer pseudonyms are not swept: replies
 * need them for as long as the customer may write, and erasing a customer is the vault's job.
 */
export const RETAINED = ['inbox', 'outbox', 'outboundJobs', 'outbound', 'segments'] as const;
export type Retained = (typeof RETAINED)[number];

export interface RetentionStore {
  /** Deletes up to `limit` finished rows of `what` older than `cutoff`; returns how many. */
  deleteFinished(what: Retained, cutoff: number, limit: number): Promise<number>;
}

export type RetentionSweepResult = Readonly<Record<Retained, number>>;

/**
 * Deletes what is past retention in small batches (short statements, short row locks), yielding to
 * the event loop between batches so deliveries are not held up.
 */
export async function sweepRetention(
  store: RetentionStore,
  now: number,
  keepMs: number,
  batch = 500,
): Promise<RetentionSweepResult> {
  const cutoff = now - keepMs;
  const deleted = Object.fromEntries(RETAINED.map((what) => [what, 0])) as Record<Retained, number>;
  for (const what of RETAINED) {
    for (;;) {
      const count = await store.deleteFinished(what, cutoff, batch);
      deleted[what] += count;
      if (count < batch) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return deleted;
}
