import type { AnalyzedText, WordClasses } from './analyzed-text.js';
import type { CueTable } from './cues.js';
import type { Entity, EntityType, Lang } from './entity.js';

/** What every recognizer may consult besides the text. */
export interface RecognizerContext {
  readonly lang?: Lang | undefined;
  readonly cues: CueTable;
  /** ISO 3166 region for phone numbers written without a country code. */
  readonly defaultRegion: string;
}

/**
 * Finds one or a few entity types. Recognizers are data plus checks: they look only at bounded
 * slices of the shared analysis, so every recognizer stays linear in the text length.
 */
export interface Recognizer {
  readonly name: string;
  readonly types: readonly EntityType[];
  /**
   * The word lists this recognizer tests words against, as `Word.classes` bits (those of
   * recognizers/word-classes.ts; the engine keeps bit 30 for its cue phrases), if any.
   */
  readonly wordClasses?: WordClasses;
  detect(doc: AnalyzedText, context: RecognizerContext, sink: Entity[]): void;
}

/**
 * The `Word.classes` bit the engine sets on the last word of each of its cue phrases ("cpf",
 * "nascimento", "card number"): the words that announce a value. Recognizers' own bits stay below.
 */
export const ENGINE_CUE_END = 1 << 30;

export const clampScore = (score: number): number =>
  score < 0 ? 0 : score > 1 ? 1 : Math.round(score * 1000) / 1000;
