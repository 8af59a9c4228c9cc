import type { EntityType } from '../detection/entity.js';
import type { OperatorName } from './operator.js';

/** Which operator applies to each type; types not listed use `defaultOperator`. */
export interface ProtectionPolicy {
  readonly defaultOperator: OperatorName;
  readonly byType?: Readonly<Partial<Record<EntityType, OperatorName>>>;
}

export const operatorFor = (policy: ProtectionPolicy, type: EntityType): OperatorName =>
  policy.byType?.[type] ?? policy.defaultOperator;

export const uniformPolicy = (operator: OperatorName): ProtectionPolicy => ({ defaultOperator: operator });
