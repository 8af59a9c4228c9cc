import { analyzeText, normalizeWord, type WordClasses } from './analyzed-text.js';
import { buildCueTable, type CueTable } from './cues.js';
import type { Entity, EntityType, Lang } from './entity.js';
import { CUE_PHRASES } from './lexicon/cue-phrases.js';
import { resolveOverlaps } from './overlaps.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

export interface DetectionOptions {
  readonly recognizers: readonly Recognizer[];
  /** Region for phone numbers without a country code (ISO 3166, default BR). */
  readonly defaultRegion?: string;
  /** Entities scoring below this are dropped (default 0.5). */
  readonly minScore?: number;
  /** Values that are never reported, whatever recognizer finds them (e.g. the bot's and agents' names). */
  readonly allowList?: readonly string[];
  /** Extra cue phrases by kind, merged with the built-in ones (custom types bring their context words here). */
  readonly extraCues?: Readonly<Record<string, readonly string[]>>;
  /** Only these types are reported (default: all the recognizers know). */
  readonly types?: readonly EntityType[];
}

export interface DetectRequest {
  readonly text: string;
  readonly lang?: Lang | undefined;
}

export interface DetectionEngine {
  readonly types: readonly EntityType[];
  detect(request: DetectRequest): Entity[];
}

function mergeCues(extra: Readonly<Record<string, readonly string[]>> | undefined): CueTable {
  if (!extra) return buildCueTable(CUE_PHRASES);
  const merged: Record<string, string[]> = {};
  for (const source of [CUE_PHRASES, extra]) {
    for (const [kind, phrases] of Object.entries(source)) (merged[kind] ??= []).push(...phrases);
  }
  return buildCueTable(merged);
}

/** The word lists of all the recognizers as one table (the built-in ones share a single table). */
function mergeWordClasses(recognizers: readonly Recognizer[]): WordClasses | undefined {
  const tables = [...new Set(recognizers.flatMap((r) => (r.wordClasses ? [r.wordClasses] : [])))];
  if (tables.length <= 1) return tables[0];
  const merged = new Map<string, number>();
  for (const table of tables)
    for (const [word, bits] of table) merged.set(word, (merged.get(word) ?? 0) | bits);
  return merged;
}

/** Builds an engine from an explicit list of recognizers: no recognizer registers itself on import. */
export function createDetectionEngine(options: DetectionOptions): DetectionEngine {
  const cues = mergeCues(options.extraCues);
  const minScore = options.minScore ?? 0.5;
  const defaultRegion = options.defaultRegion ?? 'BR';
  const allow = new Set((options.allowList ?? []).map((v) => normalizeWord(v.trim())));
  const known = [...new Set(options.recognizers.flatMap((r) => r.types))];
  const wanted = new Set(options.types ?? known);
  const recognizers = options.recognizers.filter((r) => r.types.some((t) => wanted.has(t)));
  const wordClasses = mergeWordClasses(recognizers);

  return {
    types: known.filter((t) => wanted.has(t)),
    detect({ text, lang }) {
      if (text.length === 0) return [];
      const doc = analyzeText(text, wordClasses);
      const context: RecognizerContext = { lang, cues, defaultRegion };
      const found: Entity[] = [];
      for (const recognizer of recognizers) recognizer.detect(doc, context, found);
      const candidates = found.filter(
        (e) =>
          e.score >= minScore &&
          wanted.has(e.type) &&
          (allow.size === 0 || !allow.has(normalizeWord(text.slice(e.start, e.end)))),
      );
      return resolveOverlaps(candidates, text.length);
    },
  };
}
