/**
 * Group commit: items submitted in the same event-loop turn are written by one `commit` call (one
 * transaction, so one WAL commit on SQLite instead of one per item), and each submitter's promise
 * settles only once that call has finished, so a caller that awaits its item still knows it is
 * durably stored. Concurrent webhooks arrive in the same turn often: under load a batch holds tens of
 * them. A failed commit fails every submitter of its batch.
 */
export class GroupCommit<T, R> {
  readonly #commit: (items: readonly T[]) => Promise<readonly R[]>;
  #queue: { readonly item: T; resolve(result: R): void; reject(error: unknown): void }[] = [];

  /** `commit` writes the items in one transaction and returns one result per item, in order. */
  constructor(commit: (items: readonly T[]) => Promise<readonly R[]>) {
    this.#commit = commit;
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      // setImmediate, not a microtask: it runs after the turn's I/O callbacks, so every request
      // parsed in this turn joins the batch.
      if (this.#queue.length === 1) setImmediate(() => void this.#flush());
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#queue;
    this.#queue = [];
    try {
      const results = await this.#commit(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => entry.resolve(results[i] as R));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
