import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openVault, type VaultRuntime } from '../../compose.js';
import { loadConfig } from '../../config/config.js';
import { blobIdFor, MediaVault } from '../../core/media/media-vault.js';
import { FsBlobStore } from './fs-blob-store.js';

const admin = { id: 'key-admin', tenant: 't1', roles: ['admin'] };
const agent = { id: 'key-agent', tenant: 't1', roles: ['agent'] };
// A recognisable plaintext: if any run of it reached the disk, the search below would find it.
const picture = Buffer.from(`PNG-ish secret picture of a card 4111111111111111 `.repeat(40));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

describe('MediaVault on the filesystem blob store and a real vault', () => {
  let dir: string;
  let runtime: VaultRuntime;
  let blobs: FsBlobStore;
  let media: MediaVault;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'veil-media-'));
    runtime = await openVault(loadConfig({ dataDir: dir }, {}));
    blobs = new FsBlobStore(path.join(dir, 'blobs'));
    media = new MediaVault({ vault: runtime.vault, blobs, audit: runtime.store });
  });
  afterEach(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const store = (messageId = 'wamid.1', bytes = picture) =>
    media.store({ tenant: 't1', messageId, subjectId: '5511999990000', mimeType: 'image/png', bytes });

  it('stores ciphertext only, 0600 in 0700 directories, and opens the same bytes for an allowed role', async () => {
    const { token } = await store();
    expect(token).toMatch(/^tok_/);
    const files = filesUnder(path.join(dir, 'blobs'));
    expect(files).toHaveLength(1);
    const onDisk = readFileSync(files[0]!);
    expect(onDisk.includes(picture.subarray(0, 24))).toBe(false);
    expect(onDisk.includes(Buffer.from('4111111111111111'))).toBe(false);
    expect(statSync(files[0]!).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(files[0]!)).mode & 0o777).toBe(0o700);

    const opened = await media.open(admin, token);
    expect(opened.mimeType).toBe('image/png');
    expect(opened.bytes.equals(picture)).toBe(true);
  });

  it('refuses roles without `plain` on MEDIA and audits every attempt without content', async () => {
    const { token } = await store();
    await expect(media.open(agent, token)).rejects.toMatchObject({ code: 'VEIL_ERR_MEDIA_FORBIDDEN' });
    await media.open(admin, token);
    const events = (await runtime.store.list({ tenant: 't1', limit: 50 })).filter(
      (e) => e.action === 'open-media',
    );
    expect(events.map((e) => [e.principal, e.target, e.outcome])).toEqual([
      ['key-admin', token, 'ok'],
      ['key-agent', token, 'VEIL_ERR_MEDIA_FORBIDDEN'],
    ]);
    expect(JSON.stringify(events)).not.toContain('secret picture');
  });

  it('stores a replayed message once: same token, one file', async () => {
    const first = await store('wamid.replay');
    const second = await store('wamid.replay');
    expect(second).toEqual({ token: first.token, reused: true });
    expect(filesUnder(path.join(dir, 'blobs'))).toHaveLength(1);
    expect(await media.existing('t1', 'wamid.replay')).toBe(first.token);
    expect(await media.existing('t1', 'wamid.other')).toBeUndefined();
  });

  it('erasing the customer makes the blob unreadable at once; the sweep then deletes the file', async () => {
    const { token } = await store();
    const kept = await media.store({
      tenant: 't1',
      messageId: 'wamid.other-customer',
      subjectId: '5511888880000',
      mimeType: 'image/png',
      bytes: picture,
    });
    await runtime.vault.eraseSubject(admin, '5511999990000');
    await expect(media.open(admin, token)).rejects.toMatchObject({ code: 'VEIL_ERR_VAULT_SUBJECT_ERASED' });
    expect(await media.sweep()).toBe(1);
    expect(filesUnder(path.join(dir, 'blobs'))).toHaveLength(1);
    expect((await media.open(admin, kept.token)).bytes.equals(picture)).toBe(true);
  });

  it('a TTL makes the media unreadable once it passes; the sweep then deletes the file', async () => {
    let now = Date.now();
    const timed = await openVault(loadConfig({ dataDir: dir }, {}), { clock: () => now });
    try {
      const withClock = new MediaVault({ vault: timed.vault, blobs, audit: timed.store, clock: () => now });
      const { token } = await withClock.store({
        tenant: 't1',
        messageId: 'wamid.ttl',
        subjectId: 's',
        mimeType: 'image/png',
        bytes: picture,
        ttlSeconds: 60,
      });
      expect((await withClock.open(admin, token)).bytes.equals(picture)).toBe(true);
      expect(await withClock.sweep()).toBe(0);
      now += 60_001;
      await expect(withClock.open(admin, token)).rejects.toMatchObject({
        code: 'VEIL_ERR_VAULT_TOKEN_EXPIRED',
      });
      expect(await withClock.existing('t1', 'wamid.ttl')).toBeUndefined();
      expect(await withClock.sweep()).toBe(1);
      expect(filesUnder(path.join(dir, 'blobs'))).toEqual([]);
    } finally {
      await timed.close();
    }
  });

  it('a deleted file or a tampered one fails closed', async () => {
    const { token } = await store();
    const [file] = filesUnder(path.join(dir, 'blobs'));
    const bytes = readFileSync(file!);
    bytes[bytes.length - 20]! ^= 1;
    writeFileSync(file!, bytes);
    await expect(media.open(admin, token)).rejects.toMatchObject({ code: 'VEIL_ERR_VAULT_DECRYPT_FAILED' });
    await blobs.delete({ tenant: 't1', blobId: blobIdFor('t1', 'wamid.1') });
    await expect(media.open(admin, token)).rejects.toMatchObject({ code: 'VEIL_ERR_MEDIA_NOT_FOUND' });
  });

  it('a token of another tenant or another type opens nothing', async () => {
    const { token } = await store();
    await expect(media.open({ ...admin, tenant: 't2' }, token)).rejects.toMatchObject({
      code: 'VEIL_ERR_VAULT_TOKEN_NOT_FOUND',
    });
    const [text] = await runtime.vault.tokenize([{ value: 'hello', type: 'NAME' }], { tenant: 't1' });
    await expect(media.open(admin, (text as { token: string }).token)).rejects.toMatchObject({
      code: 'VEIL_ERR_MEDIA_NOT_FOUND',
    });
  });

  it('keeps tenant ids as plain directory names (no path tricks)', async () => {
    await media.store({
      tenant: '..',
      messageId: 'm',
      subjectId: 's',
      mimeType: 'image/png',
      bytes: picture,
    });
    expect(filesUnder(path.join(dir, 'blobs'))[0]).toContain(path.join(dir, 'blobs', '2e2e'));
    const refs = [];
    for await (const ref of blobs.list()) refs.push(ref);
    expect(refs).toEqual([{ tenant: '..', blobId: blobIdFor('..', 'm') }]);
  });
});
