/**
 * Genesys Cloud client-credentials tokens (contracts §2a): one cached token per client, fetched once
 * for concurrent callers, refreshed a margin before it expires, and dropped when the API answers
 * 401 so the next call fetches a fresh one. The secret goes only to the login URL.
 */
export interface OAuthClientOptions {
  /** `https://login.<env>` or the simulator's base URL. */
  readonly loginUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clock?: () => number;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/** A token request that failed; `retryAfterMs` when the login service asked for it (429). */
export class TokenRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TokenRequestError';
  }
}

interface CachedToken {
  readonly token: string;
  readonly refreshAt: number;
}

export class OAuthTokenCache {
  readonly #options: OAuthClientOptions;
  readonly #clock: () => number;
  readonly #fetch: typeof fetch;
  #cached: CachedToken | undefined;
  #pending: Promise<string> | undefined;
  /** Tokens fetched so far (for metrics and tests). */
  fetched = 0;

  constructor(options: OAuthClientOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.#fetch = options.fetch ?? fetch;
  }

  async get(): Promise<string> {
    if (this.#cached && this.#clock() < this.#cached.refreshAt) return this.#cached.token;
    this.#pending ??= this.#request().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Forgets `token` after a 401, unless a newer one has replaced it already. */
  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  async #request(): Promise<string> {
    const { clientId, clientSecret } = this.#options;
    const url = `${this.#options.loginUrl.replace(/\/+$/, '')}/oauth/token`;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new TokenRequestError(`token request failed: ${(error as Error).message}`, undefined);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new TokenRequestError(
        `token request answered ${response.status}`,
        response.status,
        retryAfterMs(response.headers.get('retry-after'), this.#clock()),
      );
    }
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number')
      throw new TokenRequestError('token response without access_token/expires_in', response.status);
    this.fetched += 1;
    const lifetimeMs = body.expires_in * 1000;
    // Refresh a tenth of the lifetime early (at most a minute): a request in flight at expiry fails.
    const margin = Math.min(60_000, lifetimeMs / 10);
    this.#cached = { token: body.access_token, refreshAt: this.#clock() + lifetimeMs - margin };
    return body.access_token;
  }
}

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds; undefined when absent or bad. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
