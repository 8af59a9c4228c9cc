import type { DetectionEngine } from '../core/detection/engine.js';
import type { OperatorRegistry, ProtectContext } from '../core/protection/operator.js';
import type { ProtectionPolicy } from '../core/protection/policy.js';
import { protect } from '../core/protection/protect.js';

/** Turns message text into what the platform may see. */
export interface TextProtector {
  protect(text: string, policy: ProtectionPolicy, context: ProtectContext): Promise<string>;
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
  };
}

/** No detection, no vault: the benchmark's baseline, never a production setting. */
export const passThroughProtector: TextProtector = { protect: async (text) => text };
