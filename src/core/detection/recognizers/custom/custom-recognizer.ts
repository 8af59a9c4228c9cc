import type { AnalyzedText } from '../../analyzed-text.js';
import { nearestCueBefore, buildCueTable } from '../../cues.js';
import type { Entity, EntityType } from '../../entity.js';
import { clampScore, type Recognizer } from '../../recognizer.js';
import { cnpjValid, cpfValid, luhnValid, ssnValid } from '../../../check-digits.js';

/**
 * A compiled pattern that finds every match in linear time. The composition root supplies one
 * backed by RE2, so patterns from configuration can never backtrack catastrophically.
 */
export interface LinearPattern {
  /** Matches in text order, as [start, end) in JavaScript string indices. */
  matches(text: string): Iterable<readonly [number, number]>;
}

export const CUSTOM_VALIDATORS = {
  none: () => true,
  luhn: (v: string) => luhnValid(v.replace(/\D/g, '')),
  cpf: (v: string) => cpfValid(v.replace(/\D/g, '')),
  cnpj: (v: string) => cnpjValid(v.replace(/[^0-9A-Za-z]/g, '')),
  ssn: (v: string) => ssnValid(v.replace(/\D/g, '')),
} as const;
export type CustomValidatorName = keyof typeof CUSTOM_VALIDATORS;

export interface CustomTypeDefinition {
  readonly type: EntityType;
  readonly pattern: LinearPattern;
  readonly validator?: CustomValidatorName;
  /** Words that, before a match, raise its score to `contextScore`. */
  readonly context?: readonly string[];
  readonly score: number;
  readonly contextScore?: number;
}

const CONTEXT_WINDOW = 5;

/** A recognizer for an organisation's own identifiers: pattern, optional check, context words, score. */
export function customRecognizer(definition: CustomTypeDefinition): Recognizer {
  const validate = CUSTOM_VALIDATORS[definition.validator ?? 'none'];
  const cues = buildCueTable({ [definition.type]: definition.context ?? [] });
  const contextScore = definition.contextScore ?? Math.min(1, definition.score + 0.3);
  return {
    name: `custom:${definition.type.toLowerCase()}`,
    types: [definition.type],
    detect(doc: AnalyzedText, _context, sink: Entity[]) {
      for (const [start, end] of definition.pattern.matches(doc.text)) {
        if (end <= start || !validate(doc.text.slice(start, end))) continue;
        const cued = nearestCueBefore(doc, cues, start, CONTEXT_WINDOW) !== undefined;
        sink.push({
          type: definition.type,
          start,
          end,
          score: clampScore(cued ? contextScore : definition.score),
          recognizer: `custom:${definition.type.toLowerCase()}`,
        });
      }
    },
  };
}

/** Exact values always reported as a type (a deny list): case-insensitive, on word boundaries. */
export function denyListRecognizer(type: EntityType, values: readonly string[]): Recognizer {
  const needles = [...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean))];
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  return {
    name: `deny-list:${type.toLowerCase()}`,
    types: [type],
    detect(doc, _context, sink) {
      const lower = doc.text.toLowerCase();
      for (const needle of needles) {
        for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
          if (isWordChar(lower[at - 1]) || isWordChar(lower[at + needle.length])) continue;
          sink.push({
            type,
            start: at,
            end: at + needle.length,
            score: 1,
            recognizer: `deny-list:${type.toLowerCase()}`,
          });
        }
      }
    },
  };
}
