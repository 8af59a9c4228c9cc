/** What a reveal returns: the value, a type-aware mask of it, or only its type. */
export type RevealLevel = 'plain' | 'masked' | 'redacted';
export const REVEAL_LEVELS: readonly RevealLevel[] = ['redacted', 'masked', 'plain'];

const rank = (level: RevealLevel) => REVEAL_LEVELS.indexOf(level);

export interface RoleRule {
  readonly default: RevealLevel;
  readonly types?: Readonly<Record<string, RevealLevel>>;
}

export type RevealRules = Readonly<Record<string, RoleRule>>;

/**
 * Default rules: `admin` sees values; `supervisor` too, except card data; `agent` sees masks (CVV
 * never); `analyst` sees types only. Unknown roles get `redacted`: reveal is deny-by-default.
 */
export const DEFAULT_REVEAL_RULES: RevealRules = {
  admin: { default: 'plain' },
  supervisor: { default: 'plain', types: { CREDIT_CARD: 'masked', CARD_CVV: 'redacted' } },
  agent: { default: 'masked', types: { CARD_CVV: 'redacted' } },
  analyst: { default: 'redacted' },
};

export class RevealPolicy {
  constructor(private readonly rules: RevealRules = DEFAULT_REVEAL_RULES) {}

  /** The most a caller with these roles may see of a type (the best of its roles). */
  allowed(roles: readonly string[], type: string): RevealLevel {
    let best: RevealLevel = 'redacted';
    for (const role of roles) {
      const rule = this.rules[role];
      if (!rule) continue;
      const level = rule.types?.[type] ?? rule.default;
      if (rank(level) > rank(best)) best = level;
    }
    return best;
  }

  /** A caller may ask for less than allowed, never more. */
  decide(roles: readonly string[], type: string, requested?: RevealLevel): RevealLevel {
    const allowed = this.allowed(roles, type);
    return requested !== undefined && rank(requested) < rank(allowed) ? requested : allowed;
  }
}
