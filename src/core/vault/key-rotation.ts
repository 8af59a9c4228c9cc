import type { AuditEvent, AuditLog } from './audit.js';
import { dataKeyAad } from './envelope.js';
import { randomId } from './ids.js';
import type { KeyInfo, KeyProvider } from './key-provider.js';
import type { TokenStore } from './token-store.js';
import { VaultErrorCode, vaultUserError } from './vault-errors.js';

export interface KeyRotationOptions {
  readonly store: TokenStore;
  readonly keys: KeyProvider;
  readonly audit: AuditLog;
  readonly kekId: string;
  readonly clock?: () => number;
}

export interface RewrapProgress {
  readonly done: number;
  readonly total: number;
}

export interface RewrapOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: RewrapProgress) => void;
  /** Stops between batches; a later run picks up what is left. */
  readonly signal?: AbortSignal;
}

/**
 * KEK lifecycle, after HashiCorp Vault's transit keys: `rotate` makes a new version for new wraps;
 * `rewrap` moves stored data keys to the current version in batches (resumable by construction:
 * it only ever selects keys still below the current version, each updated compare-and-set);
 * `retire` destroys an old version only once no data key uses it. Reveals keep working throughout,
 * because data keys are re-wrapped, never re-encrypted, and old versions unwrap until retired.
 */
export class KeyRotation {
  private readonly clock: () => number;

  constructor(private readonly options: KeyRotationOptions) {
    this.clock = options.clock ?? Date.now;
  }

  async describe(): Promise<KeyInfo & { inUse: ReadonlyMap<number, number> }> {
    const info = await this.options.keys.ensureKey(this.options.kekId);
    return { ...info, inUse: await this.options.store.kekVersionsInUse(this.options.kekId) };
  }

  async rotate(principal: string): Promise<number> {
    await this.options.keys.ensureKey(this.options.kekId);
    const version = await this.options.keys.rotate(this.options.kekId);
    await this.audit(principal, 'rotate-key', `${this.options.kekId}@${version}`);
    return version;
  }

  async rewrap(
    principal: string,
    options: RewrapOptions = {},
  ): Promise<{ rewrapped: number; remaining: number }> {
    const { store, keys, kekId } = this.options;
    const current = (await keys.ensureKey(kekId)).currentVersion;
    const total = await store.countDataKeysToRewrap(kekId, current);
    const batchSize = options.batchSize ?? 200;
    let done = 0;
    let cursor = '';
    options.onProgress?.({ done, total });
    while (!options.signal?.aborted) {
      const batch = await store.listDataKeysToRewrap(kekId, current, cursor, batchSize);
      if (batch.length === 0) break;
      for (const record of batch) {
        if (record.wrapped === null) continue;
        const aad = dataKeyAad(record.id, record.tenant, record.purpose, record.subjectId);
        const plain = await keys.unwrap(
          { kekId, kekVersion: record.kekVersion, ciphertext: record.wrapped },
          aad,
        );
        const wrapped = await keys.wrap(kekId, plain, aad);
        if (await store.updateWrappedKey(record.id, record.kekVersion, wrapped)) done++;
      }
      cursor = batch[batch.length - 1]!.id;
      options.onProgress?.({ done, total });
    }
    const remaining = await store.countDataKeysToRewrap(kekId, current);
    if (done > 0) await this.audit(principal, 'rewrap-keys', `${kekId}@${current}:${done}`);
    return { rewrapped: done, remaining };
  }

  /** Retires one old version; refuses while data keys still use it or when it is the current one. */
  async retire(principal: string, version: number): Promise<void> {
    const info = await this.options.keys.ensureKey(this.options.kekId);
    if (version === info.currentVersion) {
      throw vaultUserError(
        VaultErrorCode.KeyInUse,
        'the current key version cannot be retired; rotate first',
      );
    }
    const inUse = (await this.options.store.kekVersionsInUse(this.options.kekId)).get(version) ?? 0;
    if (inUse > 0) {
      throw vaultUserError(
        VaultErrorCode.KeyInUse,
        `key version ${version} still wraps ${inUse} data keys; rewrap first`,
        {
          version,
          inUse,
        },
      );
    }
    await this.options.keys.retire(this.options.kekId, version);
    await this.audit(principal, 'retire-key', `${this.options.kekId}@${version}`);
  }

  /** Retires every old version nothing uses any more; returns the versions retired. */
  async retireUnused(principal: string): Promise<number[]> {
    const info = await this.options.keys.ensureKey(this.options.kekId);
    const inUse = await this.options.store.kekVersionsInUse(this.options.kekId);
    const retired: number[] = [];
    for (const v of info.versions) {
      if (v.state === 'decrypt-only' && !(inUse.get(v.version) ?? 0)) {
        await this.retire(principal, v.version);
        retired.push(v.version);
      }
    }
    return retired;
  }

  private async audit(principal: string, action: AuditEvent['action'], target: string): Promise<void> {
    await this.options.audit.append([
      {
        id: randomId('aud_'),
        at: this.clock(),
        tenant: '*',
        principal,
        action,
        target,
        type: null,
        purpose: null,
        level: null,
        outcome: 'ok',
      },
    ]);
  }
}
