import type { FastifyInstance } from 'fastify';
import type { TemplateLifecycleStore } from '../../core/templates/lifecycle-ports.js';

/** GET /v1/templates: each template and language with its status, quality and last change. */
export function templatesRoute(
  scope: FastifyInstance,
  store: Pick<TemplateLifecycleStore, 'listTemplateStates'>,
): void {
  scope.get('/templates', async () => {
    const states = await store.listTemplateStates();
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      templates: states.map((s) => ({
        name: s.name,
        language: s.language,
        templateId: s.templateId,
        category: s.category,
        status: s.status,
        reason: s.reason,
        quality: s.quality,
        statusChangedAt: iso(s.statusAt),
        qualityChangedAt: iso(s.qualityAt),
        lastChangeAt: iso(s.lastChangeAt),
      })),
    };
  });
}
