import type { Plan, PlanAction, RemoteTemplate } from '../../core/templates/index.js';
import type { ActionOutcome, ApplyResult } from './templates-apply.js';

/** Human-readable renderings of plans, apply results and statuses. */

export function describeAction(a: PlanAction): string {
  switch (a.kind) {
    case 'create':
      return `+ create ${a.name} (${a.language})`;
    case 'edit':
      return `~ edit ${a.name} (${a.language}): ${a.changes.join(', ')}`;
    case 'delete':
      return a.scope === 'name'
        ? `- delete ${a.name} (every language: ${a.languages.join(', ')})`
        : `- delete ${a.name} (${a.language} only)`;
    case 'refused':
      return `! refused ${a.name} (${a.language}): ${a.reason}`;
    case 'unchanged':
      return `= unchanged ${a.name} (${a.language})`;
  }
}

export function renderPlan(plan: Plan): string {
  const count = (kind: PlanAction['kind']) => plan.actions.filter((a) => a.kind === kind).length;
  const lines = plan.actions.filter((a) => a.kind !== 'unchanged').map(describeAction);
  for (const w of plan.warnings) lines.push(`warning: ${w}`);
  lines.push(
    `Plan: ${count('create')} to create, ${count('edit')} to edit, ${count('delete')} to delete, ${count('refused')} refused, ${count('unchanged')} unchanged.`,
  );
  return `${lines.join('\n')}\n`;
}

export function describeOutcome(o: ActionOutcome): string {
  const what = describeAction(o.action).slice(2);
  if (o.result === 'done') return `done: ${what}`;
  if (o.result === 'skipped') return `skipped: ${what} (${o.reason})`;
  return `failed: ${what}: ${o.code} ${o.message}`;
}

export function renderApply(result: ApplyResult): string {
  const done = result.outcomes.filter((o) => o.result === 'done').length;
  const failed = result.outcomes.filter((o) => o.result === 'failed').length;
  const lines = [`Applied: ${done} done, ${failed} failed, ${result.remaining.length} remaining.`];
  if (result.stoppedBecause) lines.push(`Stopped: ${result.stoppedBecause}.`);
  if (result.resumeAt)
    lines.push(`Run \`veil templates apply\` again after ${result.resumeAt.toISOString()} to resume.`);
  else if (result.remaining.length > 0) lines.push('Run `veil templates apply` again to resume.');
  return `${lines.join('\n')}\n`;
}

export function renderStatus(templates: readonly RemoteTemplate[]): string {
  const rows = [...templates]
    .sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language))
    .map((t) => [t.name, t.language, t.status, t.category, t.quality ?? '-', t.id]);
  const header = ['NAME', 'LANGUAGE', 'STATUS', 'CATEGORY', 'QUALITY', 'ID'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
