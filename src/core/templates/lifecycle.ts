import { userError } from '../errors.js';
import type { RecordedChange, TemplateLifecycleStore } from './lifecycle-ports.js';
import {
  normaliseLanguage,
  templateQualityValueSchema,
  templateStatusValueSchema,
} from './lifecycle-schema.js';

/**
 * Template lifecycle from Meta's webhooks: each `message_template_status_update` and
 * `message_template_quality_update` goes into the status history; rejections, pauses and
 * disablements raise an alert, because each silently breaks every send that uses the template.
 */

export const TEMPLATE_STATUS_FIELD = 'message_template_status_update';
export const TEMPLATE_QUALITY_FIELD = 'message_template_quality_update';

/** Statuses that stop a template from being sent and that someone should hear about. */
export const ALERTING_STATUSES: ReadonlySet<string> = new Set(['REJECTED', 'PAUSED', 'DISABLED']);

export interface TemplateAlert {
  readonly event: 'REJECTED' | 'PAUSED' | 'DISABLED';
  readonly name: string;
  readonly language: string;
  readonly templateId: string | null;
  readonly category: string | null;
  readonly previousStatus: string | null;
  /** Meta's reason code (INVALID_FORMAT, …) or pause title (FIRST_PAUSE, …); never message text. */
  readonly reason: string | null;
  readonly at: Date;
}

/** Where alerts go: a log event, a metric, an outgoing webhook (src/adapters/alerts). */
export interface AlertSink {
  templateAlert(alert: TemplateAlert): void | Promise<void>;
}

export type TemplateWebhookOutcome =
  | {
      readonly kind: 'status' | 'quality';
      readonly name: string;
      readonly language: string;
      readonly value: string;
      readonly applied: boolean;
      readonly alerted: boolean;
    }
  | { readonly kind: 'ignored'; readonly field: string };

export interface TemplateWebhookContext {
  /** `entry[].time` (unix seconds) when the webhook carried it. */
  readonly time?: number;
}

export interface TemplateLifecycleDeps {
  readonly store: TemplateLifecycleStore;
  readonly alerts: AlertSink;
  readonly now?: () => Date;
}

export const TemplateLifecycleErrorCode = {
  webhookValue: 'VEIL_ERR_TEMPLATE_WEBHOOK_VALUE',
} as const;

export interface TemplateLifecycle {
  /**
   * Handles one `entry[].changes[]` item of a WhatsApp webhook. Fields other than the two template
   * fields are ignored (`kind: 'ignored'`), so the webhook route may pass every change it receives.
   * A malformed template value throws VEIL_ERR_TEMPLATE_WEBHOOK_VALUE.
   */
  handleTemplateWebhookChange(
    field: string,
    value: unknown,
    context?: TemplateWebhookContext,
  ): Promise<TemplateWebhookOutcome>;
}

export function createTemplateLifecycle(deps: TemplateLifecycleDeps): TemplateLifecycle {
  const now = deps.now ?? (() => new Date());
  const eventTime = (received: number, context?: TemplateWebhookContext) =>
    context?.time !== undefined && Number.isFinite(context.time) ? context.time * 1000 : received;

  return {
    async handleTemplateWebhookChange(field, value, context) {
      if (field === TEMPLATE_STATUS_FIELD) {
        const parsed = templateStatusValueSchema.safeParse(value);
        if (!parsed.success) throw invalidValue(field, parsed.error.issues);
        const v = parsed.data;
        const received = now().getTime();
        const status = v.event.toUpperCase();
        const language = normaliseLanguage(v.message_template_language);
        const reason = v.reason && v.reason !== 'NONE' ? v.reason : null;
        const detail = {
          ...(v.rejection_info ? { rejection_info: v.rejection_info } : {}),
          ...(v.other_info ? { other_info: v.other_info } : {}),
          ...(v.disable_info ? { disable_info: v.disable_info } : {}),
        };
        const recorded: RecordedChange = await deps.store.recordStatus({
          name: v.message_template_name,
          language,
          templateId: v.message_template_id,
          category: v.message_template_category ?? null,
          status,
          reason,
          detail: Object.keys(detail).length > 0 ? detail : null,
          eventAt: eventTime(received, context),
          receivedAt: received,
        });
        // Alert on every reported rejection/pause/disable, even one that arrives late: it happened.
        const alerted = ALERTING_STATUSES.has(status);
        if (alerted) {
          await deps.alerts.templateAlert({
            event: status as TemplateAlert['event'],
            name: v.message_template_name,
            language,
            templateId: v.message_template_id,
            category: v.message_template_category ?? null,
            previousStatus: recorded.previous,
            reason: reason ?? v.other_info?.title ?? null,
            at: new Date(eventTime(received, context)),
          });
        }
        return {
          kind: 'status',
          name: v.message_template_name,
          language,
          value: status,
          applied: recorded.applied,
          alerted,
        };
      }
      if (field === TEMPLATE_QUALITY_FIELD) {
        const parsed = templateQualityValueSchema.safeParse(value);
        if (!parsed.success) throw invalidValue(field, parsed.error.issues);
        const v = parsed.data;
        const received = now().getTime();
        const language = normaliseLanguage(v.message_template_language);
        const quality = v.new_quality_score.toUpperCase();
        const recorded = await deps.store.recordQuality({
          name: v.message_template_name,
          language,
          templateId: v.message_template_id,
          quality,
          previousQuality: v.previous_quality_score?.toUpperCase() ?? null,
          eventAt: eventTime(received, context),
          receivedAt: received,
        });
        return {
          kind: 'quality',
          name: v.message_template_name,
          language,
          value: quality,
          applied: recorded.applied,
          alerted: false,
        };
      }
      return { kind: 'ignored', field };
    },
  };
}

function invalidValue(field: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return userError(TemplateLifecycleErrorCode.webhookValue, `${field} webhook value is malformed`, {
    errors: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}
