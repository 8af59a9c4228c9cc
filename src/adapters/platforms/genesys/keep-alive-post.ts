import http from 'node:http';
import https from 'node:https';

/** What the Open Messaging client needs from a POST: the status and one header. */
export interface PostResult {
  readonly status: number;
  header(name: string): string | null;
}

export type JsonPost = (
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMs: number,
) => Promise<PostResult>;

/** A network failure (refused, reset, timed out): always worth a retry. */
export class PostNetworkError extends Error {
  constructor(readonly reason: string) {
    super(`network: ${reason}`);
    this.name = 'PostNetworkError';
  }
}

/**
 * POSTs over node:http(s) with keep-alive agents: one connection pool per client, reused across
 * deliveries. The global `fetch` also keeps connections alive, but builds WHATWG Request, Response,
 * streams and an AbortSignal per call, which profiling showed as about a tenth of the gateway's CPU.
 * A request that fails on a reused socket (the server closed it while idle) is sent once more on a
 * fresh one, as the Node documentation advises; the platform dedupes on the message id anyway.
 */
export function keepAlivePost(maxSockets = 64): { post: JsonPost; close(): void } {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets }),
  };
  const once = (url: URL, headers: Readonly<Record<string, string>>, body: string, timeoutMs: number) =>
    new Promise<PostResult & { reusedSocketReset?: boolean }>((resolve, reject) => {
      const transport = url.protocol === 'https:' ? https : http;
      const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
      const request = transport.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          // The body is not needed, but must be read for the socket to go back to the pool.
          response.resume();
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            resolve({
              status,
              header: (name) => {
                const value = response.headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
              },
            });
          });
          response.on('error', (error) => reject(new PostNetworkError(error.name)));
        },
      );
      request.setTimeout(timeoutMs, () => request.destroy(new PostNetworkError('TimeoutError')));
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (request.reusedSocket && error.code === 'ECONNRESET')
          resolve({ status: 0, header: () => null, reusedSocketReset: true });
        else
          reject(error instanceof PostNetworkError ? error : new PostNetworkError(error.code ?? error.name));
      });
      request.end(body);
    });
  return {
    async post(url, headers, body, timeoutMs) {
      const target = new URL(url);
      const first = await once(target, headers, body, timeoutMs);
      if (!first.reusedSocketReset) return first;
      const second = await once(target, headers, body, timeoutMs);
      if (second.reusedSocketReset) throw new PostNetworkError('ECONNRESET');
      return second;
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/** The same contract over a `fetch` (tests inject one). */
export function fetchPost(fetchImpl: typeof fetch): JsonPost {
  return async (url, headers, body, timeoutMs) => {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new PostNetworkError((error as Error).name);
    }
    await response.body?.cancel();
    return { status: response.status, header: (name) => response.headers.get(name) };
  };
}
