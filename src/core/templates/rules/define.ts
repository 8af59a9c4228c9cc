import type { Reporter, Rule, RuleInfo, Severity } from '../rule.js';
import type { Component, LanguageDraft } from '../template-schema.js';

/** Builds a rule; severity defaults to `error` (a warning never makes a file invalid). */
export function defineRule<Subject>(
  info: Omit<RuleInfo, 'severity'> & { severity?: Severity },
  check: (subject: Subject, report: Reporter) => void,
): Rule<Subject> {
  return { severity: 'error', ...info, check };
}

export const CONTRACTS = 'contracts.md §1e limits';

export interface Located<T> {
  readonly item: T;
  readonly index: number;
}

/** Components of one type with their index in the `components` array (for JSON paths). */
export function componentsOfType(draft: LanguageDraft, type: Component['type']): Located<Component>[] {
  const out: Located<Component>[] = [];
  draft.components.forEach((item, index) => {
    if (item.type === type) out.push({ item, index });
  });
  return out;
}

export const isAuthentication = (draft: { category: string }): boolean =>
  draft.category.toUpperCase() === 'AUTHENTICATION';

/** Pictographic emoji (not digits or `#`, which also carry the Emoji property). */
export const EMOJI = /\p{Extended_Pictographic}/u;
