import type { Operator, OperatorName, OperatorRegistry } from './operator.js';
import { hashOperator } from './operators/hash-operator.js';
import { maskOperator } from './operators/mask-operator.js';
import { redactOperator } from './operators/redact-operator.js';
import { replaceOperator } from './operators/replace-operator.js';

export interface OperatorOptions {
  /** Key for `hash`; without one, `hash` is not available. */
  readonly hashKey?: Uint8Array | undefined;
  readonly replacements?: Readonly<Record<string, string>>;
  /** Operators from elsewhere (the vault's `tokenize` and `encrypt`). */
  readonly extra?: readonly Operator[];
}

/** The built-in operators plus any extra ones, by name. */
export function createOperatorRegistry(options: OperatorOptions = {}): OperatorRegistry {
  const all: Operator[] = [redactOperator, replaceOperator(options.replacements), maskOperator];
  if (options.hashKey) all.push(hashOperator(options.hashKey));
  all.push(...(options.extra ?? []));
  return new Map<OperatorName, Operator>(all.map((o) => [o.name, o]));
}
