import { userError } from '../core/errors.js';
import type { GatewayStore } from './gateway-store.js';

/**
 * The channel's customer (WhatsApp id, digits) for a customer as the platform knows them: `+<phone>`,
 * or the pseudonym Veil gave it (`identity.id: opaque` or `masked`).
 */
export async function channelCustomer(
  store: GatewayStore,
  tenant: string,
  platformCustomer: string,
): Promise<string> {
  if (/^\+?[0-9]{6,20}$/.test(platformCustomer)) return platformCustomer.replace(/^\+/, '');
  const customer = await store.customerFor(tenant, platformCustomer);
  if (!customer) throw userError('VEIL_ERR_HTTP_NOT_FOUND', 'no customer with this id in this tenant');
  return customer;
}
