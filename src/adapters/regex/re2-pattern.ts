import RE2 from 're2';
import type { LinearPattern } from '../../core/detection/recognizers/custom/custom-recognizer.js';

/**
 * Compiles a configured pattern with RE2, whose automaton runs in time linear in the input: a
 * pattern from configuration can never hang the detector. RE2 rejects backreferences and
 * lookaround, and the error says so.
 */
export function compileLinearPattern(source: string, flags = ''): LinearPattern {
  let re: RE2;
  try {
    re = new RE2(source, `gu${flags.replace(/[gu]/g, '')}`);
  } catch (error) {
    throw new Error(`pattern ${JSON.stringify(source)} is not supported by RE2: ${(error as Error).message}`);
  }
  return {
    *matches(text: string) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        yield [start, end] as const;
        if (end === start) re.lastIndex = end + 1;
      }
    },
  };
}
