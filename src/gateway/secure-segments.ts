import { randomUUID } from 'node:crypto';
import { userError } from '../core/errors.js';
import type { GatewayStore, SecureSegment } from './gateway-store.js';
import { channelCustomer } from './platform-customer.js';

export interface OpenSegmentRequest {
  readonly reason: string;
  readonly closeAfterMessages?: number | undefined;
  readonly ttlSeconds?: number | undefined;
  /** The encryption config the segment carries (one of the tenant's); the conversation's when absent. */
  readonly config?: string | undefined;
  /** What opened it: `api` (default), `bot-marker`, `keyword:<rule>`. */
  readonly openedBy?: string | undefined;
}

export interface SegmentTenantSettings {
  readonly defaultTtlSeconds: number;
  readonly configs: ReadonlySet<string>;
}

/**
 * Secure segments, opened by the platform (an Architect data action) for a customer as the platform
 * knows them (`+<phone>` or the pseudonym Veil gave it), or by a trigger (a bot's marker, a keyword
 * rule) for a channel customer. While one is open every customer message is vaulted whole and the
 * platform sees only a notice with the token.
 */
export class SecureSegments {
  constructor(
    private readonly store: GatewayStore,
    private readonly settings: (tenant: string) => SegmentTenantSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  async open(tenant: string, platformCustomer: string, request: OpenSegmentRequest): Promise<SecureSegment> {
    return this.openFor(tenant, await channelCustomer(this.store, tenant, platformCustomer), request);
  }

  /** Opens a segment for a channel customer (digits), replacing any open one. */
  async openFor(tenant: string, customer: string, request: OpenSegmentRequest): Promise<SecureSegment> {
    const settings = this.settings(tenant);
    if (request.config !== undefined && !settings.configs.has(request.config))
      throw userError(
        'VEIL_ERR_GATEWAY_UNKNOWN_CONFIG',
        'no encryption config with this name in this tenant',
        {
          config: request.config,
        },
      );
    const now = this.clock();
    const segment: SecureSegment = {
      id: `seg_${randomUUID()}`,
      tenant,
      customer,
      reason: request.reason,
      maxMessages: request.closeAfterMessages ?? null,
      expiresAt: now + (request.ttlSeconds ?? settings.defaultTtlSeconds) * 1000,
      messages: 0,
      openedAt: now,
      config: request.config ?? null,
      openedBy: request.openedBy ?? 'api',
    };
    await this.store.openSegment(segment);
    return segment;
  }

  async close(tenant: string, platformCustomer: string): Promise<boolean> {
    const customer = await channelCustomer(this.store, tenant, platformCustomer);
    return this.store.closeSegment(tenant, customer, this.clock(), 'closed');
  }
}
