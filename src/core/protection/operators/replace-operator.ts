import type { Operator } from '../operator.js';

/** Replaces each value with `<TYPE>`, or with the text configured for its type. */
export function replaceOperator(replacements: Readonly<Record<string, string>> = {}): Operator {
  return {
    name: 'replace',
    reversible: false,
    transform: (inputs) => inputs.map((i) => replacements[i.type] ?? `<${i.type}>`),
  };
}
