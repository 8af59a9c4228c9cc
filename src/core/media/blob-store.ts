/**
 * Where encrypted media lives: opaque sealed bytes plus a small header, keyed by tenant and blob id.
 * The store never sees plaintext or keys; implementations (the filesystem by default) must replace a
 * blob atomically, so a reader finds the old blob or the new one, never half of either.
 */
export interface BlobHeader {
  /** The MEDIA vault token that holds this blob's content key (tokens are not secret). */
  readonly token: string;
  readonly mimeType: string;
  /** Plaintext size in bytes. */
  readonly size: number;
}

export interface StoredBlob {
  readonly header: BlobHeader;
  /** AES-256-GCM envelope (see core/vault/envelope.ts): version | nonce | ciphertext | tag. */
  readonly sealed: Uint8Array;
}

export interface BlobRef {
  readonly tenant: string;
  readonly blobId: string;
}

export interface BlobStore {
  /** Writes or atomically replaces the blob. */
  put(ref: BlobRef, blob: StoredBlob): Promise<void>;
  get(ref: BlobRef): Promise<StoredBlob | undefined>;
  /** Only the header (the sweeper's and the dedup check's read: no ciphertext loaded). */
  header(ref: BlobRef): Promise<BlobHeader | undefined>;
  /** True when a blob was there. */
  delete(ref: BlobRef): Promise<boolean>;
  /** Every stored blob, in no particular order. */
  list(): AsyncIterable<BlobRef>;
}

/** Blob ids are lower-case hex: safe as file names on any filesystem. */
export const BLOB_ID = /^[0-9a-f]{32,64}$/;
