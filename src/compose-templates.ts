import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import {
  fanOutAlerts,
  logAlertSink,
  metricAlertSink,
  webhookAlertSink,
  type AlertLogger,
} from './adapters/alerts/template-alert-sinks.js';
import { GraphTemplateClient } from './adapters/channels/whatsapp/template-client.js';
import type { VeilDatabase } from './adapters/stores/schema.js';
import { SqlTemplateStore } from './adapters/stores/template-store.js';
import { SqlCustomerWindowStore } from './adapters/stores/template-window-store.js';
import { loadFolder } from './adapters/templates/template-files.js';
import { buildDetectionEngine } from './compose-detection.js';
import type { VeilConfig } from './config/config.js';
import { inspectorFrom, type ParameterInspector } from './core/templates/inspector.js';
import { recordProviderStatuses } from './core/templates/lifecycle-sync.js';
import { createTemplateLifecycle, type TemplateLifecycle } from './core/templates/lifecycle.js';
import type { TemplateRoutesDeps } from './http/routes/template-routes.js';

/**
 * Part of the composition root: the template lifecycle (webhook handler, alerts) and, when a
 * definitions folder and a WhatsApp sender are configured, the dependencies of the template routes.
 */
export interface TemplatesRuntime {
  /** For `POST /webhooks/whatsapp` (`WhatsAppWebhookDeps.templates`). */
  readonly lifecycle: TemplateLifecycle;
  readonly store: SqlTemplateStore;
  /** Last customer message per customer; the gateway's inbound flow should record into it. */
  readonly window: SqlCustomerWindowStore;
  /** For `buildApp({ templates })`; absent without VEIL_TEMPLATES_DIR, an access token and a phone number id. */
  readonly routes?: TemplateRoutesDeps;
  /**
   * Records the provider's current list (templates created before Veil subscribed to the webhooks are
   * otherwise unknown, and unknown templates are never sent). Present with an access token and a WABA id;
   * call at start-up and now and then. Returns how many changes were recorded.
   */
  readonly syncFromProvider?: () => Promise<number>;
}

export interface TemplatesOpenOptions {
  readonly logger: AlertLogger;
  readonly registry?: Registry;
  /**
   * Finds sensitive data in parameters (quick-reply payloads with any are refused). Default: the
   * configured detection engine, so the check is on unless a caller replaces it.
   */
  readonly inspect?: ParameterInspector;
  readonly fetch?: typeof fetch;
}

export async function openTemplates(
  config: VeilConfig,
  db: Kysely<VeilDatabase>,
  options: TemplatesOpenOptions,
): Promise<TemplatesRuntime> {
  const store = new SqlTemplateStore(db);
  const window = new SqlCustomerWindowStore(db);
  const sinks = [
    logAlertSink(options.logger),
    metricAlertSink(options.registry),
    ...(config.templateAlertWebhookUrl
      ? [
          webhookAlertSink({
            url: config.templateAlertWebhookUrl,
            ...(config.templateAlertWebhookSecret ? { secret: config.templateAlertWebhookSecret } : {}),
            ...(options.fetch ? { fetch: options.fetch } : {}),
          }),
        ]
      : []),
  ];
  const alerts = fanOutAlerts(sinks, (index, error) =>
    options.logger.warn(
      { alert: 'template', sink: index, error: error instanceof Error ? error.message : String(error) },
      'template alert not delivered',
    ),
  );
  const lifecycle = createTemplateLifecycle({ store, alerts });

  const client = config.whatsappAccessToken
    ? new GraphTemplateClient({
        baseUrl: config.whatsappGraphUrl,
        apiVersion: config.whatsappApiVersion,
        accessToken: config.whatsappAccessToken,
        wabaId: config.whatsappWabaId ?? '',
        ...(config.whatsappPhoneNumberId ? { phoneNumberId: config.whatsappPhoneNumberId } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
    : undefined;
  const syncFromProvider =
    client && config.whatsappWabaId
      ? async () => recordProviderStatuses(store, await client.listTemplates(), new Date())
      : undefined;

  let routes: TemplateRoutesDeps | undefined;
  if (client && config.templatesDir && config.whatsappPhoneNumberId) {
    const definitions = new Map((await loadFolder(config.templatesDir)).map((d) => [d.name, d]));
    routes = {
      definitionOf: (name) => definitions.get(name),
      store,
      window,
      decisions: store,
      sendTemplate: (body) => client.sendTemplate(body),
      sendText: (to, text) => client.sendText(to, text),
      inspect: options.inspect ?? inspectorFrom(buildDetectionEngine(config)),
    };
  }
  return {
    lifecycle,
    store,
    window,
    ...(routes ? { routes } : {}),
    ...(syncFromProvider ? { syncFromProvider } : {}),
  };
}
