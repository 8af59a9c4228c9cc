import { createHmac } from 'node:crypto';
import { Counter, register as defaultRegistry, type Registry } from 'prom-client';
import type { AlertSink, TemplateAlert } from '../../core/templates/lifecycle.js';

/**
 * Where template alerts (rejection, pause, disablement) go. Each sink carries only identifiers and
 * Meta's reason code: never message text, parameters or rejection_info prose.
 */

/** The fields every sink emits: the alert minus nothing sensitive (it holds none), time as ISO text. */
export function alertFields(alert: TemplateAlert): Record<string, string | null> {
  return {
    event: alert.event,
    template: alert.name,
    language: alert.language,
    templateId: alert.templateId,
    category: alert.category,
    previousStatus: alert.previousStatus,
    reason: alert.reason,
    at: alert.at.toISOString(),
  };
}

/** A pino-compatible logger (only `warn` is used). */
export interface AlertLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

export function logAlertSink(logger: AlertLogger): AlertSink {
  return {
    templateAlert(alert) {
      logger.warn({ alert: 'template', ...alertFields(alert) }, `template ${alert.event.toLowerCase()}`);
    },
  };
}

export const TEMPLATE_ALERTS_METRIC = 'veil_template_alerts_total';

/** `veil_template_alerts_total{event}`; template names are left out of labels to bound cardinality. */
export function metricAlertSink(registry: Registry = defaultRegistry): AlertSink {
  const existing = registry.getSingleMetric(TEMPLATE_ALERTS_METRIC);
  const counter =
    (existing as Counter<'event'> | undefined) ??
    new Counter({
      name: TEMPLATE_ALERTS_METRIC,
      help: 'Template rejections, pauses and disablements reported by Meta',
      labelNames: ['event'],
      registers: [registry],
    });
  return {
    templateAlert(alert) {
      counter.inc({ event: alert.event });
    },
  };
}

export interface WebhookAlertOptions {
  readonly url: string;
  /** When set, the body is signed: `X-Veil-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>`. */
  readonly secret?: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** POSTs `{"type":"template.alert", …fields}` to an operator's URL. Throws when the receiver refuses. */
export function webhookAlertSink(options: WebhookAlertOptions): AlertSink {
  const send = options.fetch ?? fetch;
  return {
    async templateAlert(alert) {
      const body = JSON.stringify({ type: 'template.alert', ...alertFields(alert) });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.secret)
        headers['x-veil-signature-256'] =
          `sha256=${createHmac('sha256', options.secret).update(body).digest('hex')}`;
      const response = await send(options.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`alert webhook answered ${response.status}`);
    },
  };
}

/**
 * Sends each alert to every sink. One failing sink (an unreachable alert webhook) never stops the
 * others nor the webhook handling: Meta would redeliver the whole batch and the history would
 * record it twice. Failures are reported to `onError` (the sink's index and the error, no alert text).
 */
export function fanOutAlerts(
  sinks: readonly AlertSink[],
  onError?: (index: number, error: unknown) => void,
): AlertSink {
  return {
    async templateAlert(alert) {
      await Promise.all(
        sinks.map(async (sink, index) => {
          try {
            await sink.templateAlert(alert);
          } catch (error) {
            onError?.(index, error);
          }
        }),
      );
    },
  };
}
