import { describe, it, expect } from 'vitest';
import { isVeilError } from '../errors.js';
import type {
  RecordedChange,
  TemplateLifecycleStore,
  TemplateQualityChange,
  TemplateStatusChange,
} from './lifecycle-ports.js';
import { createTemplateLifecycle, type TemplateAlert } from './lifecycle.js';

/** Enough of a store to observe what the handler records (the SQL store has its own tests). */
class RecordingStore implements Pick<TemplateLifecycleStore, 'recordStatus' | 'recordQuality'> {
  readonly statuses: TemplateStatusChange[] = [];
  readonly qualities: TemplateQualityChange[] = [];
  async recordStatus(change: TemplateStatusChange): Promise<RecordedChange> {
    const previous = this.statuses.at(-1)?.status ?? null;
    this.statuses.push(change);
    return { previous, applied: true };
  }
  async recordQuality(change: TemplateQualityChange): Promise<RecordedChange> {
    this.qualities.push(change);
    return { previous: change.previousQuality, applied: true };
  }
}

const setup = () => {
  const store = new RecordingStore();
  const alerts: TemplateAlert[] = [];
  const lifecycle = createTemplateLifecycle({
    store: store as unknown as TemplateLifecycleStore,
    alerts: { templateAlert: (a) => void alerts.push(a) },
    now: () => new Date(9_000_000),
  });
  return { store, alerts, lifecycle };
};

const statusValue = (event: string, extra: Record<string, unknown> = {}) => ({
  event,
  message_template_id: 1689556908129835,
  message_template_name: 'abandoned_cart',
  message_template_language: 'en-US',
  reason: 'NONE',
  message_template_category: 'MARKETING',
  ...extra,
});

describe('template lifecycle webhooks', () => {
  it('records a status update with the language normalised, the id as a string and the event time', async () => {
    const { store, alerts, lifecycle } = setup();
    const outcome = await lifecycle.handleTemplateWebhookChange(
      'message_template_status_update',
      statusValue('APPROVED'),
      {
        time: 1751247548,
      },
    );
    expect(outcome).toEqual({
      kind: 'status',
      name: 'abandoned_cart',
      language: 'en_US',
      value: 'APPROVED',
      applied: true,
      alerted: false,
    });
    expect(store.statuses[0]).toMatchObject({
      templateId: '1689556908129835',
      language: 'en_US',
      reason: null,
      category: 'MARKETING',
      eventAt: 1751247548000,
      receivedAt: 9_000_000,
    });
    expect(alerts).toEqual([]);
  });

  it('alerts on rejection with the reason code and keeps rejection_info in the history only', async () => {
    const { store, alerts, lifecycle } = setup();
    await lifecycle.handleTemplateWebhookChange('message_template_status_update', statusValue('PENDING'));
    await lifecycle.handleTemplateWebhookChange(
      'message_template_status_update',
      statusValue('REJECTED', {
        reason: 'INVALID_FORMAT',
        rejection_info: { reason: 'Parameters placed next to each other', recommendation: 'Separate them' },
      }),
    );
    expect(store.statuses[1]?.detail).toEqual({
      rejection_info: { reason: 'Parameters placed next to each other', recommendation: 'Separate them' },
    });
    expect(alerts).toEqual([
      {
        event: 'REJECTED',
        name: 'abandoned_cart',
        language: 'en_US',
        templateId: '1689556908129835',
        category: 'MARKETING',
        previousStatus: 'PENDING',
        reason: 'INVALID_FORMAT',
        at: new Date(9_000_000),
      },
    ]);
  });

  it('alerts on pause (with the pause title as reason) and on disablement, not on other statuses', async () => {
    const { alerts, lifecycle } = setup();
    for (const event of ['APPROVED', 'PAUSED', 'IN_APPEAL', 'DISABLED', 'REINSTATED', 'flagged']) {
      await lifecycle.handleTemplateWebhookChange(
        'message_template_status_update',
        statusValue(
          event,
          event === 'PAUSED' ? { other_info: { title: 'FIRST_PAUSE', description: 'low quality' } } : {},
        ),
      );
    }
    expect(alerts.map((a) => [a.event, a.reason])).toEqual([
      ['PAUSED', 'FIRST_PAUSE'],
      ['DISABLED', null],
    ]);
  });

  it('records quality updates without alerting', async () => {
    const { store, alerts, lifecycle } = setup();
    const outcome = await lifecycle.handleTemplateWebhookChange('message_template_quality_update', {
      previous_quality_score: 'GREEN',
      new_quality_score: 'RED',
      message_template_id: 5,
      message_template_name: 'promo',
      message_template_language: 'pt-BR',
    });
    expect(outcome).toMatchObject({ kind: 'quality', value: 'RED', language: 'pt_BR' });
    expect(store.qualities[0]).toMatchObject({ quality: 'RED', previousQuality: 'GREEN', templateId: '5' });
    expect(alerts).toEqual([]);
  });

  it('ignores other fields and refuses a malformed template value with a coded error', async () => {
    const { store, lifecycle } = setup();
    expect(await lifecycle.handleTemplateWebhookChange('messages', { anything: true })).toEqual({
      kind: 'ignored',
      field: 'messages',
    });
    const error = await lifecycle
      .handleTemplateWebhookChange('message_template_status_update', { event: 'APPROVED' })
      .catch((e: unknown) => e);
    expect(isVeilError(error) && error.code).toBe('VEIL_ERR_TEMPLATE_WEBHOOK_VALUE');
    expect(store.statuses).toEqual([]);
  });
});
