import { compileLinearPattern } from './adapters/regex/re2-pattern.js';
import type { VeilConfig } from './config/config.js';
import { loadDetectionConfig, type DetectionConfig } from './config/detection-config.js';
import { createDefaultEngine } from './core/detection/default-engine.js';
import type { DetectionEngine, DetectionOptions } from './core/detection/engine.js';
import {
  customRecognizer,
  denyListRecognizer,
} from './core/detection/recognizers/custom/custom-recognizer.js';

/** Command-line overrides of the configured detection settings. */
export interface DetectionOverrides {
  readonly defaultRegion?: string;
  readonly minScore?: number;
  readonly allowList?: readonly string[];
  readonly types?: readonly string[];
}

/**
 * Part of the composition root: wires the detection configuration (custom types compiled with
 * RE2, deny and allow lists, extra cues) into the engine.
 */
export function buildDetectionEngine(
  config: VeilConfig,
  overrides: DetectionOverrides = {},
): DetectionEngine {
  const file: DetectionConfig | undefined = config.detectionConfigFile
    ? loadDetectionConfig(config.detectionConfigFile)
    : undefined;
  const recognizers = [
    ...(file?.customTypes ?? []).map((t) =>
      customRecognizer({
        type: t.type,
        pattern: compileLinearPattern(t.pattern, t.flags),
        validator: t.validator,
        context: t.context,
        score: t.score,
        ...(t.contextScore === undefined ? {} : { contextScore: t.contextScore }),
      }),
    ),
    ...Object.entries(file?.denyList ?? {}).map(([type, values]) => denyListRecognizer(type, values)),
  ];
  const minScore = overrides.minScore ?? file?.minScore;
  const options: Partial<DetectionOptions> = {
    recognizers,
    defaultRegion: overrides.defaultRegion ?? file?.defaultRegion ?? config.defaultRegion,
    allowList: [...(file?.allowList ?? []), ...(overrides.allowList ?? [])],
    extraCues: file?.cues ?? {},
    ...(minScore === undefined ? {} : { minScore }),
    ...(overrides.types ? { types: overrides.types } : {}),
  };
  return createDefaultEngine(options);
}
