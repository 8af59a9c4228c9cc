import type { Entity } from '../detection/entity.js';
import { userError } from '../errors.js';
import type { OperatorName, OperatorRegistry, ProtectContext } from './operator.js';
import { operatorFor, type ProtectionPolicy } from './policy.js';

export interface ProtectedItem {
  readonly entity: Entity;
  readonly operator: OperatorName;
  readonly output: string;
}

export interface ProtectedText {
  readonly text: string;
  readonly items: readonly ProtectedItem[];
}

/** `allow` leaves a value as it is: the policy decided this type may pass. */
const ALLOW = 'allow';

/**
 * Applies the policy to non-overlapping entities of `text`. Entities are grouped by operator so
 * each operator sees one batch per message (a vault-backed operator writes them in one go).
 */
export async function protect(
  text: string,
  entities: readonly Entity[],
  policy: ProtectionPolicy,
  operators: OperatorRegistry,
  context: ProtectContext = {},
): Promise<ProtectedText> {
  const byOperator = new Map<OperatorName, Entity[]>();
  for (const e of entities) {
    const name = operatorFor(policy, e.type);
    if (name === ALLOW) continue;
    if (!operators.has(name))
      throw userError('VEIL_ERR_PROTECT_UNKNOWN_OPERATOR', `no operator named "${name}" is available`, {
        operator: name,
      });
    const list = byOperator.get(name) ?? [];
    list.push(e);
    byOperator.set(name, list);
  }
  const items: ProtectedItem[] = [];
  for (const [name, list] of byOperator) {
    const operator = operators.get(name)!;
    const outputs = await operator.transform(
      list.map((entity) => ({ value: text.slice(entity.start, entity.end), type: entity.type, entity })),
      context,
    );
    list.forEach((entity, k) => items.push({ entity, operator: name, output: outputs[k] ?? '' }));
  }
  items.sort((a, b) => a.entity.start - b.entity.start);
  let out = '';
  let cursor = 0;
  for (const item of items) {
    out += text.slice(cursor, item.entity.start) + item.output;
    cursor = item.entity.end;
  }
  return { text: out + text.slice(cursor), items };
}
