import { createHash, timingSafeEqual } from 'node:crypto';
import { MediaErrorCode, mediaError } from '../../../core/media/media-errors.js';
import { backoffMs, type BackoffOptions } from '../../../gateway/backoff.js';
import type { MediaDownload, MediaDownloader, MediaExpectation } from '../../../gateway/media-protection.js';

/**
 * Downloads a customer's media from the WhatsApp Cloud API (contracts §1d): `GET /{media-id}` gives
 * a short-lived URL, then `GET <url>` with the same bearer token. The size limit is enforced while
 * reading (the body is never buffered past it) and the bytes must match the webhook's SHA-256.
 * Network errors, 429 and 5xx are retried with backoff (each attempt asks for a fresh URL, which is
 * also what a `404` on an expired URL needs); other answers are final.
 */
export interface GraphMediaClientOptions {
  /** `https://graph.facebook.com` or a simulator's URL. */
  readonly baseUrl: string;
  readonly apiVersion: string;
  readonly accessToken: string;
  readonly phoneNumberId?: string;
  /**
   * Hosts besides the Graph origin that may receive the access token with a download (https only):
   * Meta serves media from `lookaside.fbsbx.com`. A URL elsewhere is refused, never fetched.
   */
  readonly downloadHosts?: readonly string[];
  readonly attempts?: number;
  readonly backoff?: BackoffOptions;
  readonly timeoutMs?: number;
  readonly delay?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly fetch?: typeof fetch;
}

const defaultMediaBackoff: BackoffOptions = { baseMs: 200, capMs: 5_000 };

/** A MIME type safe to echo as a Content-Type header; anything else is served as octet-stream. */
const SAFE_MIME = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*(\s*;\s*[a-z0-9.-]+=[a-z0-9.+-]+)*$/i;

export class GraphMediaClient implements MediaDownloader {
  readonly #o: GraphMediaClientOptions;
  readonly #fetch: typeof fetch;
  readonly #graph: URL;

  constructor(options: GraphMediaClientOptions) {
    this.#o = options;
    this.#fetch = options.fetch ?? fetch;
    this.#graph = new URL(options.baseUrl);
  }

  async download(mediaId: string, expect: MediaExpectation): Promise<MediaDownload> {
    const attempts = Math.max(1, this.#o.attempts ?? 3);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#once(mediaId, expect);
      } catch (error) {
        const retryable = (error as { code?: unknown }).code === MediaErrorCode.DownloadFailed;
        if (!retryable || attempt >= attempts) throw error;
        const ms = backoffMs(attempt, this.#o.backoff ?? defaultMediaBackoff, this.#o.random ?? Math.random);
        await (this.#o.delay ?? ((d) => new Promise((resolve) => setTimeout(resolve, d))))(ms);
      }
    }
  }

  async #once(mediaId: string, expect: MediaExpectation): Promise<MediaDownload> {
    const base = this.#o.baseUrl.replace(/\/+$/, '');
    const lookupUrl = new URL(`${base}/${this.#o.apiVersion}/${encodeURIComponent(mediaId)}`);
    if (this.#o.phoneNumberId) lookupUrl.searchParams.set('phone_number_id', this.#o.phoneNumberId);
    const lookup = await this.#get(lookupUrl, 'media lookup');
    const info = (await lookup.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (typeof info?.url !== 'string')
      throw mediaError(MediaErrorCode.Unavailable, 'operational', 'the media lookup answered without a URL');
    const announced = typeof info.file_size === 'number' ? info.file_size : undefined;
    if (announced !== undefined && announced > expect.maxBytes) throw tooLarge(expect.maxBytes);
    const fileUrl = this.#allowed(info.url);

    const response = await this.#get(fileUrl, 'media download');
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(length) && length > expect.maxBytes) {
      await response.body?.cancel();
      throw tooLarge(expect.maxBytes);
    }
    const bytes = await readLimited(response, expect.maxBytes);
    const digest = createHash('sha256').update(bytes).digest();
    const expected: Buffer[] = [];
    if (expect.sha256Base64 !== undefined) expected.push(Buffer.from(expect.sha256Base64, 'base64'));
    if (typeof info.sha256 === 'string' && /^[0-9a-f]{64}$/i.test(info.sha256))
      expected.push(Buffer.from(info.sha256, 'hex'));
    for (const want of expected)
      if (want.length !== digest.length || !timingSafeEqual(want, digest))
        throw mediaError(
          MediaErrorCode.DigestMismatch,
          'operational',
          'the downloaded media does not match the SHA-256 WhatsApp announced',
        );
    const announcedType = typeof info.mime_type === 'string' ? info.mime_type : expect.mimeType;
    const mimeType =
      announcedType !== undefined && SAFE_MIME.test(announcedType)
        ? announcedType
        : 'application/octet-stream';
    return { bytes, mimeType };
  }

  /** The token goes only to the Graph origin or an allowed https host. */
  #allowed(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw mediaError(
        MediaErrorCode.Unavailable,
        'operational',
        'the media lookup answered a malformed URL',
      );
    }
    const hosts = this.#o.downloadHosts ?? ['lookaside.fbsbx.com'];
    if (url.origin === this.#graph.origin || (url.protocol === 'https:' && hosts.includes(url.hostname)))
      return url;
    throw mediaError(
      MediaErrorCode.Unavailable,
      'operational',
      `refusing to send the access token to ${url.hostname}`,
    );
  }

  async #get(url: URL, what: string): Promise<Response> {
    let response: Response;
    try {
      response = await this.#fetch(url, {
        headers: { authorization: `Bearer ${this.#o.accessToken}` },
        signal: AbortSignal.timeout(this.#o.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw mediaError(MediaErrorCode.DownloadFailed, 'operational', `${what}: ${(error as Error).name}`);
    }
    if (response.ok) return response;
    await response.body?.cancel();
    // 404 on the download is an expired URL: the next attempt asks for a fresh one. 401/403 say
    // Veil's access token is wrong: the message waits for the operator rather than losing its media.
    const retry =
      response.status === 401 ||
      response.status === 403 ||
      response.status === 429 ||
      response.status >= 500 ||
      (what === 'media download' && response.status === 404);
    throw mediaError(
      retry ? MediaErrorCode.DownloadFailed : MediaErrorCode.Unavailable,
      'operational',
      `${what} answered HTTP ${response.status}`,
      { status: response.status },
    );
  }
}

const tooLarge = (max: number) =>
  mediaError(MediaErrorCode.TooLarge, 'operational', `the media is larger than the ${max}-byte limit`, {
    maxBytes: max,
  });

async function readLimited(response: Response, max: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        await reader.cancel();
        throw tooLarge(max);
      }
      chunks.push(value);
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === MediaErrorCode.TooLarge) throw error;
    throw mediaError(
      MediaErrorCode.DownloadFailed,
      'operational',
      `media download: ${(error as Error).name}`,
    );
  }
  return Buffer.concat(chunks, total);
}
