import { createDefaultEngine } from '../default-engine.js';
import type { Lang } from '../entity.js';

const engine = createDefaultEngine();

/** "TYPE:surface" for each entity found, in text order. */
export function found(text: string, lang?: Lang): string[] {
  return engine.detect({ text, lang }).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
}

/** Surfaces of one type only. */
export function foundOf(type: string, text: string, lang?: Lang): string[] {
  return engine
    .detect({ text, lang })
    .filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));
}
