import { userError } from '../errors.js';
import { TemplateErrorCode } from './template-errors.js';

/**
 * The 24-hour customer service window (contracts.md §1f): each customer message opens or resets it;
 * outside it only approved templates may be sent (free-form sends fail with 131047). Veil refuses such
 * sends itself, before they reach Meta.
 */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface WindowState {
  readonly open: boolean;
  /** When the window closes (or closed); absent when the customer never wrote. */
  readonly closesAt?: Date;
  readonly remainingMs: number;
}

export function windowState(lastCustomerMessageAt: Date | undefined, now: Date): WindowState {
  if (!lastCustomerMessageAt) return { open: false, remainingMs: 0 };
  const closesAt = new Date(lastCustomerMessageAt.getTime() + SERVICE_WINDOW_MS);
  const remainingMs = Math.max(0, closesAt.getTime() - now.getTime());
  return { open: remainingMs > 0, closesAt, remainingMs };
}

/** Throws a clear error when a free-form message would be sent outside the window. */
export function assertFreeFormAllowed(lastCustomerMessageAt: Date | undefined, now: Date): void {
  const state = windowState(lastCustomerMessageAt, now);
  if (state.open) return;
  const since = lastCustomerMessageAt
    ? `the customer last wrote at ${lastCustomerMessageAt.toISOString()}`
    : 'the customer has never written';
  throw userError(
    TemplateErrorCode.windowClosed,
    `free-form message refused: ${since}, so the 24-hour window is closed; send an approved template instead`,
    { closedAt: state.closesAt?.toISOString() ?? null },
  );
}

/**
 * Remembers the last customer message per conversation. Webhooks may arrive late or out of order, so
 * an older timestamp never moves the window back.
 */
export class ServiceWindowTracker {
  readonly #last = new Map<string, number>();

  recordCustomerMessage(conversation: string, at: Date): void {
    const previous = this.#last.get(conversation) ?? -Infinity;
    if (at.getTime() > previous) this.#last.set(conversation, at.getTime());
  }

  lastCustomerMessageAt(conversation: string): Date | undefined {
    const t = this.#last.get(conversation);
    return t === undefined ? undefined : new Date(t);
  }

  state(conversation: string, now: Date): WindowState {
    return windowState(this.lastCustomerMessageAt(conversation), now);
  }
}
