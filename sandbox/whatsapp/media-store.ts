import { createHash, randomBytes } from 'node:crypto';
import { newGraphId } from '../common/ids.js';

/**
 * Media objects (uploaded by the business or sent by customers) and their short-lived download
 * URLs. Limits follow contracts §1d: a URL is valid 5 minutes and needs the bearer token.
 */
export interface MediaObject {
  readonly id: string;
  readonly bytes: Buffer;
  readonly mimeType: string;
  readonly filename?: string;
  readonly sha256Hex: string;
  /** Webhooks carry the digest in base64 (contracts §1b). */
  readonly sha256Base64: string;
}

const megabyte = 1024 * 1024;

/** Accepted MIME types and their size limits. */
export const mediaLimits: Readonly<Record<string, number>> = {
  'image/jpeg': 5 * megabyte,
  'image/png': 5 * megabyte,
  'image/webp': 500 * 1024,
  'audio/aac': 16 * megabyte,
  'audio/amr': 16 * megabyte,
  'audio/mpeg': 16 * megabyte,
  'audio/mp4': 16 * megabyte,
  'audio/ogg': 16 * megabyte,
  'video/mp4': 16 * megabyte,
  'video/3gpp': 16 * megabyte,
  'text/plain': 100 * megabyte,
  'application/pdf': 100 * megabyte,
  'application/msword': 100 * megabyte,
  'application/vnd.ms-excel': 100 * megabyte,
  'application/vnd.ms-powerpoint': 100 * megabyte,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * megabyte,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * megabyte,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * megabyte,
};

export const urlLifetimeMs = 5 * 60 * 1000;

export class MediaStore {
  private readonly objects = new Map<string, MediaObject>();
  private readonly links = new Map<string, { mediaId: string; expiresAt: number }>();

  /** Stores bytes; returns a problem description instead when the type or size is not accepted. */
  add(bytes: Buffer, mimeType: string, filename?: string): MediaObject | string {
    const limit = mediaLimits[mimeType];
    if (limit === undefined) return `unsupported MIME type ${mimeType}`;
    if (bytes.length === 0) return 'empty file';
    if (bytes.length > limit)
      return `file of ${bytes.length} bytes exceeds the ${limit}-byte limit for ${mimeType}`;
    const digest = createHash('sha256').update(bytes).digest();
    const media: MediaObject = {
      id: newGraphId(),
      bytes,
      mimeType,
      ...(filename === undefined ? {} : { filename }),
      sha256Hex: digest.toString('hex'),
      sha256Base64: digest.toString('base64'),
    };
    this.objects.set(media.id, media);
    return media;
  }

  get(id: string): MediaObject | undefined {
    return this.objects.get(id);
  }

  delete(id: string): boolean {
    return this.objects.delete(id);
  }

  /** A fresh download key, valid `urlLifetimeMs` on the simulated clock. */
  issueLink(mediaId: string, now: number): string {
    const key = randomBytes(18).toString('base64url');
    this.links.set(key, { mediaId, expiresAt: now + urlLifetimeMs });
    return key;
  }

  resolveLink(key: string, now: number): MediaObject | undefined {
    const link = this.links.get(key);
    if (!link || link.expiresAt <= now) return undefined;
    return this.objects.get(link.mediaId);
  }

  clear(): void {
    this.objects.clear();
    this.links.clear();
  }
}

/** Small, well-formed sample files for injected customer media that carries no bytes of its own. */
export const sampleMedia: Readonly<Record<string, { mimeType: string; bytes: Buffer; filename?: string }>> = {
  image: {
    mimeType: 'image/png',
    bytes: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  },
  document: {
    mimeType: 'application/pdf',
    filename: 'document.pdf',
    bytes: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
  },
  audio: { mimeType: 'audio/ogg', bytes: Buffer.from('OggS\0\x02sandbox-voice-note') },
  video: { mimeType: 'video/mp4', bytes: Buffer.from('\0\0\0\x18ftypmp42sandbox-video') },
  sticker: { mimeType: 'image/webp', bytes: Buffer.from('RIFF\x10\0\0\0WEBPVP8 sandbox') },
};
