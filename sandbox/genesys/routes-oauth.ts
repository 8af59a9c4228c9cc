import type { FastifyInstance } from 'fastify';
import { sendGenesysError, sendRateLimited } from './genesys-error.js';
import type { GenesysState } from './genesys-state.js';

/**
 * `POST /oauth/token` (client credentials, contracts §2a) and the bearer check plus per-token
 * rate limit that guard everything under `/api/v2`.
 */
export function registerOAuth(app: FastifyInstance, state: GenesysState): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(
        null,
        Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))),
      );
    },
  );

  app.post('/oauth/token', async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    if (form.grant_type !== 'client_credentials') {
      return reply
        .code(400)
        .send({ error: 'unsupported_grant_type', description: 'grant_type must be client_credentials' });
    }
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    let clientId = form.client_id;
    let clientSecret = form.client_secret;
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = decoded.slice(0, colon);
        clientSecret = decoded.slice(colon + 1);
      }
    }
    if (
      clientId === undefined ||
      clientSecret === undefined ||
      !state.tokens.credentialsValid(clientId, clientSecret)
    ) {
      return reply.code(401).send({ error: 'invalid_client', description: 'client authentication failed' });
    }
    const issued = state.tokens.issue(state.clock.now(), state.settings.tokenLifetimeSeconds);
    return { access_token: issued.token, token_type: 'bearer', expires_in: issued.expiresIn };
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return undefined;
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) {
      return sendGenesysError(
        reply,
        401,
        'authentication.required',
        'No authentication bearer token specified in authorization header.',
      );
    }
    const now = state.clock.now();
    const validity = state.tokens.check(token, now);
    if (validity !== 'valid') {
      return sendGenesysError(
        reply,
        401,
        'bad.credentials',
        validity === 'expired' ? 'Access token has expired.' : 'Invalid login credentials.',
      );
    }
    const allowed = state.rateLimits.take(token, now);
    if (!allowed.ok) return sendRateLimited(reply, allowed.retryAfterSeconds);
    return undefined;
  });
}
