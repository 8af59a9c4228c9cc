import { userError } from '../core/errors.js';
import type { EncryptionConfig } from './encryption-config.js';
import type { GatewayStore } from './gateway-store.js';
import { channelCustomer } from './platform-customer.js';

export interface ConversationConfig {
  readonly config: string;
  /** `conversation`: chosen for this conversation; `tenant`: the tenant's default. */
  readonly source: 'conversation' | 'tenant';
}

/**
 * The encryption config of one conversation: chosen through the API (persisted, so every process and
 * every restart applies it), or the tenant's default.
 */
export class ConversationConfigs {
  constructor(
    private readonly store: GatewayStore,
    private readonly tenantConfigs: (tenant: string) => {
      readonly default: string;
      readonly names: ReadonlySet<string>;
    },
    private readonly clock: () => number = Date.now,
  ) {}

  async get(tenant: string, platformCustomer: string): Promise<ConversationConfig> {
    const customer = await channelCustomer(this.store, tenant, platformCustomer);
    const chosen = (await this.store.conversationConfigs(tenant, [customer])).get(customer);
    const known = this.tenantConfigs(tenant);
    // A config removed from the tenants file since it was chosen: the default applies.
    return chosen !== undefined && known.names.has(chosen)
      ? { config: chosen, source: 'conversation' }
      : { config: known.default, source: 'tenant' };
  }

  async set(tenant: string, platformCustomer: string, config: string): Promise<ConversationConfig> {
    if (!this.tenantConfigs(tenant).names.has(config))
      throw userError(
        'VEIL_ERR_GATEWAY_UNKNOWN_CONFIG',
        'no encryption config with this name in this tenant',
        {
          config,
        },
      );
    const customer = await channelCustomer(this.store, tenant, platformCustomer);
    await this.store.setConversationConfig(tenant, customer, config, this.clock());
    return { config, source: 'conversation' };
  }

  async reset(tenant: string, platformCustomer: string): Promise<void> {
    const customer = await channelCustomer(this.store, tenant, platformCustomer);
    await this.store.setConversationConfig(tenant, customer, null, this.clock());
  }
}

/**
 * The encryption config in force for a customer's conversation: an open secure segment's config
 * while it lasts, else the config the conversation chose, else the tenant's default. A tenant with a
 * single config has no choice to look up.
 */
export async function configInForce(
  store: GatewayStore,
  tenant: string,
  customer: string,
  configs: ReadonlyMap<string, EncryptionConfig>,
  fallback: EncryptionConfig,
  now: number,
): Promise<EncryptionConfig> {
  if (configs.size <= 1) return fallback;
  const segment = await store.activeSegment(tenant, customer, now);
  const fromSegment = segment?.config ? configs.get(segment.config) : undefined;
  if (fromSegment) return fromSegment;
  const chosen = (await store.conversationConfigs(tenant, [customer])).get(customer);
  return (chosen === undefined ? undefined : configs.get(chosen)) ?? fallback;
}
