import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  BLOB_ID,
  type BlobHeader,
  type BlobRef,
  type BlobStore,
  type StoredBlob,
} from '../../core/media/blob-store.js';

/**
 * Blobs as files under one root (`<data>/blobs`): `<root>/<tenant as hex>/<id[0..2]>/<id>.blob`,
 * directories 0700, files 0600. A file is `VEILBLOB1\n`, the header's length (4 bytes, big endian),
 * the header as JSON, then the sealed bytes. Writes go to a temporary file in the same directory,
 * are flushed, then renamed over the target: a crash leaves the old blob or the new one.
 */
const MAGIC = Buffer.from('VEILBLOB1\n');
const SUFFIX = '.blob';

export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(ref: BlobRef, blob: StoredBlob): Promise<void> {
    const file = this.#file(ref);
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const header = Buffer.from(JSON.stringify(blob.header));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const temp = path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(Buffer.concat([MAGIC, length, header, blob.sealed]));
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(temp, file);
    // The rename itself is durable only once the directory is flushed.
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }

  async get(ref: BlobRef): Promise<StoredBlob | undefined> {
    const file = await this.#read(ref, Infinity);
    return file && { header: file.header, sealed: file.rest };
  }

  async header(ref: BlobRef): Promise<BlobHeader | undefined> {
    return (await this.#read(ref, 64 * 1024))?.header;
  }

  async delete(ref: BlobRef): Promise<boolean> {
    try {
      await unlink(this.#file(ref));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<BlobRef> {
    for (const tenantDir of await entries(this.root)) {
      if (!/^[0-9a-f]+$/.test(tenantDir)) continue;
      const tenant = Buffer.from(tenantDir, 'hex').toString('utf8');
      for (const shard of await entries(path.join(this.root, tenantDir))) {
        for (const name of await entries(path.join(this.root, tenantDir, shard))) {
          const blobId = name.slice(0, -SUFFIX.length);
          if (name.endsWith(SUFFIX) && BLOB_ID.test(blobId)) yield { tenant, blobId };
        }
      }
    }
  }

  /** Removes everything (tests and `veil` reset tools only). */
  async clear(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }

  #file({ tenant, blobId }: BlobRef): string {
    if (!BLOB_ID.test(blobId)) throw new RangeError('blob ids are lower-case hex');
    // Hex keeps any tenant id (even `..`) a plain directory name.
    const tenantDir = Buffer.from(tenant, 'utf8').toString('hex');
    return path.join(this.root, tenantDir, blobId.slice(0, 2), `${blobId}${SUFFIX}`);
  }

  async #read(ref: BlobRef, limit: number): Promise<{ header: BlobHeader; rest: Buffer } | undefined> {
    let handle;
    try {
      handle = await open(this.#file(ref), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const want = Math.min(size, limit);
      const buffer = Buffer.alloc(want);
      await handle.read(buffer, 0, want, 0);
      if (want < MAGIC.length + 4 || !buffer.subarray(0, MAGIC.length).equals(MAGIC))
        throw new Error(`blob ${ref.blobId} is not a Veil blob file`);
      const headerLength = buffer.readUInt32BE(MAGIC.length);
      const start = MAGIC.length + 4;
      if (start + headerLength > want) throw new Error(`blob ${ref.blobId} has a truncated header`);
      const header = JSON.parse(buffer.subarray(start, start + headerLength).toString('utf8')) as BlobHeader;
      return { header, rest: buffer.subarray(start + headerLength) };
    } finally {
      await handle.close();
    }
  }
}

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
