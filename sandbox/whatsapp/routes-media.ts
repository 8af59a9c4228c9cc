import type { FastifyInstance } from 'fastify';
import { graphCodes, graphError } from './graph-error.js';
import { isApiVersion, sendGraphError, unsupported } from './graph-route-helpers.js';
import { templateView } from './template-store.js';
import type { WhatsAppState } from './whatsapp-state.js';

/**
 * Media (contracts §1d): upload (multipart), `GET /{media-id}` → short-lived URL, download with
 * the bearer token, delete. `GET /{id}` also serves a template's fields, as Graph ids are shared.
 */
export function registerMediaRoutes(app: FastifyInstance, state: WhatsAppState): void {
  app.post<{ Params: { version: string; phoneNumberId: string } }>(
    '/:version/:phoneNumberId/media',
    async (request, reply) => {
      const { version, phoneNumberId } = request.params;
      if (!isApiVersion(version) || phoneNumberId !== state.number.phoneNumberId) {
        return sendGraphError(reply, unsupported('post', phoneNumberId));
      }
      const contentType = request.headers['content-type'] ?? '';
      if (!contentType.startsWith('multipart/form-data') || !Buffer.isBuffer(request.body)) {
        return sendGraphError(reply, graphError(graphCodes.invalidParameter, 'expected multipart/form-data'));
      }
      let form: FormData;
      try {
        form = await new Response(request.body, { headers: { 'content-type': contentType } }).formData();
      } catch {
        return sendGraphError(reply, graphError(graphCodes.invalidParameter, 'malformed multipart body'));
      }
      if (form.get('messaging_product') !== 'whatsapp') {
        return sendGraphError(
          reply,
          graphError(graphCodes.invalidParameter, 'messaging_product must be whatsapp'),
        );
      }
      const file = form.get('file');
      if (file === null || typeof file === 'string') {
        return sendGraphError(reply, graphError(graphCodes.invalidParameter, 'file is required'));
      }
      const mimeType =
        (typeof form.get('type') === 'string' ? String(form.get('type')) : file.type) || file.type;
      const stored = state.media.add(
        Buffer.from(await file.arrayBuffer()),
        mimeType.split(';')[0] ?? '',
        file.name || undefined,
      );
      if (typeof stored === 'string')
        return sendGraphError(reply, graphError(graphCodes.mediaUpload, stored));
      return { id: stored.id };
    },
  );

  app.get<{ Params: { version: string; objectId: string }; Querystring: { fields?: string } }>(
    '/:version/:objectId',
    async (request, reply) => {
      const { version, objectId } = request.params;
      if (!isApiVersion(version)) return sendGraphError(reply, unsupported('get', objectId));
      const media = state.media.get(objectId);
      if (media) {
        const key = state.media.issueLink(media.id, state.clock.now());
        const host = request.headers.host ?? '127.0.0.1';
        return {
          messaging_product: 'whatsapp',
          url: `http://${host}/lookaside/media/${key}`,
          mime_type: media.mimeType,
          sha256: media.sha256Hex,
          file_size: media.bytes.length,
          id: media.id,
        };
      }
      const template = state.templates.get(objectId);
      if (template)
        return templateView(
          template,
          request.query.fields?.split(',').map((f) => f.trim()),
        );
      return sendGraphError(reply, unsupported('get', objectId));
    },
  );

  app.delete<{ Params: { version: string; objectId: string } }>(
    '/:version/:objectId',
    async (request, reply) => {
      const { version, objectId } = request.params;
      if (!isApiVersion(version) || !state.media.delete(objectId))
        return sendGraphError(reply, unsupported('delete', objectId));
      return { success: true };
    },
  );

  // The download URL: bearer auth is enforced by the simulator's auth hook, expiry here.
  app.get<{ Params: { key: string } }>('/lookaside/media/:key', async (request, reply) => {
    const media = state.media.resolveLink(request.params.key, state.clock.now());
    if (!media)
      return reply.code(404).send({ error: 'URL expired or unknown; fetch a new one with GET /{media-id}' });
    return reply.type(media.mimeType).send(media.bytes);
  });
}
