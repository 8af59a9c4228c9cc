import type { Component, CreateBody, TemplateDefinition } from './template-schema.js';
import { toCreateBody } from './template-schema.js';

/**
 * The difference between a template folder and the provider's list (contracts.md §1e): what to create,
 * edit or delete, what Meta forbids (refused, with the reason), and warnings. Pure: the CLI fetches the
 * list and applies the plan.
 */

export interface RemoteTemplate {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  readonly status: string;
  readonly category: string;
  readonly components: readonly unknown[];
  readonly quality?: string;
}

export type PlanAction =
  | { readonly kind: 'create'; readonly name: string; readonly language: string; readonly body: CreateBody }
  | {
      readonly kind: 'edit';
      readonly id: string;
      readonly name: string;
      readonly language: string;
      readonly changes: readonly ('category' | 'components')[];
      readonly body: { readonly category?: string; readonly components?: readonly Component[] };
    }
  | {
      readonly kind: 'delete';
      readonly name: string;
      readonly scope: 'name';
      readonly languages: readonly string[];
    }
  | {
      readonly kind: 'delete';
      readonly name: string;
      readonly scope: 'language';
      readonly language: string;
      readonly id: string;
    }
  | { readonly kind: 'unchanged'; readonly name: string; readonly language: string }
  | { readonly kind: 'refused'; readonly name: string; readonly language: string; readonly reason: string };

export interface Plan {
  readonly actions: readonly PlanAction[];
  readonly warnings: readonly string[];
}

export interface PlanOptions {
  readonly now: Date;
  /** Past edits of a template id (from Veil's own apply log); absent means unknown. */
  readonly editsOf?: (id: string) => readonly Date[] | undefined;
  /** Templates allowed in the WABA: 250 unverified, 6,000 verified (contracts.md §1e). */
  readonly templateLimit?: number;
}

export const CREATION_RATE_PER_HOUR = 100;
const EDITABLE = new Set(['APPROVED', 'REJECTED', 'PAUSED']);
const DAY = 24 * 60 * 60 * 1000;

/** Key-sorted JSON with upper-cased type/format and language codes, so equal templates compare equal. */
export function canonical(value: unknown): string {
  const norm = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => norm(x));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined && x !== null) out[k] = norm(x, k);
      }
      return out;
    }
    if (typeof v === 'string' && (key === 'type' || key === 'format' || key === 'otp_type'))
      return v.toUpperCase();
    return v;
  };
  return JSON.stringify(norm(value));
}

/** Webhooks write `en-US`, creation `en_US` (contracts.md §1e): compare in the create form. */
export const normalizeLanguage = (code: string): string => code.replace('-', '_');

function editRefusal(
  remote: RemoteTemplate,
  categoryChanged: boolean,
  options: PlanOptions,
): string | undefined {
  if (!EDITABLE.has(remote.status))
    return `status ${remote.status}: only APPROVED, REJECTED or PAUSED templates can be edited`;
  if (remote.status !== 'APPROVED') return undefined;
  if (categoryChanged)
    return 'the category of an approved template cannot be changed (create a new template instead)';
  const edits = options.editsOf?.(remote.id);
  if (edits === undefined) return undefined;
  const now = options.now.getTime();
  if (edits.some((d) => now - d.getTime() < DAY))
    return 'an approved template can be edited once per 24 hours';
  if (edits.filter((d) => now - d.getTime() < 30 * DAY).length >= 10)
    return 'an approved template can be edited 10 times per 30 days';
  return undefined;
}

export function computePlan(
  local: readonly TemplateDefinition[],
  remote: readonly RemoteTemplate[],
  options: PlanOptions,
): Plan {
  const actions: PlanAction[] = [];
  const warnings: string[] = [];
  const remoteByKey = new Map(remote.map((r) => [`${r.name}\u0000${normalizeLanguage(r.language)}`, r]));
  const localKeys = new Set<string>();

  for (const definition of local) {
    for (const draft of definition.languages) {
      const key = `${draft.name}\u0000${draft.language}`;
      localKeys.add(key);
      const body = toCreateBody(draft);
      const existing = remoteByKey.get(key);
      if (!existing) {
        actions.push({ kind: 'create', name: draft.name, language: draft.language, body });
        continue;
      }
      const categoryChanged = existing.category.toUpperCase() !== body.category;
      const componentsChanged = canonical(existing.components) !== canonical(body.components);
      if (!categoryChanged && !componentsChanged) {
        actions.push({ kind: 'unchanged', name: draft.name, language: draft.language });
        continue;
      }
      const refusal = editRefusal(existing, categoryChanged, options);
      if (refusal) {
        actions.push({ kind: 'refused', name: draft.name, language: draft.language, reason: refusal });
        continue;
      }
      if (existing.status === 'APPROVED' && options.editsOf?.(existing.id) === undefined)
        warnings.push(
          `${draft.name} (${draft.language}): edit quota (1 per 24 h, 10 per 30 days) could not be checked`,
        );
      const changes = [
        ...(categoryChanged ? (['category'] as const) : []),
        ...(componentsChanged ? (['components'] as const) : []),
      ];
      actions.push({
        kind: 'edit',
        id: existing.id,
        name: draft.name,
        language: draft.language,
        changes,
        body: {
          ...(categoryChanged ? { category: body.category } : {}),
          ...(componentsChanged ? { components: body.components } : {}),
        },
      });
    }
  }

  const localNames = new Set(local.map((d) => d.name));
  const orphansByName = new Map<string, RemoteTemplate[]>();
  for (const r of remote) {
    if (localKeys.has(`${r.name}\u0000${normalizeLanguage(r.language)}`)) continue;
    orphansByName.set(r.name, [...(orphansByName.get(r.name) ?? []), r]);
  }
  for (const [name, orphans] of orphansByName) {
    const disabled = orphans.filter((o) => o.status === 'DISABLED');
    for (const o of disabled)
      actions.push({
        kind: 'refused',
        name,
        language: normalizeLanguage(o.language),
        reason: 'disabled templates cannot be deleted',
      });
    const deletable = orphans.filter((o) => o.status !== 'DISABLED');
    if (deletable.length === 0) continue;
    const keepsLanguages = localNames.has(name) || disabled.length > 0;
    if (keepsLanguages) {
      for (const o of deletable)
        actions.push({
          kind: 'delete',
          name,
          scope: 'language',
          language: normalizeLanguage(o.language),
          id: o.id,
        });
    } else {
      const languages = deletable.map((o) => normalizeLanguage(o.language)).sort();
      actions.push({ kind: 'delete', name, scope: 'name', languages });
      warnings.push(`deleting ${name} by name removes every language (${languages.join(', ')})`);
    }
    if (deletable.some((o) => o.status === 'APPROVED'))
      warnings.push(`the name ${name} cannot be reused for 30 days after deleting an approved template`);
  }

  const creates = actions.filter((a) => a.kind === 'create').length;
  if (creates > CREATION_RATE_PER_HOUR)
    warnings.push(
      `${creates} creations exceed ${CREATION_RATE_PER_HOUR} per hour: apply will pause between batches and can be resumed`,
    );
  const total =
    remote.length +
    creates -
    actions
      .filter((a) => a.kind === 'delete')
      .reduce((n, a) => n + (a.scope === 'name' ? a.languages.length : 1), 0);
  if (options.templateLimit !== undefined && total > options.templateLimit)
    warnings.push(`${total} templates would exceed the account limit of ${options.templateLimit}`);
  return { actions, warnings };
}
