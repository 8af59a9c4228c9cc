import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWhatsAppSim, type WhatsAppSim } from '../../../../sandbox/index.js';
import { GraphMediaClient } from './media-client.js';

const token = 'media-test-token';
let sim: WhatsAppSim;
let base: string;
const delays: number[] = [];

beforeEach(async () => {
  sim = buildWhatsAppSim({
    appSecret: 's',
    verifyToken: 'v',
    accessToken: token,
    settings: { webhookUrl: null },
  });
  base = await sim.listen(0);
  delays.length = 0;
});
afterEach(async () => {
  await sim.close();
});

const client = (overrides: Partial<ConstructorParameters<typeof GraphMediaClient>[0]> = {}) =>
  new GraphMediaClient({
    baseUrl: base,
    apiVersion: 'v23.0',
    accessToken: token,
    delay: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });

function upload(bytes: Buffer, mime = 'image/png') {
  const stored = sim.state.media.add(bytes, mime);
  if (typeof stored === 'string') throw new Error(stored);
  return stored;
}

const photo = Buffer.from('\x89PNG\r\n\x1a\n customer photo '.repeat(100));

describe('GraphMediaClient against the WhatsApp simulator', () => {
  it('looks the media up, downloads it with the bearer token and checks the webhook digest', async () => {
    const media = upload(photo);
    const got = await client().download(media.id, { sha256Base64: media.sha256Base64, maxBytes: 1_000_000 });
    expect(Buffer.from(got.bytes).equals(photo)).toBe(true);
    expect(got.mimeType).toBe('image/png');
  });

  it('refuses bytes whose digest differs from the webhook, without retrying', async () => {
    const media = upload(photo);
    const wrong = createHash('sha256').update('something else').digest('base64');
    await expect(
      client().download(media.id, { sha256Base64: wrong, maxBytes: 1_000_000 }),
    ).rejects.toMatchObject({
      code: 'VEIL_ERR_MEDIA_DIGEST_MISMATCH',
    });
    expect(delays).toEqual([]);
  });

  it('refuses media above the size limit', async () => {
    const media = upload(photo);
    await expect(
      client().download(media.id, { sha256Base64: media.sha256Base64, maxBytes: photo.length - 1 }),
    ).rejects.toMatchObject({ code: 'VEIL_ERR_MEDIA_TOO_LARGE' });
  });

  it('retries 5xx with backoff, then gives up with a retryable code', async () => {
    const media = upload(photo);
    sim.state.faults.update({ failNext: 2, failStatus: 503 });
    const got = await client().download(media.id, { sha256Base64: media.sha256Base64, maxBytes: 1_000_000 });
    expect(Buffer.from(got.bytes).equals(photo)).toBe(true);
    expect(delays).toEqual([150, 300]);

    sim.state.faults.update({ failNext: 5, failStatus: 500 });
    await expect(
      client({ attempts: 2 }).download(media.id, { sha256Base64: media.sha256Base64, maxBytes: 1_000_000 }),
    ).rejects.toMatchObject({ code: 'VEIL_ERR_MEDIA_DOWNLOAD_FAILED' });
  });

  it('an unknown media id is final, a wrong token is not; the token goes to no other host', async () => {
    await expect(client().download('999999', { maxBytes: 1_000 })).rejects.toMatchObject({
      code: 'VEIL_ERR_MEDIA_UNAVAILABLE',
    });
    const media = upload(photo);
    // A wrong access token is Veil's configuration, not the media's fault: retryable, the message waits.
    await expect(
      client({ accessToken: 'wrong' }).download(media.id, { maxBytes: 1_000_000 }),
    ).rejects.toMatchObject({ code: 'VEIL_ERR_MEDIA_DOWNLOAD_FAILED', detail: { status: 401 } });
    const seen: string[] = [];
    const redirecting = client({
      fetch: async (url, init) => {
        seen.push(String(url));
        if (seen.length === 1)
          return Response.json({ url: 'https://evil.example/steal', mime_type: 'image/png' });
        return fetch(url, init);
      },
    });
    await expect(redirecting.download(media.id, { maxBytes: 1_000_000 })).rejects.toMatchObject({
      code: 'VEIL_ERR_MEDIA_UNAVAILABLE',
    });
    expect(seen).toHaveLength(1);
  });
});
