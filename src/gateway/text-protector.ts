import type { DetectionEngine } from '../core/detection/engine.js';
import type { OperatorRegistry, ProtectContext } from '../core/protection/operator.js';
import type { ProtectionPolicy } from '../core/protection/policy.js';
import { protect } from '../core/protection/protect.js';
import { userError } from '../core/errors.js';

/** Turns message text into what the platform may see. */
export interface TextProtector {
  protect(text: string, policy: ProtectionPolicy, context: ProtectContext): Promise<string>;
  /** The whole text vaulted as one value of `type` (secure segments); returns the token. */
  vaultWhole(text: string, type: string, context: ProtectContext): Promise<string>;
}

/** Detection → policy → operators (the vault's `tokenize` among them). */
export function detectingProtector(engine: DetectionEngine, operators: OperatorRegistry): TextProtector {
  return {
    async protect(text, policy, context) {
      if (text.length === 0) return text;
      const entities = engine.detect({ text });
      if (entities.length === 0) return text;
      return (await protect(text, entities, policy, operators, context)).text;
    },
    async vaultWhole(text, type, context) {
      const tokenize = operators.get('tokenize');
      if (!tokenize)
        throw userError('VEIL_ERR_PROTECT_UNKNOWN_OPERATOR', 'secure segments need the vault (`tokenize`)', {
          operator: 'tokenize',
        });
      const entity = { type, start: 0, end: text.length, score: 1, recognizer: 'secure-segment' };
      const [token] = await tokenize.transform([{ value: text, type, entity }], context);
      return token!;
    },
  };
}

/** No detection, no vault: the benchmark's baseline, never a production setting. */
export const passThroughProtector: TextProtector = {
  protect: async (text) => text,
  vaultWhole: async (text) => text,
};
