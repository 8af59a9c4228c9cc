import type { DeliveryOutcome, PlatformMessage, PlatformSender } from '../../../gateway/platform-message.js';
import {
  fetchPost,
  keepAlivePost,
  PostNetworkError,
  type JsonPost,
  type PostResult,
} from './keep-alive-post.js';
import { OAuthTokenCache, retryAfterMs, TokenRequestError } from './oauth-token-cache.js';

/**
 * Genesys Cloud Open Messaging inbound API (contracts §2b): posts normalized messages and receipts
 * with a cached client-credentials token. A 401 drops the token and tries once more with a fresh
 * one; 429 carries `Retry-After`; 408/5xx and network errors are retryable; other 4xx are final.
 */
export interface OpenMessagingClientOptions {
  /** `https://api.<env>` or the simulator's base URL. */
  readonly apiUrl: string;
  readonly integrationId: string;
  readonly tokens: OAuthTokenCache;
  readonly clock?: () => number;
  /** Replaces the keep-alive node:http transport (tests). */
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

export interface OpenReceipt {
  /** Genesys' id of the outbound message. */
  readonly id: string;
  readonly to: { readonly id: string; readonly idType: 'Phone' | 'Opaque' };
  readonly time: string;
  readonly status: 'Delivered' | 'Failed';
  readonly reasons?: readonly { readonly code: string; readonly message?: string }[];
}

/** The `OpenInboundNormalizedMessage` body for a protected message. */
export function openInboundMessage(message: PlatformMessage): Record<string, unknown> {
  return {
    channel: {
      messageId: message.id,
      from: {
        id: message.sender.id,
        idType: message.sender.idType,
        ...(message.sender.nickname === undefined ? {} : { nickname: message.sender.nickname }),
      },
      time: message.time,
    },
    text: message.text,
  };
}

export class OpenMessagingClient implements PlatformSender {
  readonly #options: OpenMessagingClientOptions;
  readonly #transport: JsonPost;
  readonly #close: () => void;
  readonly #clock: () => number;
  readonly #base: string;

  constructor(options: OpenMessagingClientOptions) {
    this.#options = options;
    if (options.fetch) {
      this.#transport = fetchPost(options.fetch);
      this.#close = () => undefined;
    } else {
      const transport = keepAlivePost();
      this.#transport = transport.post;
      this.#close = transport.close;
    }
    this.#clock = options.clock ?? Date.now;
    this.#base = `${options.apiUrl.replace(/\/+$/, '')}/api/v2/conversations/messages/${encodeURIComponent(options.integrationId)}/inbound/open/`;
  }

  /** Drops the pooled connections. */
  close(): void {
    this.#close();
  }

  deliver(message: PlatformMessage): Promise<DeliveryOutcome> {
    return this.#send('message', openInboundMessage(message));
  }

  sendReceipt(receipt: OpenReceipt): Promise<DeliveryOutcome> {
    return this.#send('receipt', {
      id: receipt.id,
      channel: { to: receipt.to, time: receipt.time },
      status: receipt.status,
      direction: 'Outbound',
      isFinalReceipt: true,
      ...(receipt.reasons ? { reasons: receipt.reasons } : {}),
    });
  }

  async #send(kind: 'message' | 'receipt', body: unknown): Promise<DeliveryOutcome> {
    const url = this.#base + kind;
    const payload = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      let token: string;
      try {
        token = await this.#options.tokens.get();
      } catch (error) {
        if (error instanceof TokenRequestError) {
          const final =
            error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 429;
          return final
            ? { kind: 'rejected', reason: `oauth ${error.status}` }
            : {
                kind: 'retry',
                reason: `oauth ${error.status ?? 'unreachable'}`,
                ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
              };
        }
        throw error;
      }
      let response: PostResult;
      try {
        response = await this.#transport(
          url,
          { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload,
          this.#options.timeoutMs ?? 10_000,
        );
      } catch (error) {
        return {
          kind: 'retry',
          reason: error instanceof PostNetworkError ? error.message : `network: ${(error as Error).name}`,
        };
      }
      if (response.status >= 200 && response.status < 300) return { kind: 'delivered' };
      if (response.status === 401 && attempt === 0) {
        this.#options.tokens.invalidate(token);
        continue;
      }
      if (response.status === 429) {
        const after = retryAfterMs(response.header('retry-after'), this.#clock());
        return {
          kind: 'retry',
          reason: 'platform 429',
          ...(after === undefined ? {} : { retryAfterMs: after }),
        };
      }
      if (response.status === 401 || response.status === 408 || response.status >= 500)
        return { kind: 'retry', reason: `platform ${response.status}` };
      return { kind: 'rejected', reason: `platform ${response.status}` };
    }
  }
}
