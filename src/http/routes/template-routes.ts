import type { FastifyInstance } from 'fastify';
import type { TemplateLifecycleStore } from '../../core/templates/lifecycle-ports.js';
import type { TemplateMessageDeps } from '../../core/templates/template-message.js';
import { templateMessagesRoute } from './template-messages.js';
import { templatesRoute } from './templates.js';

export interface TemplateRoutesDeps extends TemplateMessageDeps {
  readonly store: TemplateMessageDeps['store'] & Pick<TemplateLifecycleStore, 'listTemplateStates'>;
}

/** The template routes, for a scope that already requires an API key (`/v1`). */
export function templateRoutes(scope: FastifyInstance, deps: TemplateRoutesDeps): void {
  templatesRoute(scope, deps.store);
  templateMessagesRoute(scope, deps);
}
