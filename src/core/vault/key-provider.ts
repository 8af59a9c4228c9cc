/**
 * Key-encryption keys (KEKs): named, versioned keys that wrap and unwrap data keys and never hand
 * out their own material. Local keyring files, PKCS#11 HSMs and cloud KMSs all fit this shape: a
 * KMS would map `wrap`/`unwrap` to its Encrypt/Decrypt calls and `rotate` to a new key version.
 */
export interface WrappedKey {
  readonly kekId: string;
  readonly kekVersion: number;
  readonly ciphertext: Uint8Array;
}

/** `active` wraps new data keys; `decrypt-only` still unwraps; `retired` has no material left. */
export type KeyVersionState = 'active' | 'decrypt-only' | 'retired';

export interface KeyVersionInfo {
  readonly version: number;
  readonly state: KeyVersionState;
  /** Epoch milliseconds when known. */
  readonly createdAt?: number;
}

export interface KeyInfo {
  readonly kekId: string;
  readonly currentVersion: number;
  readonly versions: readonly KeyVersionInfo[];
}

export interface KeyProvider {
  /** `local`, `pkcs11`, … for `veil keys list`. */
  readonly kind: string;
  /** Creates version 1 when the key does not exist yet; returns its description. */
  ensureKey(kekId: string): Promise<KeyInfo>;
  describe(kekId: string): Promise<KeyInfo | undefined>;
  list(): Promise<readonly KeyInfo[]>;
  /** Wraps with the current version, binding `aad`. */
  wrap(kekId: string, plaintext: Uint8Array, aad: Uint8Array): Promise<WrappedKey>;
  /** Unwraps or throws VEIL_ERR_VAULT_UNWRAP_FAILED / _KEY_RETIRED / _KEY_UNKNOWN: never returns garbage. */
  unwrap(wrapped: WrappedKey, aad: Uint8Array): Promise<Uint8Array>;
  /** Makes a new version the current one; returns its number. Older versions keep unwrapping. */
  rotate(kekId: string): Promise<number>;
  /** Destroys an old version's material. The caller checks that nothing still uses it. */
  retire(kekId: string, version: number): Promise<void>;
  close(): Promise<void>;
}
