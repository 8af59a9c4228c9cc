/** Library entry: the detection engine and the protection operators. */
export {
  CANONICAL_TYPES,
  type CanonicalType,
  type Entity,
  type EntityType,
  type Lang,
} from './core/detection/entity.js';
export {
  createDetectionEngine,
  type DetectionEngine,
  type DetectionOptions,
  type DetectRequest,
} from './core/detection/engine.js';
export { createDefaultEngine } from './core/detection/default-engine.js';
export { defaultRecognizers } from './core/detection/default-recognizers.js';
export type { Recognizer, RecognizerContext } from './core/detection/recognizer.js';
export { protect, type ProtectedText } from './core/protection/protect.js';
export { createOperatorRegistry } from './core/protection/default-operators.js';
export type { Operator, OperatorRegistry, ProtectContext } from './core/protection/operator.js';
export { type ProtectionPolicy, uniformPolicy } from './core/protection/policy.js';
export { maskValue } from './core/protection/mask.js';
export { VeilError } from './core/errors.js';
