import type { DetectionEngine } from '../detection/engine.js';

/** Finds sensitive data in a parameter value; returns the entity types found (never the values). */
export type ParameterInspector = (text: string) => readonly string[];

/** The detection engine as a parameter inspector. */
export function inspectorFrom(engine: Pick<DetectionEngine, 'detect'>): ParameterInspector {
  return (text) => [...new Set(engine.detect({ text }).map((e) => e.type))];
}
