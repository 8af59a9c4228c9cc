import { randomBytes } from 'node:crypto';
import * as pkcs11js from 'pkcs11js';
import { aad as aadOf } from '../../core/vault/envelope.js';
import type { KeyInfo, KeyProvider, KeyVersionInfo, WrappedKey } from '../../core/vault/key-provider.js';
import { VaultErrorCode, vaultIntegrityError, vaultUserError } from '../../core/vault/vault-errors.js';
import { operationalError } from '../../core/errors.js';

export interface Pkcs11Options {
  /** Path of the PKCS#11 library (SoftHSM2: /usr/lib/softhsm/libsofthsm2.so). */
  readonly module: string;
  /** Token chosen by label, or else by slot id. */
  readonly tokenLabel?: string | undefined;
  readonly slot?: number | undefined;
  readonly pin: string;
}

const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * One loaded library per path per process: C_Initialize may run only once, and every provider on
 * the same library shares it (C_Finalize when the last one closes).
 */
const libraries = new Map<string, { lib: pkcs11js.PKCS11; users: number }>();

function acquire(module: string): pkcs11js.PKCS11 {
  const existing = libraries.get(module);
  if (existing) {
    existing.users++;
    return existing.lib;
  }
  const lib = new pkcs11js.PKCS11();
  lib.load(module);
  try {
    lib.C_Initialize();
  } catch (error) {
    if (!(error instanceof pkcs11js.Pkcs11Error && error.code === pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED))
      throw error;
  }
  libraries.set(module, { lib, users: 1 });
  return lib;
}

function release(module: string): void {
  const entry = libraries.get(module);
  if (!entry || --entry.users > 0) return;
  libraries.delete(module);
  entry.lib.C_Finalize();
  entry.lib.close();
}

/**
 * KEKs held in an HSM through PKCS#11. Each version is an AES-256 secret key object on the token
 * (label = KEK id, id = version), generated inside the HSM as sensitive and non-extractable: the key
 * never leaves it. Wrapping is CKM_AES_GCM inside the HSM with a random 96-bit IV and the KEK id and
 * version bound into the AAD. Retiring a version destroys its object.
 */
export class Pkcs11KeyProvider implements KeyProvider {
  readonly kind = 'pkcs11';
  private readonly lib: pkcs11js.PKCS11;
  private readonly session: Buffer;
  private closed = false;

  constructor(private readonly options: Pkcs11Options) {
    try {
      this.lib = acquire(options.module);
    } catch (error) {
      throw operationalError(
        'VEIL_ERR_KEYS_PKCS11_OPEN',
        `cannot load the PKCS#11 module: ${describeError(error)}`,
      );
    }
    try {
      const slot = this.findSlot();
      this.session = this.lib.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
      try {
        this.lib.C_Login(this.session, pkcs11js.CKU_USER, options.pin);
      } catch (error) {
        if (!(error instanceof pkcs11js.Pkcs11Error && error.code === pkcs11js.CKR_USER_ALREADY_LOGGED_IN))
          throw error;
      }
    } catch (error) {
      release(options.module);
      throw operationalError(
        'VEIL_ERR_KEYS_PKCS11_OPEN',
        `cannot open the PKCS#11 token: ${describeError(error)}`,
      );
    }
  }

  async ensureKey(kekId: string): Promise<KeyInfo> {
    if (this.versions(kekId).size === 0) this.generate(kekId, 1);
    return this.info(kekId)!;
  }

  async describe(kekId: string): Promise<KeyInfo | undefined> {
    return this.info(kekId);
  }

  async list(): Promise<readonly KeyInfo[]> {
    const labels = new Set<string>();
    for (const handle of this.find([{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY }])) {
      const [label] = this.lib.C_GetAttributeValue(this.session, handle, [{ type: pkcs11js.CKA_LABEL }]);
      if (label?.value) labels.add(Buffer.from(label.value as Buffer).toString('utf8'));
    }
    return [...labels].sort().map((id) => this.info(id)!);
  }

  async wrap(kekId: string, plaintext: Uint8Array, aad: Uint8Array): Promise<WrappedKey> {
    const versions = this.versions(kekId);
    if (versions.size === 0)
      throw vaultUserError(VaultErrorCode.KeyUnknown, `no key-encryption key named ${kekId}`);
    const version = Math.max(...versions.keys());
    const iv = randomBytes(IV_BYTES);
    this.lib.C_EncryptInit(this.session, this.gcm(iv, kekId, version, aad), versions.get(version)!);
    const out = this.lib.C_Encrypt(
      this.session,
      Buffer.from(plaintext),
      Buffer.alloc(plaintext.length + TAG_BYTES),
    );
    return { kekId, kekVersion: version, ciphertext: Buffer.concat([Buffer.of(FORMAT_V1), iv, out]) };
  }

  async unwrap(wrapped: WrappedKey, aad: Uint8Array): Promise<Uint8Array> {
    const versions = this.versions(wrapped.kekId);
    const handle = versions.get(wrapped.kekVersion);
    if (!handle) {
      const max = versions.size ? Math.max(...versions.keys()) : 0;
      if (wrapped.kekVersion > 0 && wrapped.kekVersion < max) {
        throw vaultIntegrityError(
          VaultErrorCode.KeyRetired,
          `key ${wrapped.kekId} version ${wrapped.kekVersion} is retired`,
        );
      }
      throw vaultIntegrityError(
        VaultErrorCode.KeyUnknown,
        `key ${wrapped.kekId} version ${wrapped.kekVersion} is unknown`,
      );
    }
    const c = Buffer.from(wrapped.ciphertext);
    if (c.length < 1 + IV_BYTES + TAG_BYTES || c[0] !== FORMAT_V1) {
      throw vaultIntegrityError(VaultErrorCode.UnwrapFailed, 'wrapped data key is malformed');
    }
    try {
      this.lib.C_DecryptInit(
        this.session,
        this.gcm(c.subarray(1, 1 + IV_BYTES), wrapped.kekId, wrapped.kekVersion, aad),
        handle,
      );
      const body = c.subarray(1 + IV_BYTES);
      return Buffer.from(this.lib.C_Decrypt(this.session, body, Buffer.alloc(body.length)));
    } catch {
      throw vaultIntegrityError(
        VaultErrorCode.UnwrapFailed,
        'data key failed to unwrap in the HSM (tampered, misplaced, or another key)',
      );
    }
  }

  async rotate(kekId: string): Promise<number> {
    const versions = this.versions(kekId);
    if (versions.size === 0)
      throw vaultUserError(VaultErrorCode.KeyUnknown, `no key-encryption key named ${kekId}`);
    const next = Math.max(...versions.keys()) + 1;
    this.generate(kekId, next);
    return next;
  }

  async retire(kekId: string, version: number): Promise<void> {
    const versions = this.versions(kekId);
    const handle = versions.get(version);
    if (!handle)
      throw vaultUserError(VaultErrorCode.KeyUnknown, `key ${kekId} version ${version} is unknown`);
    if (version === Math.max(...versions.keys())) {
      throw vaultUserError(
        VaultErrorCode.KeyInUse,
        'the current key version cannot be retired; rotate first',
      );
    }
    this.lib.C_DestroyObject(this.session, handle);
  }

  /** The protection attributes of one version, for `veil keys list` and tests: the key must stay inside. */
  inspect(kekId: string, version: number) {
    const handle = this.versions(kekId).get(version);
    if (!handle)
      throw vaultUserError(VaultErrorCode.KeyUnknown, `key ${kekId} version ${version} is unknown`);
    const flag = (type: number) =>
      (
        this.lib.C_GetAttributeValue(this.session, handle, [{ type }])[0]?.value as Buffer | undefined
      )?.[0] === 1;
    let valueReadable = true;
    try {
      this.lib.C_GetAttributeValue(this.session, handle, [{ type: pkcs11js.CKA_VALUE }]);
    } catch {
      valueReadable = false;
    }
    return {
      sensitive: flag(pkcs11js.CKA_SENSITIVE),
      extractable: flag(pkcs11js.CKA_EXTRACTABLE),
      neverExtractable: flag(pkcs11js.CKA_NEVER_EXTRACTABLE),
      valueReadable,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.lib.C_CloseSession(this.session);
    release(this.options.module);
  }

  private info(kekId: string): KeyInfo | undefined {
    const versions = this.versions(kekId);
    if (versions.size === 0) return undefined;
    const current = Math.max(...versions.keys());
    const list: KeyVersionInfo[] = [];
    for (let v = 1; v <= current; v++) {
      list.push({
        version: v,
        state: v === current ? 'active' : versions.has(v) ? 'decrypt-only' : 'retired',
      });
    }
    return { kekId, currentVersion: current, versions: list };
  }

  /** version → object handle for one KEK id. */
  private versions(kekId: string): Map<number, pkcs11js.Handle> {
    const out = new Map<number, pkcs11js.Handle>();
    const handles = this.find([
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
      { type: pkcs11js.CKA_LABEL, value: kekId },
    ]);
    for (const handle of handles) {
      const [id] = this.lib.C_GetAttributeValue(this.session, handle, [{ type: pkcs11js.CKA_ID }]);
      const bytes = id?.value as Buffer | undefined;
      if (bytes?.length === 4) out.set(bytes.readUInt32BE(0), handle);
    }
    return out;
  }

  private find(template: pkcs11js.Template): pkcs11js.Handle[] {
    this.lib.C_FindObjectsInit(this.session, template);
    try {
      const all: pkcs11js.Handle[] = [];
      for (
        let batch = this.lib.C_FindObjects(this.session, 100);
        batch.length;
        batch = this.lib.C_FindObjects(this.session, 100)
      ) {
        all.push(...batch);
      }
      return all;
    } finally {
      this.lib.C_FindObjectsFinal(this.session);
    }
  }

  private generate(kekId: string, version: number): void {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(version, 0);
    this.lib.C_GenerateKey(this.session, { mechanism: pkcs11js.CKM_AES_KEY_GEN }, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
      { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_AES },
      { type: pkcs11js.CKA_VALUE_LEN, value: 32 },
      { type: pkcs11js.CKA_TOKEN, value: true },
      { type: pkcs11js.CKA_PRIVATE, value: true },
      { type: pkcs11js.CKA_SENSITIVE, value: true },
      { type: pkcs11js.CKA_EXTRACTABLE, value: false },
      { type: pkcs11js.CKA_ENCRYPT, value: true },
      { type: pkcs11js.CKA_DECRYPT, value: true },
      { type: pkcs11js.CKA_WRAP, value: false },
      { type: pkcs11js.CKA_LABEL, value: kekId },
      { type: pkcs11js.CKA_ID, value: id },
    ]);
  }

  private gcm(iv: Buffer, kekId: string, version: number, aad: Uint8Array): pkcs11js.Mechanism {
    const params: pkcs11js.AesGCM = {
      type: pkcs11js.CK_PARAMS_AES_GCM,
      iv,
      aad: Buffer.concat([aadOf('veil/kek/v1', kekId, String(version)), aad]),
      ivBits: IV_BYTES * 8,
      tagBits: TAG_BYTES * 8,
    };
    return { mechanism: pkcs11js.CKM_AES_GCM, parameter: params };
  }

  private findSlot(): pkcs11js.Handle {
    const slots = this.lib.C_GetSlotList(true);
    if (this.options.tokenLabel !== undefined) {
      for (const slot of slots) {
        if (this.lib.C_GetTokenInfo(slot).label.trim() === this.options.tokenLabel) return slot;
      }
      throw new Error(`no token labelled "${this.options.tokenLabel}"`);
    }
    if (this.options.slot !== undefined) {
      const slot = slots.find((s) => s.readUIntLE(0, Math.min(6, s.length)) === this.options.slot);
      if (slot) return slot;
      throw new Error(`no token in slot ${this.options.slot}`);
    }
    if (slots[0]) return slots[0];
    throw new Error('no token present');
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
