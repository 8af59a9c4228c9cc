import { maskValue } from '../mask.js';
import type { Operator } from '../operator.js';

/** Type-aware masking: `****1234` for cards, `***.456.789-**` for CPF, `j***@e***.com` for e-mail. */
export const maskOperator: Operator = {
  name: 'mask',
  reversible: false,
  transform: (inputs) => inputs.map((i) => maskValue(i.type, i.value)),
};
