/**
 * Exponential backoff with jitter for platform retries: the ceiling doubles per attempt up to
 * `capMs`; the delay is drawn from the upper half of it ("equal jitter"), so many conversations
 * failing together spread out without any retrying at once at zero delay.
 */
export interface BackoffOptions {
  readonly baseMs: number;
  readonly capMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 250, capMs: 30_000 };

export function backoffMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
