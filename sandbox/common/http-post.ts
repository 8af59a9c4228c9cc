import http from 'node:http';
import https from 'node:https';

/**
 * One POST with a keep-alive agent. Used for webhook deliveries instead of fetch: at thousands of
 * deliveries a second fetch's per-request AbortSignal and stream machinery dominated the simulator's CPU.
 */
export interface PostOutcome {
  readonly status?: number;
  readonly error?: string;
}

export class HttpPoster {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };
  private readonly pending = new Set<http.ClientRequest>();

  post(
    url: string,
    body: Buffer,
    headers: Readonly<Record<string, string>>,
    timeoutMs: number,
  ): Promise<PostOutcome> {
    return new Promise((resolve) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        resolve({ error: 'invalid URL' });
        return;
      }
      const client = target.protocol === 'https:' ? https : http;
      const agent = target.protocol === 'https:' ? this.agents['https:'] : this.agents['http:'];
      let settled = false;
      const finish = (outcome: PostOutcome): void => {
        if (settled) return;
        settled = true;
        this.pending.delete(request);
        resolve(outcome);
      };
      const request = client.request(
        target,
        { method: 'POST', agent, headers: { 'content-length': String(body.length), ...headers } },
        (response) => {
          // Drain so the socket returns to the pool.
          response.resume();
          response.on('end', () => finish({ status: response.statusCode ?? 0 }));
          response.on('error', () => finish({ status: response.statusCode ?? 0 }));
        },
      );
      this.pending.add(request);
      request.setTimeout(timeoutMs, () => {
        request.destroy();
        finish({ error: 'timeout' });
      });
      request.on('error', (error) => finish({ error: error.message }));
      request.end(body);
    });
  }

  close(): void {
    for (const request of this.pending) request.destroy();
    this.pending.clear();
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }
}
