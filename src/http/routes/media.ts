import type { FastifyInstance } from 'fastify';
import type { MediaVault } from '../../core/media/media-vault.js';
import { userError } from '../../core/errors.js';
import { principalOf } from '../api-key-auth.js';

const TOKEN = /^tok_[A-Za-z0-9]{1,64}$/;

/**
 * `GET /v1/media/{token}`: the media's bytes with its Content-Type, for an API key whose roles are
 * allowed `plain` on MEDIA (reveal policy); 403 otherwise. Every attempt is audited by the media
 * vault. Served as an attachment that is never cached and never sniffed.
 */
export function mediaRoute(scope: FastifyInstance, media: MediaVault): void {
  scope.get<{ Params: { token: string } }>('/media/:token', async (request, reply) => {
    const { token } = request.params;
    if (!TOKEN.test(token)) throw userError('VEIL_ERR_HTTP_BAD_REQUEST', 'not a media token');
    const { bytes, mimeType } = await media.open(principalOf(request), token);
    return reply
      .header('content-type', mimeType)
      .header('content-disposition', 'attachment')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  });
}
