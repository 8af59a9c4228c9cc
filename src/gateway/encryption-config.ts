import type { OperatorName } from '../core/protection/operator.js';
import type { ProtectionPolicy } from '../core/protection/policy.js';

/** Whose messages a config protects: the customer's (inbound) and the agents' (outbound, pasted data). */
export type Author = 'customer' | 'agent';

/** A tenant's named encryption config: which authors, which types, which operator per type. */
export interface EncryptionConfig {
  readonly name: string;
  readonly authors: readonly Author[];
  readonly policy: ProtectionPolicy;
  /** Customer media is downloaded, sealed in the blob store and replaced by a token notice. */
  readonly media: boolean;
}

export interface EncryptionConfigSpec {
  readonly authors: readonly Author[];
  readonly defaultOperator: OperatorName;
  readonly byType: Readonly<Record<string, OperatorName>>;
  /** Only these types are acted on; others pass as they are. All detected types when absent. */
  readonly types?: readonly string[] | undefined;
  /** Protect customer media (default true: nothing the customer sends reaches the platform unvetted). */
  readonly media?: boolean | undefined;
}

export function encryptionConfig(name: string, spec: EncryptionConfigSpec): EncryptionConfig {
  if (spec.types === undefined)
    return {
      name,
      authors: spec.authors,
      policy: { defaultOperator: spec.defaultOperator, byType: spec.byType },
      media: spec.media ?? true,
    };
  const byType: Record<string, OperatorName> = {};
  for (const type of spec.types) byType[type] = spec.byType[type] ?? spec.defaultOperator;
  return {
    name,
    authors: spec.authors,
    policy: { defaultOperator: 'allow', byType },
    media: spec.media ?? true,
  };
}

export const protectsAuthor = (config: EncryptionConfig, author: Author): boolean =>
  config.authors.includes(author);
