import type { DetectionEngine } from '../core/detection/engine.js';
import { userError } from '../core/errors.js';
import { maskValue } from '../core/protection/mask.js';
import type { ProtectionPolicy } from '../core/protection/policy.js';
import type { Principal, Vault } from '../core/vault/vault.js';
import { runHttpAction, type ActionResult, type HttpActionSpec } from './http-action.js';
import type { TextProtector } from './text-protector.js';

export type { ActionResult };

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

export interface ActionRequest {
  /** `token` of a built-in, or the named tokens of a configured action. */
  readonly token?: string | undefined;
  readonly tokens?: Readonly<Record<string, string>> | undefined;
  readonly params?: Readonly<Record<string, string>> | undefined;
}

/**
 * `POST /v1/actions/{name}`: data actions on tokens. Tokens are resolved inside Veil under an
 * internal principal named after the action and the caller (so the audit log says who asked for
 * what); only the action's result leaves. A tenant's configured actions come first, then built-ins.
 */
export class DataActions {
  constructor(
    private readonly vault: Vault,
    private readonly builtIns: ReadonlyMap<string, BuiltInAction>,
    private readonly configured: (tenant: string, name: string) => HttpActionSpec | undefined = () =>
      undefined,
    private readonly protector?: TextProtector,
    private readonly policy: (tenant: string) => ProtectionPolicy = () => ({ defaultOperator: 'tokenize' }),
  ) {}

  async run(name: string, request: ActionRequest, caller: Principal): Promise<ActionResult> {
    // Actions never return the value, so they resolve it at the `plain` level whatever the caller's
    // own reveal rights; the audit entry names the action and the caller.
    const internal: Principal = {
      id: `action:${name}:${caller.id}`,
      tenant: caller.tenant,
      roles: ['admin'],
    };
    const reveal = async (tokens: readonly string[]) => {
      const results = await this.vault.detokenize(tokens, internal, { purpose: `data-action:${name}` });
      return results.map((r) => {
        if (!r.ok) throw userError(r.code, 'a token cannot be resolved');
        return r;
      });
    };
    const spec = this.configured(caller.tenant, name);
    if (spec) {
      const protector = this.protector;
      return runHttpAction(
        spec,
        {
          tokens: request.tokens ?? (request.token ? { value: request.token } : {}),
          params: request.params ?? {},
        },
        { tenant: caller.tenant },
        {
          reveal: async (tokens) => (await reveal(tokens)).map((r) => r.value),
          protect: (text, context) =>
            protector ? protector.protect(text, this.policy(caller.tenant), context) : Promise.resolve(text),
        },
      );
    }
    const action = this.builtIns.get(name);
    if (!action) throw userError('VEIL_ERR_HTTP_NOT_FOUND', `no data action named "${name}"`);
    if (!request.token) throw userError('VEIL_ERR_ACTION_INPUT', `"${name}" needs a "token"`);
    const [revealed] = await reveal([request.token]);
    return action(revealed!.value, revealed!.type);
  }
}
