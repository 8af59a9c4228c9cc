import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { isVeilError } from '../../core/errors.js';
import type { TemplateLifecycle } from '../../core/templates/lifecycle.js';

const envelope = z.object({
  entry: z.array(
    z.object({
      time: z.number().optional(),
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

/**
 * Hands the template changes of a verified WhatsApp webhook body (`message_template_status_update`,
 * `message_template_quality_update`) to the template lifecycle. A malformed template value is logged
 * by code and skipped rather than refused: Meta would redeliver the whole batch forever.
 */
export async function handleTemplateChanges(
  body: unknown,
  lifecycle: Pick<TemplateLifecycle, 'handleTemplateWebhookChange'>,
  log: Pick<FastifyBaseLogger, 'warn'>,
): Promise<void> {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return;
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (!change.field.startsWith('message_template_')) continue;
      try {
        await lifecycle.handleTemplateWebhookChange(
          change.field,
          change.value,
          entry.time === undefined ? {} : { time: entry.time },
        );
      } catch (error) {
        if (!isVeilError(error) || error.kind !== 'user') throw error;
        log.warn({ code: error.code, field: change.field }, 'template webhook change skipped');
      }
    }
  }
}
