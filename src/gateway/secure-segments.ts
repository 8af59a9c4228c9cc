import { randomUUID } from 'node:crypto';
import { userError } from '../core/errors.js';
import type { GatewayStore, SecureSegment } from './gateway-store.js';

export interface OpenSegmentRequest {
  readonly reason: string;
  readonly closeAfterMessages?: number | undefined;
  readonly ttlSeconds?: number | undefined;
}

/**
 * Secure segments, opened and closed by the platform (an Architect data action) for a customer as
 * the platform knows them: `+<phone>` or the opaque pseudonym Veil gave it. While one is open every
 * customer message is vaulted whole and the platform sees only a notice with the token.
 */
export class SecureSegments {
  constructor(
    private readonly store: GatewayStore,
    private readonly defaultTtlSeconds: (tenant: string) => number,
    private readonly clock: () => number = Date.now,
  ) {}

  async open(tenant: string, platformCustomer: string, request: OpenSegmentRequest): Promise<SecureSegment> {
    const customer = await this.#customer(tenant, platformCustomer);
    const now = this.clock();
    const segment: SecureSegment = {
      id: `seg_${randomUUID()}`,
      tenant,
      customer,
      reason: request.reason,
      maxMessages: request.closeAfterMessages ?? null,
      expiresAt: now + (request.ttlSeconds ?? this.defaultTtlSeconds(tenant)) * 1000,
      messages: 0,
      openedAt: now,
    };
    await this.store.openSegment(segment);
    return segment;
  }

  async close(tenant: string, platformCustomer: string): Promise<boolean> {
    const customer = await this.#customer(tenant, platformCustomer);
    return this.store.closeSegment(tenant, customer, this.clock(), 'closed');
  }

  async #customer(tenant: string, platformCustomer: string): Promise<string> {
    if (/^\+?[0-9]{6,20}$/.test(platformCustomer)) return platformCustomer.replace(/^\+/, '');
    const customer = await this.store.customerFor(tenant, platformCustomer);
    if (!customer) throw userError('VEIL_ERR_HTTP_NOT_FOUND', 'no customer with this id in this tenant');
    return customer;
  }
}
