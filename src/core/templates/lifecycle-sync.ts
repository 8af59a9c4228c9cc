import type { TemplateLifecycleStore } from './lifecycle-ports.js';

/** A template as the provider lists or creates it (RemoteTemplate and the create response fit). */
export interface ProviderTemplateStatus {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  readonly status: string;
  readonly category?: string;
  readonly quality?: string;
}

/**
 * Records statuses read from the provider (a create response: PENDING; the list API: templates that
 * existed before Veil subscribed to webhooks). Only differences from the stored state are recorded,
 * so a periodic sync adds no noise to the history. The time is rounded down to the second: webhooks
 * carry whole seconds, and a webhook from the same second must still win over this snapshot.
 */
export async function recordProviderStatuses(
  store: Pick<TemplateLifecycleStore, 'listTemplateStates' | 'recordStatus' | 'recordQuality'>,
  templates: readonly ProviderTemplateStatus[],
  now: Date,
): Promise<number> {
  const at = Math.floor(now.getTime() / 1000) * 1000;
  const known = new Map((await store.listTemplateStates()).map((s) => [`${s.name}\u0000${s.language}`, s]));
  let recorded = 0;
  for (const t of templates) {
    const current = known.get(`${t.name}\u0000${t.language}`);
    const status = t.status.toUpperCase();
    if (current?.status !== status) {
      await store.recordStatus({
        name: t.name,
        language: t.language,
        templateId: t.id,
        category: t.category ?? null,
        status,
        reason: null,
        detail: null,
        eventAt: at,
        receivedAt: now.getTime(),
      });
      recorded++;
    }
    if (t.quality !== undefined && current?.quality !== t.quality.toUpperCase()) {
      await store.recordQuality({
        name: t.name,
        language: t.language,
        templateId: t.id,
        quality: t.quality.toUpperCase(),
        previousQuality: current?.quality ?? null,
        eventAt: at,
        receivedAt: now.getTime(),
      });
      recorded++;
    }
  }
  return recorded;
}
