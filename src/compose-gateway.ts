import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { GraphMediaClient } from './adapters/channels/whatsapp/media-client.js';
import { FsBlobStore } from './adapters/stores/fs-blob-store.js';
import { MediaVault } from './core/media/media-vault.js';
import { mediaProtection } from './gateway/media-protection.js';
import { mediaRoute } from './http/routes/media.js';
import { GraphTemplateClient } from './adapters/channels/whatsapp/template-client.js';
import { OAuthTokenCache } from './adapters/platforms/genesys/oauth-token-cache.js';
import { OpenMessagingClient } from './adapters/platforms/genesys/open-messaging-client.js';
import { SqlGatewayStore } from './adapters/stores/sql-gateway-store.js';
import { SqlGatewayRetention } from './adapters/stores/sql-gateway-retention.js';
import { SqlLeaseStore } from './adapters/stores/sql-lease-store.js';
import { buildDetectionEngine } from './compose-detection.js';
import { openTemplates, type TemplatesRuntime } from './compose-templates.js';
import { buildVaultApp, openVault, vaultOperators, type VaultRuntime } from './compose.js';
import type { VeilConfig } from './config/config.js';
import type { TenantConfig } from './config/tenants.js';
import { createOperatorRegistry } from './core/protection/default-operators.js';
import { encryptionConfig, protectsAuthor } from './gateway/encryption-config.js';
import type { GatewayTenant } from './gateway/gateway-tenant.js';
import {
  InboundPipeline,
  type GatewayEvent,
  type InboundPipelineOptions,
} from './gateway/inbound-pipeline.js';
import { sweepRetention, type RetentionSweepResult } from './gateway/gateway-retention.js';
import { bucketOf } from './gateway/lease-buckets.js';
import { LeaseKeeper, type LeaseKeeperOptions } from './gateway/lease-keeper.js';
import { leasedGatewayStore } from './gateway/leased-gateway-store.js';
import { OutboundRelay, type RelayTenant } from './gateway/outbound-relay.js';
import { detectingProtector, passThroughProtector } from './gateway/text-protector.js';
import { registerWebhookRoutes } from './http/routes/webhook-routes.js';
import { registerApiKeyAuth } from './http/api-key-auth.js';
import { secureSegmentsRoute } from './http/routes/secure-segments.js';
import { SecureSegments } from './gateway/secure-segments.js';
import { builtInActions, DataActions } from './gateway/data-actions.js';
import { dataActionsRoute } from './http/routes/data-actions.js';
import { gatewayMetrics } from './http/routes/gateway-metrics.js';
import { compileLinearPattern } from './adapters/regex/re2-pattern.js';
import { configInForce, ConversationConfigs } from './gateway/conversation-configs.js';
import type { EncryptionConfig } from './gateway/encryption-config.js';
import type { SegmentTriggers } from './gateway/secure-segment-triggers.js';
import { conversationConfigsRoute } from './http/routes/conversation-configs.js';
import { revealForCustomer } from './gateway/bot-reveals.js';
import { whatsappSendOutcome } from './adapters/channels/whatsapp/send-outcome.js';
import { OutboundWorker } from './gateway/outbound-worker.js';

/**
 * Part of the composition root: the gateway (webhooks → inbox → protect → outbox → Genesys, and
 * Genesys → WhatsApp) over the vault's database, with one OAuth token cache and one Graph client per
 * tenant. `passThrough` turns detection and the vault off: only the benchmark's baseline uses it.
 */
export interface GatewayOpenOptions {
  readonly tenants: readonly TenantConfig[];
  readonly passThrough?: boolean;
  readonly pipeline?: Partial<
    Pick<
      InboundPipelineOptions,
      | 'delay'
      | 'random'
      | 'backoff'
      | 'breaker'
      | 'maxInFlight'
      | 'maxQueued'
      | 'onEvent'
      | 'clock'
      | 'pollMs'
    >
  >;
  /** How often blobs nobody can open any more (erased, expired, deleted tokens) are deleted; 0: never. */
  readonly mediaSweepMs?: number;
  /** Waits between media download retries (tests pass one that returns at once). */
  readonly mediaDelay?: (ms: number) => Promise<void>;
  /** How often finished rows past `gatewayRetentionDays` are deleted (default 10 min); 0: never. */
  readonly retentionSweepMs?: number;
  /** Lease timing (tests use a short TTL, a shared clock and `heartbeatMs: 0` to tick by hand). */
  readonly leases?: Pick<LeaseKeeperOptions, 'ttlMs' | 'heartbeatMs' | 'owner'>;
}

export interface GatewayRuntime {
  readonly app: FastifyInstance;
  readonly vault: VaultRuntime;
  readonly store: SqlGatewayStore;
  readonly pipeline: InboundPipeline;
  /** This process's share of the conversation buckets (all of them when it runs alone). */
  readonly leases: LeaseKeeper;
  readonly relay: OutboundRelay;
  readonly outbound: OutboundWorker;
  readonly templates: TemplatesRuntime;
  readonly tokens: ReadonlyMap<string, OAuthTokenCache>;
  readonly media: MediaVault;
  /** Deletes finished rows past retention now (the timer does it every `retentionSweepMs`). */
  sweepRetention(): Promise<RetentionSweepResult>;
  close(): Promise<void>;
}

export async function openGateway(config: VeilConfig, options: GatewayOpenOptions): Promise<GatewayRuntime> {
  const vault = await openVault(config, { longRunning: true });
  try {
    const engine = buildDetectionEngine(config);
    const operators = createOperatorRegistry({ extra: vaultOperators(vault) });
    const protector = options.passThrough ? passThroughProtector : detectingProtector(engine, operators);
    const store = new SqlGatewayStore(vault.store.db);
    const media = new MediaVault({
      vault: vault.vault,
      blobs: new FsBlobStore(path.join(config.dataDir, 'blobs')),
      audit: vault.store,
      ...(options.pipeline?.clock ? { clock: options.pipeline.clock } : {}),
    });
    const metrics = gatewayMetrics(store);
    const onEvent = options.pipeline?.onEvent;
    const emit = (event: GatewayEvent): void => {
      metrics.onEvent(event);
      onEvent?.(event);
    };
    const tokens = new Map<string, OAuthTokenCache>();
    const clock = options.pipeline?.clock ?? Date.now;
    const gatewayTenants = new Map<string, GatewayTenant>();
    const relayTenants = new Map<string, RelayTenant>();
    const platforms: OpenMessagingClient[] = [];
    for (const t of options.tenants) {
      const cache = new OAuthTokenCache({
        loginUrl: t.genesys.loginUrl,
        clientId: t.genesys.clientId,
        clientSecret: t.genesys.clientSecret,
      });
      tokens.set(t.id, cache);
      const platform = new OpenMessagingClient({
        apiUrl: t.genesys.apiUrl,
        integrationId: t.genesys.integrationId,
        tokens: cache,
      });
      platforms.push(platform);
      const configs = new Map<string, EncryptionConfig>(
        Object.entries(t.encryption.configs).map(([name, spec]) => [name, encryptionConfig(name, spec)]),
      );
      const defaultEncryption = configs.get(t.encryption.default)!;
      const triggers = segmentTriggers(t);
      gatewayTenants.set(t.id, {
        id: t.id,
        identity: t.identity,
        encryption: defaultEncryption,
        configs,
        triggers,
        platform,
        secureNotice: t.secureSegments.notice,
        ...(options.passThrough
          ? {}
          : {
              media: mediaProtection({
                tenant: t.id,
                settings: t.media,
                safe: media,
                downloader: new GraphMediaClient({
                  baseUrl: t.whatsapp.graphUrl,
                  apiVersion: t.whatsapp.apiVersion,
                  accessToken: t.whatsapp.accessToken,
                  phoneNumberId: t.whatsapp.phoneNumberId,
                  downloadHosts: t.media.downloadHosts,
                  ...(options.mediaDelay ? { delay: options.mediaDelay } : {}),
                }),
                onFailure: (id, code) => emit({ type: 'media-failed', tenant: t.id, id, code }),
              }),
            }),
      });
      const graph = new GraphTemplateClient({
        baseUrl: t.whatsapp.graphUrl,
        apiVersion: t.whatsapp.apiVersion,
        accessToken: t.whatsapp.accessToken,
        wabaId: t.whatsapp.wabaId ?? '',
        phoneNumberId: t.whatsapp.phoneNumberId,
      });
      relayTenants.set(t.id, {
        id: t.id,
        agentData: t.outbound.agentData,
        // Agents' pasted data is checked only when the config in force (an open segment's, the
        // conversation's, the default) protects agent text.
        protectsAgent: async (customer) =>
          protectsAuthor(
            await configInForce(store, t.id, customer, configs, defaultEncryption, clock()),
            'agent',
          ),
        triggers,
        botReveal: (text, customer) =>
          revealForCustomer(vault.vault, text, customer, {
            tenant: t.id,
            integration: t.genesys.integrationId,
            levels: t.outbound.botReveal,
            hidden: t.outbound.botHidden,
          }),
        blockNotice: t.outbound.blockNotice,
        channel: { sendText: (to, text) => whatsappSendOutcome(graph.sendText(to, text)) },
        receipts: platform,
      });
    }
    const byId = new Map(options.tenants.map((t) => [t.id, t]));
    const segments = new SecureSegments(
      store,
      (tenant) => ({
        defaultTtlSeconds: byId.get(tenant)?.secureSegments.defaultTtlSeconds ?? 600,
        configs: new Set(Object.keys(byId.get(tenant)?.encryption.configs ?? {})),
      }),
      options.pipeline?.clock,
    );
    const conversationConfigs = new ConversationConfigs(
      store,
      (tenant) => ({
        default: byId.get(tenant)?.encryption.default ?? '',
        names: new Set(Object.keys(byId.get(tenant)?.encryption.configs ?? {})),
      }),
      options.pipeline?.clock,
    );
    const openSegment = segments.openFor.bind(segments);
    // Every process, even alone on SQLite, works through leases: alone it simply holds every bucket.
    const shared = config.databaseUrl !== undefined;
    const leaseStore = new SqlLeaseStore(vault.store.db, shared ? 'postgres' : 'sqlite');
    const leases = new LeaseKeeper({
      store: leaseStore,
      ttlMs: config.gatewayLeaseTtlSeconds * 1000,
      ...options.leases,
      ...(options.pipeline?.clock ? { clock: options.pipeline.clock } : {}),
      busy: (bucket) => {
        const inBucket = (tenant: string, key: string) => bucketOf(tenant, key) === bucket;
        return pipeline.busyWith(inBucket) || outboundWorker.busyWith(inBucket);
      },
      onGained: () => {
        pipeline.rescan();
        outboundWorker.kick();
      },
      // A failed tick (database unreachable) retries on the next one; meanwhile the leases age out locally.
      onError: (error) =>
        built.app?.log.warn(
          { code: (error as { code?: unknown }).code ?? 'unexpected' },
          'lease tick failed',
        ),
    });
    const pipeline: InboundPipeline = new InboundPipeline({
      store: leasedGatewayStore(store, leaseStore, leases),
      ownership: leases,
      // Another process may store the webhooks of this one's conversations: look for them regularly.
      ...(shared ? { pollMs: 250 } : {}),
      tenants: gatewayTenants,
      protector,
      openSegment,
      ...options.pipeline,
      onEvent: emit,
    });
    // Alerts and the outbound worker log through the app's logger, which exists only once the app is built.
    const built: { app?: FastifyInstance } = {};
    const relay = new OutboundRelay({
      store,
      tenants: relayTenants,
      protector,
      containsSensitiveData: (text) => engine.detect({ text }).length > 0,
      openSegment,
      kick: () => outboundWorker.kick(),
      ...(options.pipeline?.clock ? { clock: options.pipeline.clock } : {}),
    });
    const outboundWorker = new OutboundWorker({
      store,
      handlers: relay.handlers(),
      owns: (tenant, lane) => pipeline.owns(tenant, lane),
      ...(options.pipeline?.backoff ? { backoff: options.pipeline.backoff } : {}),
      ...(options.pipeline?.random ? { random: options.pipeline.random } : {}),
      ...(options.pipeline?.clock ? { clock: options.pipeline.clock } : {}),
      // Another process may store jobs for this one's customers, as for inbound.
      ...(shared ? { pollMs: 250 } : {}),
      ...(options.pipeline?.pollMs !== undefined ? { pollMs: options.pipeline.pollMs } : {}),
      onError: (error) =>
        built.app?.log.error(
          { code: (error as { code?: unknown }).code ?? 'unexpected' },
          'outbound job failed',
        ),
    });
    const actions = new DataActions(
      vault.vault,
      builtInActions(engine),
      (tenant, name) => byId.get(tenant)?.actions[name],
      protector,
      (tenant) => gatewayTenants.get(tenant)?.encryption.policy ?? { defaultOperator: 'tokenize' },
    );
    const templates = await openTemplates(config, vault.store.db, {
      logger: { warn: (fields, message) => built.app?.log.warn(fields, message) },
    });
    const app = buildVaultApp(vault, templates.routes ? { templates: templates.routes } : {});
    built.app = app;
    app.get('/readyz', async () => ({ status: 'ready' }));
    metrics.register(app);
    app.register(
      async (v1) => {
        registerApiKeyAuth(v1, vault.apiKeys);
        secureSegmentsRoute(v1, segments, new Set(options.tenants.map((t) => t.id)));
        conversationConfigsRoute(v1, conversationConfigs, new Set(options.tenants.map((t) => t.id)));
        dataActionsRoute(v1, actions);
        mediaRoute(v1, media);
      },
      { prefix: '/v1' },
    );
    registerWebhookRoutes(app, {
      whatsapp: {
        tenants: options.tenants.map((t) => ({ id: t.id, ...t.whatsapp })),
        templates: templates.lifecycle,
        receive: async (messages) => {
          // The 24-hour customer-service window runs from the customer's last message. Both writes
          // join their group commits of this turn; the 200 waits for both.
          const [stored] = await Promise.all([
            pipeline.receive(messages),
            ...messages.map(({ message }) =>
              templates.window.recordCustomerMessage(message.customer, new Date(message.sentAt)),
            ),
          ]);
          return stored;
        },
        statuses: async (updates) => {
          for (const { tenant, update } of updates)
            await relay.statuses(tenant, [
              { id: update.status.id, status: update.status.status, errors: update.status.errors ?? [] },
            ]);
        },
      },
      genesys: {
        tenants: options.tenants.map((t) => ({
          id: t.id,
          integrationId: t.genesys.integrationId,
          webhookSecret: t.genesys.webhookSecret,
        })),
        handle: async (tenant, message) => {
          // Only agent/bot text goes to the customer; receipts and typing events need nothing sent.
          if (message.type !== 'Text' || message.text === undefined || message.channel.to === undefined)
            return;
          await relay.agentMessage(tenant, {
            id: message.id,
            to: { id: message.channel.to.id, idType: message.channel.to.idType ?? 'Phone' },
            text: message.text,
            author: message.originatingEntity === 'Bot' ? 'bot' : 'agent',
          });
        },
      },
    });
    // SQLite serves one process: whatever leases a crashed predecessor left are taken back at once.
    if (!shared) await leaseStore.evictOthers(leases.owner);
    await leases.tick(); // takes this process's share before any work starts
    pipeline.kick(); // replays whatever a previous run left in the inbox or outbox
    /** A background job every `everyMs` (0: never); a failure is logged by code and retried next time. */
    const every = (everyMs: number, what: string, job: () => Promise<unknown>) => {
      if (everyMs <= 0) return undefined;
      const timer = setInterval(() => {
        job().catch((error: unknown) => {
          app.log.warn({ code: (error as { code?: unknown }).code ?? 'unexpected' }, `${what} failed`);
        });
      }, everyMs);
      timer.unref();
      return timer;
    };
    const sweeper = every(options.mediaSweepMs ?? 10 * 60_000, 'media sweep', () => media.sweep());
    const retention = new SqlGatewayRetention(vault.store.db);
    const sweepOld = () => sweepRetention(retention, clock(), config.gatewayRetentionDays * 86_400_000);
    const retentionTimer = every(options.retentionSweepMs ?? 10 * 60_000, 'retention sweep', sweepOld);
    outboundWorker.kick(); // and the outbound jobs (messages to customers, receipts to the platform)
    return {
      app,
      vault,
      store,
      pipeline,
      sweepRetention: sweepOld,
      leases,
      relay,
      outbound: outboundWorker,
      templates,
      tokens,
      media,
      async close() {
        clearInterval(sweeper);
        clearInterval(retentionTimer);
        await app.close();
        await pipeline.close();
        await outboundWorker.close();
        for (const platform of platforms) platform.close();
        // Graceful: hand the buckets back now instead of letting the others wait for the TTL.
        await leases.stop({ release: true }).catch(() => undefined);
        await vault.close();
      },
    };
  } catch (error) {
    await vault.close();
    throw error;
  }
}

/** The tenant's segment triggers, keyword patterns compiled with RE2 (a bad pattern fails the start). */
function segmentTriggers(t: TenantConfig): SegmentTriggers {
  return {
    botMarker: t.secureSegments.botMarker,
    keywordRules: t.secureSegments.keywordRules.map((rule) => {
      try {
        return { ...rule, pattern: compileLinearPattern(rule.pattern, rule.ignoreCase ? 'i' : '') };
      } catch (error) {
        throw new Error(
          `tenant ${t.id}: secureSegments.keywordRules ${rule.name}: ${(error as Error).message}`,
        );
      }
    }),
  };
}
