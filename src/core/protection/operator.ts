import type { Entity, EntityType } from '../detection/entity.js';

/** Built-in operator names; `tokenize` and `encrypt` are provided by the vault through the registry. */
export type OperatorName =
  'redact' | 'replace' | 'mask' | 'hash' | 'tokenize' | 'encrypt' | 'allow' | (string & {});

/** Who and what a protection call is for; vault-backed operators use it to scope what they store. */
export interface ProtectContext {
  readonly tenant?: string;
  readonly subjectId?: string;
  readonly conversationId?: string;
}

export interface OperatorInput {
  readonly value: string;
  readonly type: EntityType;
  readonly entity: Entity;
}

/**
 * What is done to an entity. Operators work on a batch (all entities of one message that map to
 * the operator) so a vault-backed operator can write them in one round trip.
 */
export interface Operator {
  readonly name: OperatorName;
  /** True when the original value can be recovered from the output by an authorized caller. */
  readonly reversible: boolean;
  transform(
    inputs: readonly OperatorInput[],
    context: ProtectContext,
  ): readonly string[] | Promise<readonly string[]>;
}

/** Operators by name; the composition root adds the vault's `tokenize` and `encrypt` here. */
export type OperatorRegistry = ReadonlyMap<OperatorName, Operator>;
