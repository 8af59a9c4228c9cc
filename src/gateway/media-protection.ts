import { isFinalMediaFailure } from '../core/media/media-errors.js';
import type { StoreMediaRequest } from '../core/media/media-vault.js';
import type { ChannelMessage } from './channel-message.js';

/** What the downloader must check: the webhook's digest and the tenant's size limit. */
export interface MediaExpectation {
  /** SHA-256 from the webhook, base64 (contracts §1b). */
  readonly sha256Base64?: string | undefined;
  /** The webhook's MIME type, used when the lookup names none. */
  readonly mimeType?: string | undefined;
  readonly maxBytes: number;
}

export interface MediaDownload {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
}

/** The channel side: fetches a media object's bytes (WhatsApp: Graph lookup + bearer download). */
export interface MediaDownloader {
  download(mediaId: string, expect: MediaExpectation): Promise<MediaDownload>;
}

/** The vault side (MediaVault): finds a message's blob from an earlier attempt, or stores a new one. */
export interface MediaSafe {
  existing(tenant: string, messageId: string): Promise<string | undefined>;
  store(request: StoreMediaRequest): Promise<{ token: string }>;
}

export interface MediaSettings {
  /** What the platform sees instead of protected media; `{type}` and `{token}` are replaced. */
  readonly notice: string;
  /** What the platform sees when the media could not be taken safely (digest mismatch, too large…). */
  readonly failedNotice: string;
  readonly maxBytes: number;
  readonly ttlSeconds?: number | undefined;
}

/** Decides what the platform sees of a message's media. */
export interface MediaHandling {
  /**
   * The notice that replaces the media in the platform message (undefined when there is none).
   * `protect`: the conversation's encryption config protects media, or a secure segment is open.
   */
  placeholder(message: ChannelMessage, protect: boolean): Promise<string | undefined>;
}

export interface MediaProtectionOptions {
  readonly tenant: string;
  readonly settings: MediaSettings;
  readonly downloader: MediaDownloader;
  readonly safe: MediaSafe;
  /** Told when media was given up for good (the platform gets the failure notice instead). */
  readonly onFailure?: (messageId: string, code: string) => void;
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(type|token)\}/g, (_, name: string) => values[name] ?? '');

/**
 * Protected media (the config says so, or a secure segment is open): downloaded, sealed into the
 * blob store, and replaced by a notice carrying its MEDIA token. Unprotected media keeps the plain
 * `[image]`-style notice and is never downloaded. Retryable download failures propagate, so the
 * message stays in the inbox and is tried again (fail closed); final ones (digest mismatch, too
 * large, refused by WhatsApp) forward a failure notice, never the media.
 */
export function mediaProtection(options: MediaProtectionOptions): MediaHandling {
  const { tenant, settings, downloader, safe } = options;
  return {
    async placeholder(message, protect) {
      const media = message.media;
      if (!media || !protect) return message.notice;
      let token = await safe.existing(tenant, message.id);
      if (!token) {
        try {
          const download = await downloader.download(media.id, {
            sha256Base64: media.sha256,
            mimeType: media.mimeType,
            maxBytes: settings.maxBytes,
          });
          ({ token } = await safe.store({
            tenant,
            messageId: message.id,
            subjectId: message.customer,
            conversationId: message.customer,
            ttlSeconds: settings.ttlSeconds,
            mimeType: download.mimeType,
            bytes: download.bytes,
          }));
        } catch (error) {
          if (!isFinalMediaFailure(error)) throw error;
          options.onFailure?.(message.id, error.code);
          return fill(settings.failedNotice, { type: message.type });
        }
      }
      return fill(settings.notice, { type: message.type, token });
    },
  };
}
