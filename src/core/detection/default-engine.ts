import { defaultRecognizers } from './default-recognizers.js';
import { createDetectionEngine, type DetectionEngine, type DetectionOptions } from './engine.js';

/** The engine with every built-in recognizer; options add region, thresholds, lists and custom recognizers. */
export function createDefaultEngine(options: Partial<DetectionOptions> = {}): DetectionEngine {
  return createDetectionEngine({
    ...options,
    recognizers: [...defaultRecognizers(), ...(options.recognizers ?? [])],
  });
}
