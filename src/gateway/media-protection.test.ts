import { describe, expect, it } from 'vitest';
import { mediaError, MediaErrorCode } from '../core/media/media-errors.js';
import type { StoreMediaRequest } from '../core/media/media-vault.js';
import type { ChannelMessage } from './channel-message.js';
import {
  mediaProtection,
  type MediaDownloader,
  type MediaSafe,
  type MediaSettings,
} from './media-protection.js';

const settings: MediaSettings = {
  notice: '📎 {type}: {token}',
  failedNotice: '📎 {type} refused',
  maxBytes: 1_000,
};
const image: ChannelMessage = {
  id: 'wamid.1',
  customer: '5511999990000',
  sentAt: 0,
  type: 'image',
  text: '',
  notice: '[image]',
  media: { id: 'm1', mimeType: 'image/png', sha256: 'abc=' },
};

/** A safe that remembers by message id, as the blob store's deterministic ids do. */
function memorySafe(): MediaSafe & { stored: StoreMediaRequest[] } {
  const byMessage = new Map<string, string>();
  const stored: StoreMediaRequest[] = [];
  return {
    stored,
    existing: async (tenant, messageId) => byMessage.get(`${tenant}/${messageId}`),
    store: async (request) => {
      stored.push(request);
      const token = `tok_${stored.length}`;
      byMessage.set(`${request.tenant}/${request.messageId}`, token);
      return { token };
    },
  };
}

function countingDownloader(fail?: Error): MediaDownloader & { calls: number } {
  const d = {
    calls: 0,
    async download() {
      d.calls += 1;
      if (fail) throw fail;
      return { bytes: Buffer.from('png'), mimeType: 'image/png' };
    },
  };
  return d;
}

describe('mediaProtection', () => {
  it('downloads once per message: a replay after a crash reuses the stored blob', async () => {
    const safe = memorySafe();
    const downloader = countingDownloader();
    const media = mediaProtection({ tenant: 't', settings, downloader, safe });
    expect(await media.placeholder(image, true)).toBe('📎 image: tok_1');
    expect(await media.placeholder(image, true)).toBe('📎 image: tok_1');
    expect(downloader.calls).toBe(1);
    expect(safe.stored[0]).toMatchObject({ tenant: 't', messageId: 'wamid.1', subjectId: '5511999990000' });
  });

  it('leaves unprotected media alone: no download, the plain notice', async () => {
    const downloader = countingDownloader();
    const media = mediaProtection({ tenant: 't', settings, downloader, safe: memorySafe() });
    expect(await media.placeholder(image, false)).toBe('[image]');
    expect(downloader.calls).toBe(0);
    expect(await media.placeholder(image, true)).toBe('📎 image: tok_1');
  });

  it('final failures become the failure notice; retryable ones propagate (the message waits)', async () => {
    const failures: string[] = [];
    const final = mediaProtection({
      tenant: 't',
      settings,
      safe: memorySafe(),
      downloader: countingDownloader(mediaError(MediaErrorCode.TooLarge, 'operational', 'big')),
      onFailure: (id, code) => failures.push(`${id} ${code}`),
    });
    expect(await final.placeholder(image, true)).toBe('📎 image refused');
    expect(failures).toEqual(['wamid.1 VEIL_ERR_MEDIA_TOO_LARGE']);

    const retryable = mediaProtection({
      tenant: 't',
      settings,
      safe: memorySafe(),
      downloader: countingDownloader(mediaError(MediaErrorCode.DownloadFailed, 'operational', '503')),
    });
    await expect(retryable.placeholder(image, true)).rejects.toMatchObject({
      code: 'VEIL_ERR_MEDIA_DOWNLOAD_FAILED',
    });
  });
});
