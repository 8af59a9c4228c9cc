import type { FastifyInstance } from 'fastify';
import { graphCodes, graphError } from './graph-error.js';
import { invalidParameter, isApiVersion, sendGraphError, unsupported } from './graph-route-helpers.js';
import { creationProblem } from './template-rules.js';
import { templateCreateSchema, templateEditSchema } from './template-schema.js';
import { templateView } from './template-store.js';
import type { WhatsAppState } from './whatsapp-state.js';

const creationsPerHour = 100;
const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** Template management (contracts §1e): create → PENDING → review webhook, list, edit, delete. */
export function registerTemplateRoutes(app: FastifyInstance, state: WhatsAppState): void {
  const creations: number[] = [];
  const checkWaba = (version: string, wabaId: string) =>
    isApiVersion(version) && wabaId === state.number.wabaId ? undefined : unsupported('post', wabaId);

  app.post<{ Params: { version: string; wabaId: string } }>(
    '/:version/:wabaId/message_templates',
    async (request, reply) => {
      const wrongPath = checkWaba(request.params.version, request.params.wabaId);
      if (wrongPath) return sendGraphError(reply, wrongPath);
      const parsed = templateCreateSchema.safeParse(request.body);
      if (!parsed.success) return sendGraphError(reply, invalidParameter(parsed.error.issues));
      const template = parsed.data;
      const problem = creationProblem(template);
      if (problem) return sendGraphError(reply, graphError(graphCodes.invalidParameter, problem));
      if (state.templates.find(template.name, template.language)) {
        return sendGraphError(
          reply,
          graphError(
            graphCodes.invalidParameter,
            `Message template "${template.name}" already exists in ${template.language}`,
          ),
        );
      }
      const now = state.clock.now();
      while (creations.length > 0 && (creations[0] ?? 0) <= now - hourMs) creations.shift();
      if (creations.length >= creationsPerHour) {
        return sendGraphError(
          reply,
          graphError(graphCodes.wabaRateLimit, 'at most 100 templates per WABA per hour'),
        );
      }
      creations.push(now);
      const record = state.templates.create(template, 'PENDING');
      state.events.emit({ type: 'template.status', id: record.id, name: record.name, status: 'PENDING' });
      state.scheduleReview(record);
      return { id: record.id, status: record.status, category: record.category };
    },
  );

  app.get<{ Params: { version: string; wabaId: string }; Querystring: Record<string, string | undefined> }>(
    '/:version/:wabaId/message_templates',
    async (request, reply) => {
      const wrongPath = checkWaba(request.params.version, request.params.wabaId);
      if (wrongPath) return sendGraphError(reply, wrongPath);
      const { fields, status, name, language, limit, after } = request.query;
      const wantedStatus = status?.toUpperCase().split(',');
      const matching = state.templates
        .list()
        .filter((t) => (!wantedStatus || wantedStatus.includes(t.status)) && (!name || t.name.includes(name)))
        .filter((t) => !language || t.language === language.replace('-', '_'));
      const pageSize = Math.min(Math.max(Number(limit ?? 25) || 25, 1), 1000);
      const start = after ? Number(Buffer.from(after, 'base64url').toString('utf8')) || 0 : 0;
      const page = matching.slice(start, start + pageSize);
      const cursor = (n: number) => Buffer.from(String(n), 'utf8').toString('base64url');
      const nextStart = start + page.length;
      const host = request.headers.host ?? '127.0.0.1';
      const nextQuery = new URLSearchParams({
        ...definedOnly({ fields, status, name, language }),
        limit: String(pageSize),
        after: cursor(nextStart),
      });
      return {
        data: page.map((t) =>
          templateView(
            t,
            fields?.split(',').map((f) => f.trim()),
          ),
        ),
        paging: {
          cursors: { before: cursor(start), after: cursor(nextStart) },
          ...(nextStart < matching.length
            ? {
                next: `http://${host}/${request.params.version}/${request.params.wabaId}/message_templates?${nextQuery}`,
              }
            : {}),
        },
      };
    },
  );

  app.delete<{
    Params: { version: string; wabaId: string };
    Querystring: { name?: string; hsm_id?: string };
  }>('/:version/:wabaId/message_templates', async (request, reply) => {
    const wrongPath = checkWaba(request.params.version, request.params.wabaId);
    if (wrongPath) return sendGraphError(reply, wrongPath);
    const { name, hsm_id: hsmId } = request.query;
    if (!name) return sendGraphError(reply, graphError(graphCodes.invalidParameter, 'name is required'));
    const candidates = state.templates
      .list()
      .filter((t) => t.name === name && (hsmId === undefined || t.id === hsmId));
    if (candidates.length === 0) {
      return sendGraphError(
        reply,
        graphError(graphCodes.invalidParameter, `Message template "${name}" not found`),
      );
    }
    if (candidates.some((t) => t.status === 'DISABLED')) {
      return sendGraphError(
        reply,
        graphError(graphCodes.invalidParameter, 'disabled templates cannot be deleted'),
      );
    }
    state.templates.remove(name, hsmId);
    return { success: true };
  });

  // Edit: `POST /{template-id}` with category and/or components (full replace).
  app.post<{ Params: { version: string; templateId: string } }>(
    '/:version/:templateId',
    async (request, reply) => {
      const { version, templateId } = request.params;
      const template = isApiVersion(version) ? state.templates.get(templateId) : undefined;
      if (!template) return sendGraphError(reply, unsupported('post', templateId));
      const parsed = templateEditSchema.safeParse(request.body);
      if (!parsed.success) return sendGraphError(reply, invalidParameter(parsed.error.issues));
      const edit = parsed.data;
      if (!['APPROVED', 'REJECTED', 'PAUSED'].includes(template.status)) {
        return sendGraphError(
          reply,
          graphError(graphCodes.invalidParameter, `a ${template.status} template cannot be edited`),
        );
      }
      if (template.status === 'APPROVED') {
        if (edit.category !== undefined && edit.category !== template.category) {
          return sendGraphError(
            reply,
            graphError(graphCodes.invalidParameter, 'the category of an approved template cannot be edited'),
          );
        }
        const now = state.clock.now();
        const edits = template.approvedEdits.filter((at) => at > now - 30 * dayMs);
        if (edits.some((at) => at > now - dayMs) || edits.length >= 10) {
          return sendGraphError(
            reply,
            graphError(
              graphCodes.invalidParameter,
              'approved templates: at most 1 edit per 24 hours and 10 per 30 days',
            ),
          );
        }
        template.approvedEdits.push(now);
      }
      const updated = {
        ...template,
        category: edit.category ?? template.category,
        components: edit.components ?? template.components,
      };
      const problem = creationProblem(updated);
      if (problem) return sendGraphError(reply, graphError(graphCodes.invalidParameter, problem));
      template.category = updated.category;
      template.components = updated.components;
      template.status = 'PENDING';
      state.events.emit({ type: 'template.status', id: template.id, name: template.name, status: 'PENDING' });
      state.scheduleReview(template);
      return { success: true };
    },
  );
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
