import type { FastifyRequest } from 'fastify';
import { userError } from '../../core/errors.js';
import { principalOf } from '../api-key-auth.js';

/** The gateway tenant of the request's API key; a key of a vault-only tenant is refused. */
export function gatewayTenantOf(request: FastifyRequest, tenants: ReadonlySet<string>): string {
  const { tenant } = principalOf(request);
  if (!tenants.has(tenant))
    throw userError('VEIL_ERR_HTTP_FORBIDDEN', 'this API key belongs to no gateway tenant');
  return tenant;
}
