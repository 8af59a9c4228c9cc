import { describe, expect, it } from 'vitest';
import { isVeilError } from '../errors.js';
import {
  SERVICE_WINDOW_MS,
  ServiceWindowTracker,
  assertFreeFormAllowed,
  windowState,
} from './service-window.js';

const t0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('24-hour customer service window', () => {
  it('is open for 24 hours after the last customer message and closed after', () => {
    expect(windowState(t0, at(SERVICE_WINDOW_MS - 1))).toMatchObject({ open: true, remainingMs: 1 });
    expect(windowState(t0, at(SERVICE_WINDOW_MS)).open).toBe(false);
    expect(windowState(undefined, t0).open).toBe(false);
  });

  it('refuses free-form messages outside the window with a message that asks for a template', () => {
    expect(() => assertFreeFormAllowed(t0, at(SERVICE_WINDOW_MS - 1000))).not.toThrow();
    try {
      assertFreeFormAllowed(t0, at(SERVICE_WINDOW_MS + 1000));
      expect.fail('should refuse');
    } catch (error) {
      expect(isVeilError(error) && error.code).toBe('VEIL_ERR_TEMPLATE_WINDOW_CLOSED');
      expect((error as Error).message).toMatch(/template/);
    }
  });

  it('resets on each customer message and ignores late, older webhooks', () => {
    const tracker = new ServiceWindowTracker();
    tracker.recordCustomerMessage('wa1', t0);
    tracker.recordCustomerMessage('wa1', at(20 * 3600_000));
    tracker.recordCustomerMessage('wa1', at(1000));
    expect(tracker.state('wa1', at(30 * 3600_000)).open).toBe(true);
    expect(tracker.state('wa1', at(45 * 3600_000)).open).toBe(false);
    expect(tracker.state('other', t0).open).toBe(false);
  });
});
