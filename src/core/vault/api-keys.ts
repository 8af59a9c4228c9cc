import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32 } from './base32.js';
import type { Principal } from './vault-types.js';

/** A stored API key: the secret only as a SHA-256 digest, bound to one tenant and its roles. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly tenant: string;
  readonly roles: readonly string[];
  readonly secretHash: string;
  readonly label: string | null;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface ApiKeyRepository {
  insertApiKey(record: ApiKeyRecord): Promise<void>;
  findApiKey(id: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(tenant?: string): Promise<ApiKeyRecord[]>;
  revokeApiKey(id: string, at: number): Promise<boolean>;
}

const FORMAT = /^vk_([a-z2-7]{16})\.([a-z2-7]{52})$/;

/**
 * API keys look like `vk_<id>.<secret>`: the id finds the record, the 256-bit secret is checked
 * against its stored SHA-256 in constant time. A fast hash is right here (unlike passwords): the
 * secret is random and long, so there is nothing to brute-force.
 */
export class ApiKeys {
  constructor(
    private readonly repository: ApiKeyRepository,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Creates a key and returns it in full: the only time the secret is ever shown. */
  async issue(
    tenant: string,
    roles: readonly string[],
    label?: string,
  ): Promise<{ key: string; record: ApiKeyRecord }> {
    const id = base32(randomBytes(10));
    const secret = base32(randomBytes(32));
    const record: ApiKeyRecord = {
      id,
      tenant,
      roles: [...roles],
      secretHash: digest(secret),
      label: label ?? null,
      createdAt: this.clock(),
      revokedAt: null,
    };
    await this.repository.insertApiKey(record);
    return { key: `vk_${id}.${secret}`, record };
  }

  /** The principal a presented key stands for, or undefined (unknown, malformed, revoked, wrong secret). */
  async verify(presented: string): Promise<Principal | undefined> {
    const match = FORMAT.exec(presented);
    if (!match) return undefined;
    const record = await this.repository.findApiKey(match[1]!);
    const expected = Buffer.from(record?.secretHash ?? '0'.repeat(64), 'hex');
    const actual = Buffer.from(digest(match[2]!), 'hex');
    const same = timingSafeEqual(expected, actual);
    if (!record || !same || record.revokedAt !== null) return undefined;
    return { id: `apikey:${record.id}`, tenant: record.tenant, roles: record.roles };
  }

  list(tenant?: string): Promise<ApiKeyRecord[]> {
    return this.repository.listApiKeys(tenant);
  }

  revoke(id: string): Promise<boolean> {
    return this.repository.revokeApiKey(id, this.clock());
  }
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
