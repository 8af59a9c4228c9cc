import type { Command } from 'commander';
import { loadOrCreateHashKey } from '../../adapters/secrets/hash-key-file.js';
import { buildDetectionEngine } from '../../compose-detection.js';
import { loadConfig, type VeilConfig } from '../../config/config.js';
import type { DetectionEngine } from '../../core/detection/engine.js';
import type { Lang } from '../../core/detection/entity.js';
import { createOperatorRegistry } from '../../core/protection/default-operators.js';
import type { Operator } from '../../core/protection/operator.js';
import { uniformPolicy } from '../../core/protection/policy.js';
import { protect } from '../../core/protection/protect.js';
import { processJsonl, readAll } from '../jsonl.js';

/** Operators that other parts of Veil contribute (the vault's tokenize and encrypt), opened per run. */
export interface ExtraOperators {
  readonly operators: readonly Operator[];
  close(): Promise<void>;
}
export type ExtraOperatorFactory = (dataDir: string) => Promise<ExtraOperators>;
const extraOperatorFactories: ExtraOperatorFactory[] = [];
/** Lets the vault add `tokenize`/`encrypt` to `veil redact` without this file knowing the vault. */
export const addRedactOperators = (factory: ExtraOperatorFactory): void =>
  void extraOperatorFactories.push(factory);

interface EngineFlags {
  lang?: Lang;
  region?: string;
  minScore?: string;
  allow?: string[];
  types?: string;
  jsonl?: boolean;
  config?: string;
}

function setup(flags: EngineFlags, command: Command): { config: VeilConfig; engine: DetectionEngine } {
  const minScore = flags.minScore === undefined ? undefined : Number(flags.minScore);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 1))
    throw new Error('--min-score must be a number between 0 and 1');
  const config = loadConfig({ dataDir: dataDirOf(command), detectionConfigFile: flags.config });
  const engine = buildDetectionEngine(config, {
    ...(flags.region ? { defaultRegion: flags.region.toUpperCase() } : {}),
    ...(minScore === undefined ? {} : { minScore }),
    ...(flags.allow ? { allowList: flags.allow } : {}),
    ...(flags.types ? { types: flags.types.split(',').map((t) => t.trim().toUpperCase()) } : {}),
  });
  return { config, engine };
}

function withEngineOptions(command: Command): Command {
  return command
    .option('--jsonl', 'read {"id","text","lang"?} lines, write one JSON line per input line')
    .option('--lang <lang>', 'language hint for plain-text input (pt, en, es)')
    .option('--region <cc>', 'default region for phone numbers (default from VEIL_DEFAULT_REGION, BR)')
    .option('--min-score <x>', 'drop entities scoring below x (default 0.5)')
    .option('--types <list>', 'only these types, comma separated')
    .option('--allow <values...>', 'values never reported (bot and agent names)')
    .option(
      '--config <file>',
      'detection config: custom types, allow/deny lists, cues (env VEIL_DETECTION_CONFIG)',
    );
}

function dataDirOf(command: Command): string | undefined {
  return command.optsWithGlobals<{ data?: string }>().data;
}

export function registerDetectCommands(program: Command): void {
  withEngineOptions(
    program
      .command('detect')
      .description('find sensitive data; plain text or --jsonl on stdin')
      .argument('[text...]'),
  ).action(async (words: string[], flags: EngineFlags, command: Command) => {
    const { engine } = setup(flags, command);
    if (flags.jsonl) {
      const result = await processJsonl(process.stdin, process.stdout, process.stderr, (line) => ({
        id: line.id,
        entities: engine
          .detect({ text: line.text, lang: line.lang })
          .map(({ type, start, end, score, recognizer }) => ({ type, start, end, score, recognizer })),
      }));
      if (result.errors > 0) process.exitCode = 2;
      return;
    }
    const text = words.length > 0 ? words.join(' ') : await readAll(process.stdin);
    for (const e of engine.detect({ text, lang: flags.lang })) {
      process.stdout.write(
        `${e.type.padEnd(15)} ${`${e.start}-${e.end}`.padEnd(11)} ${e.score.toFixed(2)}  ${e.recognizer.padEnd(15)} ${JSON.stringify(text.slice(e.start, e.end))}\n`,
      );
    }
  });

  withEngineOptions(
    program
      .command('redact')
      .description('protect sensitive data; plain text or --jsonl on stdin')
      .argument('[text...]'),
  )
    .option(
      '--operator <name>',
      'replace | mask | redact | hash (| tokenize | encrypt with the vault)',
      'replace',
    )
    .action(async (words: string[], flags: EngineFlags & { operator: string }, command: Command) => {
      const { config, engine } = setup(flags, command);
      const extras = await Promise.all(extraOperatorFactories.map((f) => f(config.dataDir)));
      try {
        const hashKey =
          flags.operator === 'hash' ? loadOrCreateHashKey(config.dataDir, config.hashKey) : undefined;
        const operators = createOperatorRegistry({ hashKey, extra: extras.flatMap((x) => x.operators) });
        if (!operators.has(flags.operator))
          throw new Error(
            `unknown operator "${flags.operator}"; available: ${[...operators.keys()].join(', ')}`,
          );
        const policy = uniformPolicy(flags.operator);
        const run = async (text: string, lang: Lang | undefined) =>
          (await protect(text, engine.detect({ text, lang }), policy, operators)).text;
        if (flags.jsonl) {
          const result = await processJsonl(process.stdin, process.stdout, process.stderr, async (line) => ({
            id: line.id,
            text: await run(line.text, line.lang),
          }));
          if (result.errors > 0) process.exitCode = 2;
          return;
        }
        const text = words.length > 0 ? words.join(' ') : await readAll(process.stdin);
        process.stdout.write((await run(text, flags.lang)) + (text.endsWith('\n') ? '' : '\n'));
      } finally {
        await Promise.all(extras.map((x) => x.close()));
      }
    });
}
