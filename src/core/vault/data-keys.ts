import { randomBytes } from 'node:crypto';
import type { KeyProvider } from './key-provider.js';
import type { DataKeyPurpose, DataKeyRecord, TokenStore } from './token-store.js';
import { DATA_KEY_BYTES, dataKeyAad } from './envelope.js';
import { randomId } from './ids.js';
import { VaultErrorCode, vaultIntegrityError } from './vault-errors.js';

export interface DataKeyOptions {
  readonly store: TokenStore;
  readonly keys: KeyProvider;
  readonly kekId: string;
  readonly clock: () => number;
  /**
   * GCM encryptions per data key before a new generation is made. Random 96-bit nonces stay safe far
   * beyond this; NIST SP 800-38D caps random-nonce use at 2^32, so 2^30 leaves a wide margin.
   */
  readonly maxUsesPerKey: number;
  /** Unwrapped keys kept in memory (least recently used dropped first). */
  readonly cacheSize: number;
}

export interface UsableKey {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * Data keys: created at random, wrapped by the KEK, stored wrapped, unwrapped on demand and cached.
 * Subject keys are looked up in the store on every write and every read, so an erasure done by
 * another node is honoured at once; only the unwrapped bytes of live keys are cached.
 */
/** Seals reserved per database round trip for a tenant's value key. */
const LEASE = 1024;
/** The same for one subject's key. */
const SUBJECT_LEASE = 64;
/** Keys with a lease remembered (oldest forgotten first: its unspent lease is budget lost, nothing more). */
const MAX_LEASES = 50_000;

export class DataKeys {
  private readonly cache = new Map<string, Buffer>();
  private readonly writeKeys = new Map<string, DataKeyRecord>();
  /** Seals already reserved in the database for a cached write key, not yet spent. */
  private readonly leased = new Map<string, number>();
  private kekReady: Promise<unknown> | undefined;

  constructor(private readonly options: DataKeyOptions) {}

  /** A key to write with, reserving `uses` encryptions of its budget. */
  async forWrite(
    tenant: string,
    purpose: DataKeyPurpose,
    subjectId: string | null,
    uses: number,
  ): Promise<UsableKey> {
    const slot = `${tenant}\u0000${purpose}\u0000${subjectId ?? ''}`;
    for (let attempt = 0; attempt < 5; attempt++) {
      let record = purpose === 'subject' ? undefined : this.writeKeys.get(slot);
      record ??= await this.options.store.latestDataKey(tenant, purpose, subjectId);
      if (!record || record.wrapped === null) {
        record = await this.create(tenant, purpose, subjectId, record ? record.generation + 1 : 0);
      }
      if (uses > 0) {
        const spare = this.leased.get(record.id) ?? 0;
        if (spare >= uses) {
          this.#setLeased(record.id, spare - uses);
        } else {
          // Reserve a lease of seals at once, so batch-1 traffic does not pay a database write per
          // value; unused lease is merely budget lost, never a nonce reused. Subjects are many and
          // each writes little: a smaller lease each.
          const size = purpose === 'subject' ? SUBJECT_LEASE : LEASE;
          const lease = Math.max(uses - spare, Math.min(size, Math.floor(this.options.maxUsesPerKey / 16)));
          const total = await this.options.store.addDataKeyUses(record.id, lease);
          if (total > this.options.maxUsesPerKey) {
            // Budget spent: the next generation takes over; this reservation is simply abandoned.
            this.writeKeys.delete(slot);
            this.leased.delete(record.id);
            await this.create(tenant, purpose, subjectId, record.generation + 1);
            continue;
          }
          this.#setLeased(record.id, spare + lease - uses);
        }
      }
      if (purpose !== 'subject') this.writeKeys.set(slot, record);
      return { id: record.id, key: await this.material(record) };
    }
    throw vaultIntegrityError(
      VaultErrorCode.UnwrapFailed,
      'could not obtain a data key after several attempts',
    );
  }

  /** The unwrapped key of a stored record; fails closed if it was destroyed or does not unwrap. */
  async material(record: DataKeyRecord): Promise<Buffer> {
    if (record.wrapped === null) {
      this.cache.delete(record.id);
      throw vaultIntegrityError(
        VaultErrorCode.SubjectErased,
        record.purpose === 'subject'
          ? 'the subject was erased: its values are unrecoverable'
          : 'data key destroyed',
        { dataKeyId: record.id },
      );
    }
    const cached = this.cache.get(record.id);
    if (cached) {
      this.cache.delete(record.id);
      this.cache.set(record.id, cached);
      return cached;
    }
    const key = Buffer.from(
      await this.options.keys.unwrap(
        { kekId: record.kekId, kekVersion: record.kekVersion, ciphertext: record.wrapped },
        dataKeyAad(record.id, record.tenant, record.purpose, record.subjectId),
      ),
    );
    if (key.length !== DATA_KEY_BYTES) {
      throw vaultIntegrityError(VaultErrorCode.UnwrapFailed, 'unwrapped data key has the wrong length');
    }
    this.cache.set(record.id, key);
    if (this.cache.size > this.options.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return key;
  }

  #setLeased(id: string, spare: number): void {
    this.leased.delete(id);
    this.leased.set(id, spare);
    if (this.leased.size > MAX_LEASES) this.leased.delete(this.leased.keys().next().value!);
  }

  forget(dataKeyIds: Iterable<string>): void {
    for (const id of dataKeyIds) this.cache.delete(id);
  }

  private async create(
    tenant: string,
    purpose: DataKeyPurpose,
    subjectId: string | null,
    generation: number,
  ): Promise<DataKeyRecord> {
    // First write on a fresh install creates the KEK (version 1).
    this.kekReady ??= this.options.keys.ensureKey(this.options.kekId);
    await this.kekReady;
    const id = randomId('dk_');
    const key = randomBytes(DATA_KEY_BYTES);
    const wrapped = await this.options.keys.wrap(
      this.options.kekId,
      key,
      dataKeyAad(id, tenant, purpose, subjectId),
    );
    const record: DataKeyRecord = {
      id,
      tenant,
      purpose,
      subjectId,
      generation,
      kekId: wrapped.kekId,
      kekVersion: wrapped.kekVersion,
      wrapped: wrapped.ciphertext,
      uses: 0,
      createdAt: this.options.clock(),
      destroyedAt: null,
    };
    if (await this.options.store.insertDataKey(record)) {
      this.cache.set(id, key);
      return record;
    }
    // Another writer made this generation first: use theirs.
    const winner = await this.options.store.latestDataKey(tenant, purpose, subjectId);
    if (!winner) throw vaultIntegrityError(VaultErrorCode.UnwrapFailed, 'data key vanished during creation');
    return winner;
  }
}
