import type { DetectionEngine } from '../core/detection/engine.js';
import { userError } from '../core/errors.js';
import { maskValue } from '../core/protection/mask.js';
import type { Principal, Vault } from '../core/vault/vault.js';

/** What an action returns to the platform: never the value itself. */
export type ActionResult = Readonly<Record<string, unknown>>;

/** A built-in action computes its result from the revealed value inside Veil. */
export type BuiltInAction = (value: string, type: string) => ActionResult;

export function builtInActions(engine: DetectionEngine): ReadonlyMap<string, BuiltInAction> {
  return new Map<string, BuiltInAction>([
    // Valid when the type's own recognizer (format and check digits) finds the whole value.
    [
      'validate',
      (value, type) => {
        const trimmed = value.trim();
        const found = engine
          .detect({ text: trimmed })
          .some((e) => e.type === type && e.start === 0 && e.end === trimmed.length);
        return { valid: found };
      },
    ],
    [
      'last4',
      (value) => {
        const digits = value.replace(/[^0-9]/g, '');
        if (digits.length < 4)
          throw userError('VEIL_ERR_ACTION_NOT_APPLICABLE', 'the value has fewer than four digits');
        return { last4: digits.slice(-4) };
      },
    ],
    ['mask', (value, type) => ({ masked: maskValue(type, value) })],
  ]);
}

/**
 * `POST /v1/actions/{name}`: data actions on tokens. The token is resolved inside Veil under an
 * internal principal named after the action and the caller (so the audit log says who asked for
 * what), the action runs on the value, and only its result leaves.
 */
export class DataActions {
  constructor(
    private readonly vault: Vault,
    private readonly actions: ReadonlyMap<string, BuiltInAction>,
  ) {}

  names(): string[] {
    return [...this.actions.keys()];
  }

  async run(name: string, token: string, caller: Principal): Promise<ActionResult> {
    const action = this.actions.get(name);
    if (!action) throw userError('VEIL_ERR_HTTP_NOT_FOUND', `no data action named "${name}"`);
    // Built-ins never return the value, so they resolve it at the `plain` level whatever the
    // caller's own reveal rights; the audit entry names the action and the caller.
    const internal: Principal = {
      id: `action:${name}:${caller.id}`,
      tenant: caller.tenant,
      roles: ['admin'],
    };
    const [revealed] = await this.vault.detokenize([token], internal, { purpose: `data-action:${name}` });
    if (!revealed?.ok)
      throw userError(revealed?.code ?? 'VEIL_ERR_VAULT_TOKEN_NOT_FOUND', 'the token cannot be resolved');
    return action(revealed.value, revealed.type);
  }
}
