import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Client-credentials tokens with an expiry on the simulated clock (contracts §2a). */
export class OAuthTokens {
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  /** Constant-time check of a client id and secret pair. */
  credentialsValid(clientId: string, clientSecret: string): boolean {
    const digest = (value: string) => createHash('sha256').update(value).digest();
    const idOk = timingSafeEqual(digest(clientId), digest(this.clientId));
    const secretOk = timingSafeEqual(digest(clientSecret), digest(this.clientSecret));
    return idOk && secretOk;
  }

  issue(now: number, lifetimeSeconds: number): { token: string; expiresIn: number } {
    const token = randomBytes(36).toString('base64url');
    this.tokens.set(token, { clientId: this.clientId, expiresAt: now + lifetimeSeconds * 1000 });
    return { token, expiresIn: lifetimeSeconds };
  }

  check(token: string, now: number): 'valid' | 'expired' | 'unknown' {
    const entry = this.tokens.get(token);
    if (!entry) return 'unknown';
    return entry.expiresAt > now ? 'valid' : 'expired';
  }

  /** Expires every token now (tests of refresh-on-401). */
  expireAll(now: number): number {
    for (const entry of this.tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
    return this.tokens.size;
  }
}
