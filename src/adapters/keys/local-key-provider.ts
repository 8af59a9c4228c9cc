import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
  mkdirSync,
} from 'node:fs';
import path from 'node:path';
import { aad as aadOf, open, seal } from '../../core/vault/envelope.js';
import type { KeyInfo, KeyProvider, KeyVersionState, WrappedKey } from '../../core/vault/key-provider.js';
import { VaultErrorCode, vaultIntegrityError, vaultUserError } from '../../core/vault/vault-errors.js';
import { isVeilError } from '../../core/errors.js';

interface StoredVersion {
  version: number;
  state: KeyVersionState;
  createdAt: number;
  /** Base64 AES-256 key; absent once retired. */
  material?: string;
}

interface KeyringFile {
  format: 'veil-keyring/1';
  keys: Record<string, { current: number; versions: StoredVersion[] }>;
}

/**
 * The embedded default: a keyring file (mode 0600, created on first use) holding versioned AES-256
 * KEKs. Wrapping is AES-256-GCM with the KEK id and version in the AAD. The file is re-read when it
 * changes on disk, so a `veil keys rotate` from the CLI reaches a running server.
 */
export class LocalKeyProvider implements KeyProvider {
  readonly kind = 'local';
  private ring: KeyringFile = { format: 'veil-keyring/1', keys: {} };
  private loadedMtime = -1;

  constructor(private readonly file: string) {}

  async ensureKey(kekId: string): Promise<KeyInfo> {
    this.reload();
    if (!this.ring.keys[kekId]) {
      this.ring.keys[kekId] = { current: 1, versions: [newVersion(1)] };
      this.save();
    }
    return describe(kekId, this.ring.keys[kekId]!);
  }

  async describe(kekId: string): Promise<KeyInfo | undefined> {
    this.reload();
    const key = this.ring.keys[kekId];
    return key ? describe(kekId, key) : undefined;
  }

  async list(): Promise<readonly KeyInfo[]> {
    this.reload();
    return Object.entries(this.ring.keys).map(([id, key]) => describe(id, key));
  }

  async wrap(kekId: string, plaintext: Uint8Array, aad: Uint8Array): Promise<WrappedKey> {
    this.reload();
    const key = this.ring.keys[kekId];
    if (!key) throw vaultUserError(VaultErrorCode.KeyUnknown, `no key-encryption key named ${kekId}`);
    const version = key.versions.find((v) => v.version === key.current)!;
    const ciphertext = seal(
      Buffer.from(version.material!, 'base64'),
      plaintext,
      bind(kekId, key.current, aad),
    );
    return { kekId, kekVersion: key.current, ciphertext };
  }

  async unwrap(wrapped: WrappedKey, aad: Uint8Array): Promise<Uint8Array> {
    let version = this.version(wrapped);
    if (!version) {
      this.reload(true);
      version = this.version(wrapped);
    }
    if (!version) {
      throw vaultIntegrityError(
        VaultErrorCode.KeyUnknown,
        `key ${wrapped.kekId} version ${wrapped.kekVersion} is unknown`,
      );
    }
    if (version.state === 'retired' || !version.material) {
      throw vaultIntegrityError(
        VaultErrorCode.KeyRetired,
        `key ${wrapped.kekId} version ${wrapped.kekVersion} is retired`,
      );
    }
    try {
      return open(
        Buffer.from(version.material, 'base64'),
        wrapped.ciphertext,
        bind(wrapped.kekId, wrapped.kekVersion, aad),
      );
    } catch (error) {
      if (!isVeilError(error)) throw error;
      throw vaultIntegrityError(
        VaultErrorCode.UnwrapFailed,
        'data key failed to unwrap (tampered, misplaced, or another keyring)',
      );
    }
  }

  async rotate(kekId: string): Promise<number> {
    this.reload(true);
    const key = this.ring.keys[kekId];
    if (!key) throw vaultUserError(VaultErrorCode.KeyUnknown, `no key-encryption key named ${kekId}`);
    for (const v of key.versions) if (v.state === 'active') v.state = 'decrypt-only';
    const next = Math.max(...key.versions.map((v) => v.version)) + 1;
    key.versions.push(newVersion(next));
    key.current = next;
    this.save();
    return next;
  }

  async retire(kekId: string, version: number): Promise<void> {
    this.reload(true);
    const key = this.ring.keys[kekId];
    const entry = key?.versions.find((v) => v.version === version);
    if (!key || !entry)
      throw vaultUserError(VaultErrorCode.KeyUnknown, `key ${kekId} version ${version} is unknown`);
    if (version === key.current) {
      throw vaultUserError(
        VaultErrorCode.KeyInUse,
        'the current key version cannot be retired; rotate first',
      );
    }
    entry.state = 'retired';
    delete entry.material;
    this.save();
  }

  async close(): Promise<void> {}

  private version(wrapped: WrappedKey): StoredVersion | undefined {
    return this.ring.keys[wrapped.kekId]?.versions.find((v) => v.version === wrapped.kekVersion);
  }

  private reload(force = false): void {
    let stat;
    try {
      stat = statSync(this.file);
    } catch {
      return; // first run: the file is created on the first save
    }
    if (!force && stat.mtimeMs === this.loadedMtime) return;
    if ((stat.mode & 0o077) !== 0) {
      throw vaultUserError(
        VaultErrorCode.BadInput,
        `keyring ${this.file} is readable by other users; run chmod 600 on it`,
      );
    }
    const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as KeyringFile;
    if (parsed.format !== 'veil-keyring/1' || typeof parsed.keys !== 'object') {
      throw vaultIntegrityError(VaultErrorCode.KeyUnknown, `keyring ${this.file} has an unknown format`);
    }
    this.ring = parsed;
    this.loadedMtime = stat.mtimeMs;
  }

  /** Atomic replace: write a 0600 temp file, fsync, rename over the keyring. */
  private save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.ring, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
    this.loadedMtime = statSync(this.file).mtimeMs;
  }
}

function newVersion(version: number): StoredVersion {
  return { version, state: 'active', createdAt: Date.now(), material: randomBytes(32).toString('base64') };
}

function describe(kekId: string, key: KeyringFile['keys'][string]): KeyInfo {
  return {
    kekId,
    currentVersion: key.current,
    versions: key.versions.map((v) => ({ version: v.version, state: v.state, createdAt: v.createdAt })),
  };
}

const bind = (kekId: string, version: number, aad: Uint8Array) =>
  Buffer.concat([aadOf('veil/kek/v1', kekId, String(version)), aad]);
