import type { Principal, RevealResult, TokenState } from '../core/vault/vault.js';

/** Levels a tenant may let a bot reveal to the customer, per type. */
export type BotRevealLevel = 'plain' | 'masked';

/** What the bot-reveal step needs from the vault. */
export interface BotRevealVault {
  describe(
    tenant: string,
    token: string,
  ): Promise<
    { readonly subjectId: string | null; readonly type: string; readonly state: TokenState } | undefined
  >;
  detokenize(
    tokens: readonly string[],
    principal: Principal,
    options: { readonly purpose: string; readonly level?: BotRevealLevel },
  ): Promise<RevealResult[]>;
}

export interface BotRevealPolicy {
  readonly tenant: string;
  /** The integration the bot spoke through: the audit log's principal is `bot:<integration>`. */
  readonly integration: string;
  /** Type → the most the customer may see of their own value; types absent are never revealed. */
  readonly levels: Readonly<Record<string, BotRevealLevel>>;
  /** What replaces a token that is not revealed. */
  readonly hidden: string;
}

/** Random vault tokens (`tok_` + base32 of 16 bytes). Format-preserving tokens look like data and are not found. */
const TOKEN = /\btok_[a-z2-7]{26}\b/g;

/**
 * Tokens in a bot's text, revealed for the customer the message goes to: only a token whose vault
 * subject is that very customer, only for a type the tenant lists, and only at the level listed
 * (the customer may see their own card's last four). Every reveal goes through the vault's policy
 * and audit log as principal `bot:<integration>`. Any other token, of another customer, without a
 * subject, erased, expired or of an unlisted type, becomes the tenant's `hidden` text: a token means
 * nothing to the customer.
 */
export async function revealForCustomer(
  vault: BotRevealVault,
  text: string,
  customer: string,
  policy: BotRevealPolicy,
): Promise<string> {
  const tokens = [...new Set(text.match(TOKEN) ?? [])];
  if (tokens.length === 0) return text;
  const byLevel = new Map<BotRevealLevel, string[]>();
  for (const token of tokens) {
    const meta = await vault.describe(policy.tenant, token);
    const level = meta ? policy.levels[meta.type] : undefined;
    if (!meta || meta.state !== 'active' || meta.subjectId !== customer || level === undefined) continue;
    byLevel.set(level, [...(byLevel.get(level) ?? []), token]);
  }
  const principal: Principal = {
    id: `bot:${policy.integration}`,
    tenant: policy.tenant,
    // The vault's policy caps the level at the role's; the level asked is the tenant's bot policy.
    roles: ['admin'],
  };
  const revealed = new Map<string, string>();
  for (const [level, group] of byLevel) {
    const results = await vault.detokenize(group, principal, { purpose: 'bot-reveal', level });
    for (const result of results) if (result.ok) revealed.set(result.token, result.value);
  }
  return text.replace(TOKEN, (token) => revealed.get(token) ?? policy.hidden);
}
