import type { Operator, OperatorInput, ProtectContext } from '../../protection/operator.js';
import type { TokenMode } from '../token-store.js';
import type { TokenizeContext, TokenizeItem, TokenizeResult, Vault } from '../vault.js';
import { VeilError } from '../../errors.js';

export interface VaultOperatorOptions {
  /** Tenant when the protection context names none (CLI use). */
  readonly defaultTenant: string;
  /**
   * Token kind. `format-preserving` applies to the types that have an FPE policy; other types get
   * `deterministic` tokens, which also repeat for repeated values.
   */
  readonly mode?: TokenMode;
  readonly ttlSeconds?: number;
  readonly retentionClass?: string;
}

/** The vault behind the protection pipeline: `tokenize` stores values and emits tokens. */
export function tokenizeOperator(vault: Vault, options: VaultOperatorOptions): Operator {
  const mode = options.mode ?? 'random';
  return {
    name: 'tokenize',
    reversible: true,
    async transform(inputs, context) {
      const items: TokenizeItem[] = inputs.map((input) => ({
        value: input.value,
        type: input.type,
        mode: mode === 'format-preserving' && !vault.formatPreserves(input.type) ? 'deterministic' : mode,
      }));
      return unwrap(await vault.tokenize(items, contextFor(context, options)));
    },
  };
}

/** `encrypt`: the value sealed inline (`venc_…`), only its data key kept in the vault. */
export function encryptOperator(vault: Vault, options: VaultOperatorOptions): Operator {
  return {
    name: 'encrypt',
    reversible: true,
    async transform(inputs: readonly OperatorInput[], context: ProtectContext) {
      const items = inputs.map((input) => ({ value: input.value, type: input.type }));
      return unwrap(await vault.encryptInline(items, contextFor(context, options)));
    },
  };
}

function contextFor(context: ProtectContext, options: VaultOperatorOptions): TokenizeContext {
  return {
    tenant: context.tenant ?? options.defaultTenant,
    subjectId: context.subjectId,
    conversationId: context.conversationId,
    retentionClass: options.retentionClass,
    ttlSeconds: options.ttlSeconds,
  };
}

/** Fails closed: if any value cannot be vaulted, the message must not go out with it in clear. */
function unwrap(results: readonly TokenizeResult[]): string[] {
  return results.map((result) => {
    if (result.ok) return result.token;
    throw new VeilError(result.code, 'user', result.message);
  });
}
