import { describe, expect, it } from 'vitest';
import { computePlan, type RemoteTemplate } from './plan.js';
import type { TemplateDefinition } from './template-schema.js';
import { toCreateBody } from './template-schema.js';
import { validateDefinition } from './validate-definition.js';

const now = new Date('2026-03-10T00:00:00Z');
const define = (
  name: string,
  languages: Record<string, string>,
  category = 'UTILITY',
): TemplateDefinition => {
  const raw = {
    name,
    category,
    languages: Object.fromEntries(
      Object.entries(languages).map(([l, text]) => [l, { components: [{ type: 'BODY', text }] }]),
    ),
  };
  const d = validateDefinition(raw).definition;
  if (!d) throw new Error('fixture does not parse');
  return d;
};
const remoteOf = (
  d: TemplateDefinition,
  language: string,
  status: string,
  id = `${d.name}-${language}`,
): RemoteTemplate => {
  const draft = d.languages.find((l) => l.language === language);
  if (!draft) throw new Error('no such language');
  const body = toCreateBody(draft);
  return {
    id,
    name: d.name,
    language: language.replace('_', '-'),
    status,
    category: body.category,
    components: body.components,
  };
};

describe('computePlan', () => {
  const local = define('order_shipped', { pt_BR: 'Seu pedido saiu hoje.', en_US: 'Your order left today.' });

  it('creates what the provider lacks and leaves equal templates alone', () => {
    const plan = computePlan([local], [remoteOf(local, 'pt_BR', 'APPROVED')], { now });
    expect(plan.actions.map((a) => [a.kind, 'language' in a ? a.language : ''])).toEqual([
      ['unchanged', 'pt_BR'],
      ['create', 'en_US'],
    ]);
  });

  it('edits changed components of an editable template and refuses what Meta forbids', () => {
    const changed = define('order_shipped', {
      pt_BR: 'Seu pedido saiu hoje cedo.',
      en_US: 'Your order left this morning.',
    });
    const plan = computePlan(
      [changed],
      [remoteOf(local, 'pt_BR', 'REJECTED'), remoteOf(local, 'en_US', 'PENDING')],
      { now },
    );
    expect(plan.actions).toContainEqual(
      expect.objectContaining({ kind: 'edit', language: 'pt_BR', changes: ['components'] }),
    );
    expect(plan.actions).toContainEqual(
      expect.objectContaining({
        kind: 'refused',
        language: 'en_US',
        reason: expect.stringMatching(/PENDING/),
      }),
    );
  });

  it('refuses a category change of an approved template and an edit inside the 24-hour quota', () => {
    const marketing = define('order_shipped', { pt_BR: 'Seu pedido saiu hoje.' }, 'MARKETING');
    const plan = computePlan([marketing], [remoteOf(local, 'pt_BR', 'APPROVED')], { now });
    expect(plan.actions[0]).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/category/) });

    const changed = define('order_shipped', { pt_BR: 'Seu pedido saiu hoje cedo.' });
    const recent = computePlan([changed], [remoteOf(local, 'pt_BR', 'APPROVED', 'id1')], {
      now,
      editsOf: () => [new Date(now.getTime() - 3600_000)],
    });
    expect(recent.actions[0]).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/24 hours/) });
    const tenInMonth = computePlan([changed], [remoteOf(local, 'pt_BR', 'APPROVED', 'id1')], {
      now,
      editsOf: () => Array.from({ length: 10 }, (_, i) => new Date(now.getTime() - (i + 2) * 86_400_000)),
    });
    expect(tenInMonth.actions[0]).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/10 times/),
    });
  });

  it('deletes by name with a warning, one language by id when others stay, and never a disabled template', () => {
    const gone = define('old_promo', { pt_BR: 'Promo antiga aqui.', es: 'Promo vieja aquí.' });
    const onlyPt = define('order_shipped', { pt_BR: 'Seu pedido saiu hoje.' });
    const plan = computePlan(
      [onlyPt],
      [
        remoteOf(gone, 'pt_BR', 'APPROVED'),
        remoteOf(gone, 'es', 'PAUSED'),
        remoteOf(local, 'pt_BR', 'APPROVED'),
        remoteOf(local, 'en_US', 'REJECTED', 'x9'),
      ],
      { now },
    );
    expect(plan.actions).toContainEqual({
      kind: 'delete',
      name: 'old_promo',
      scope: 'name',
      languages: ['es', 'pt_BR'],
    });
    expect(plan.actions).toContainEqual({
      kind: 'delete',
      name: 'order_shipped',
      scope: 'language',
      language: 'en_US',
      id: 'x9',
    });
    expect(plan.warnings.join('\n')).toMatch(/removes every language/);
    expect(plan.warnings.join('\n')).toMatch(/30 days/);

    const disabled = computePlan([], [remoteOf(gone, 'pt_BR', 'DISABLED')], { now });
    expect(disabled.actions).toEqual([
      expect.objectContaining({ kind: 'refused', reason: expect.stringMatching(/disabled/) }),
    ]);
  });

  it('warns when creations exceed the hourly creation rate or the account limit', () => {
    const many = Array.from({ length: 101 }, (_, i) =>
      define(`t_${i}`, { en_US: `Message number ${i} for you.` }),
    );
    const plan = computePlan(many, [], { now, templateLimit: 100 });
    expect(plan.warnings.join('\n')).toMatch(/100 per hour/);
    expect(plan.warnings.join('\n')).toMatch(/limit of 100/);
  });
});
