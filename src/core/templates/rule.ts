/**
 * A template rule is a small named check with a stable id, the source it comes from and a fix hint.
 * Rules never throw: they return violations, each pointing at a JSON path of the checked document.
 */

/**
 * Where a rule comes from. `confirmed`: stated on a Meta page (contracts.md §1d–1f). `secondary`: only a
 * third-party copy or observed behaviour (contracts.md marks it [secondary]). `derived`: follows from the
 * documented request shape rather than a stated limit. `veil`: a Veil safety convention, not Meta's.
 */
export type RuleSource = 'confirmed' | 'secondary' | 'derived' | 'veil';

export type Severity = 'error' | 'warning';

export type PathSegment = string | number;

export interface Violation {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
  readonly hint: string;
  readonly severity: Severity;
}

export interface RuleInfo {
  readonly id: string;
  readonly source: RuleSource;
  /** The reference behind the rule (page or contracts.md row), shown in the rule catalogue. */
  readonly reference: string;
  readonly description: string;
  readonly hint: string;
  readonly severity: Severity;
}

export interface Rule<Subject> extends RuleInfo {
  check(subject: Subject, report: Reporter): void;
}

export type Reporter = (path: readonly PathSegment[], message: string) => void;

/** `$.components[1].buttons[0].url` from `['components', 1, 'buttons', 0, 'url']`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Runs rules over a subject; `base` prefixes every reported path (a language inside a template file). */
export function runRules<Subject>(
  rules: readonly Rule<Subject>[],
  subject: Subject,
  base: readonly PathSegment[] = [],
): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    rule.check(subject, (path, message) => {
      violations.push({
        rule: rule.id,
        path: formatPath([...base, ...path]),
        message,
        hint: rule.hint,
        severity: rule.severity,
      });
    });
  }
  return violations;
}

/** Length in Unicode code points: an emoji counts once, as a reader would count it. */
export const charLength = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};
