import { analyzeText, normalizeWord } from './analyzed-text.js';
import { buildCueTable, type CueTable } from './cues.js';
import type { Entity, EntityType, Lang } from './entity.js';
import { CUE_PHRASES } from './lexicon/cue-phrases.js';
import { resolveOverlaps } from './overlaps.js';
import { WordTable } from './word-table.js';
import { ENGINE_CUE_END, type Recognizer, type RecognizerContext } from './recognizer.js';

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
  if (!extra) return buildCueTable(CUE_PHRASES, ENGINE_CUE_END);
  const merged: Record<string, string[]> = {};
  for (const source of [CUE_PHRASES, extra]) {
    for (const [kind, phrases] of Object.entries(source)) (merged[kind] ??= []).push(...phrases);
  }
  return buildCueTable(merged, ENGINE_CUE_END);
}

/**
 * The word lists of all the recognizers and the cue table's last words as one table, so the
 * analysis answers every question about a word with a single look-up.
 */
function mergeWordClasses(recognizers: readonly Recognizer[], cues: CueTable): WordTable {
  const merged = new Map<string, number>();
  const tables = new Set(recognizers.flatMap((r) => (r.wordClasses ? [r.wordClasses] : [])));
  for (const table of tables)
    for (const [word, bits] of table) merged.set(word, (merged.get(word) ?? 0) | bits);
  for (const word of cues.byLastWord.keys()) merged.set(word, (merged.get(word) ?? 0) | ENGINE_CUE_END);
  return new WordTable(merged);
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
  const words = mergeWordClasses(recognizers, cues);

  // One context per language, so recognizers may keep what they derive from it.
  const contexts = new Map<Lang | undefined, RecognizerContext>();
  const contextFor = (lang: Lang | undefined): RecognizerContext => {
    let context = contexts.get(lang);
    if (context === undefined) {
      context = { lang, cues, defaultRegion };
      // Only the languages Veil knows are kept: a request's lang is not trusted to be one of them.
      if (lang === undefined || lang === 'pt' || lang === 'en' || lang === 'es') contexts.set(lang, context);
    }
    return context;
  };

  return {
    types: known.filter((t) => wanted.has(t)),
    detect({ text, lang }) {
      if (text.length === 0) return [];
      const doc = analyzeText(text, words);
      const context = contextFor(lang);
      const found: Entity[] = [];
      for (const recognizer of recognizers) recognizer.detect(doc, context, found);
      if (found.length === 0) return found;
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
