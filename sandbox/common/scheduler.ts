/** setTimeout with bookkeeping, so a simulator's close() or reset() cancels what it scheduled. */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();

  after(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    this.timers.add(timer);
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
