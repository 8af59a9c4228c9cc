import type { Operator } from '../operator.js';

/** Removes the value altogether. */
export const redactOperator: Operator = {
  name: 'redact',
  reversible: false,
  transform: (inputs) => inputs.map(() => ''),
};
