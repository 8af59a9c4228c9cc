import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { isVeilError } from '../../core/errors.js';
import type { DocumentReport, Violation } from '../../core/templates/index.js';
import { createDefaultEngine } from '../../core/detection/default-engine.js';
import { computePlan, inspectorFrom, validateDocuments } from '../../core/templates/index.js';
import { applyPlan, editsFrom, fileStateStore, type ActionOutcome } from './templates-apply.js';
import {
  TEMPLATE_FOLDER_INVALID,
  expandPaths,
  loadFolder,
  readDocuments,
} from '../../adapters/templates/template-files.js';
import { renderApply, renderPlan, renderStatus, describeOutcome } from './templates-output.js';
import {
  UsageError,
  addRemoteOptions,
  applyStateFile,
  remoteFrom,
  type RemoteOptions,
} from './templates-remote.js';

/**
 * `veil templates …`: templates as code. `validate` checks template definitions and template send
 * bodies against every documented Meta rule, offline.
 */
export function registerTemplatesCommands(program: Command): void {
  const templates = program.command('templates').description('WhatsApp message templates as code');

  templates
    .command('validate')
    .description('check template definitions and template send bodies (YAML or JSON files or folders)')
    .argument('<files...>', 'files or folders to check')
    .option('--json', 'print one JSON object per file: {"file","valid","errors":[{"rule","path","message"}]}')
    .option('--templates <dir>', 'folder of definitions to check send bodies against')
    .action(async (inputs: string[], options: { json?: boolean; templates?: string }) => {
      const reports = await validateFiles(inputs, options.templates);
      for (const report of reports)
        process.stdout.write(options.json ? jsonLine(report) : humanReport(report));
      // A mistyped folder must not pass CI silently.
      if (reports.length === 0) process.stderr.write('veil templates: no YAML or JSON files found\n');
      process.exitCode = reports.length > 0 && reports.every((r) => r.valid) ? 0 : 1;
    });

  addRemoteOptions(
    templates
      .command('plan')
      .description('show what apply would create, edit or delete at the provider')
      .argument('[dir]', 'template folder', 'templates')
      .option('--json', 'print the plan as JSON'),
  ).action((dir: string, options: RemoteOptions & { json?: boolean }, command: Command) =>
    guarded(async () => {
      const { plan } = await planFor(command, dir, options);
      process.stdout.write(options.json ? `${JSON.stringify(plan)}\n` : renderPlan(plan));
      return plan.actions.some((a) => a.kind === 'refused') ? 1 : 0;
    }),
  );

  addRemoteOptions(
    templates
      .command('apply')
      .description('execute the plan: idempotent, within 100 creations per hour, resumable')
      .argument('[dir]', 'template folder', 'templates')
      .option('--delete', 'also delete templates that are not in the folder')
      .option('--wait', 'wait for the creation rate window instead of stopping'),
  ).action((dir: string, options: RemoteOptions & { delete?: boolean; wait?: boolean }, command: Command) =>
    guarded(async () => {
      const { plan, client, stateFile } = await planFor(command, dir, options);
      for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);
      const progress = progressReporter();
      const result = await applyPlan(plan, {
        api: client,
        store: fileStateStore(stateFile),
        now: () => new Date(),
        allowDelete: options.delete === true,
        onProgress: progress.update,
        ...(options.wait ? { wait: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } : {}),
      });
      progress.stop();
      process.stdout.write(renderApply(result));
      if (result.remaining.length > 0) return 3;
      return result.outcomes.some((o) => o.result === 'failed') ||
        plan.actions.some((a) => a.kind === 'refused')
        ? 1
        : 0;
    }),
  );

  addRemoteOptions(
    templates
      .command('status')
      .description("list each template and language with the provider's status and quality")
      .option('--json', 'print the list as JSON'),
  ).action((options: RemoteOptions & { json?: boolean }, command: Command) =>
    guarded(async () => {
      const { client } = remoteFrom(command, options);
      const list = await client.listTemplates();
      process.stdout.write(options.json ? `${JSON.stringify(list)}\n` : renderStatus(list));
      return 0;
    }),
  );
}

async function planFor(command: Command, dir: string, options: RemoteOptions) {
  const remote = remoteFrom(command, options);
  const stateFile = applyStateFile(remote.dataDir, remote.wabaId);
  const local = await loadFolder(dir);
  const [list, state] = await Promise.all([remote.client.listTemplates(), fileStateStore(stateFile).load()]);
  const plan = computePlan(local, list, { now: new Date(), editsOf: editsFrom(state) });
  return { plan, client: remote.client, stateFile };
}

/** Runs a command body; usage problems exit 2, provider and other failures exit 1, with a message. */
async function guarded(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (!(error instanceof UsageError) && !isVeilError(error)) throw error;
    const code = isVeilError(error) ? ` [${error.code}]` : '';
    process.stderr.write(`veil templates: ${error.message}${code}\n`);
    const usage =
      error instanceof UsageError || (isVeilError(error) && error.code === TEMPLATE_FOLDER_INVALID);
    process.exitCode = usage ? 2 : 1;
  }
}

/** A progress bar on a terminal, one line per action otherwise (CI logs). */
function progressReporter() {
  let bar: SingleBar | undefined;
  return {
    update(done: number, total: number, outcome: ActionOutcome) {
      if (process.stderr.isTTY) {
        bar ??= new SingleBar({ stream: process.stderr, format: 'templates [{bar}] {value}/{total}' });
        if (done === 1) bar.start(total, 0);
        bar.update(done);
      } else process.stderr.write(`[${done}/${total}] ${describeOutcome(outcome)}\n`);
    },
    stop() {
      bar?.stop();
    },
  };
}

interface FileReport {
  readonly file: string;
  readonly valid: boolean;
  readonly errors: readonly Violation[];
  readonly warnings: readonly Violation[];
}

export async function validateFiles(inputs: readonly string[], templatesDir?: string): Promise<FileReport[]> {
  const { documents, unreadable } = await readDocuments(await expandPaths(inputs));
  const known = templatesDir ? await knownDefinitions(templatesDir) : [];
  // Quick-reply payloads of send bodies pass the detection engine (they must carry action ids only).
  const inspect = inspectorFrom(createDefaultEngine());
  const reports: FileReport[] = validateDocuments(documents, known, inspect);
  const failed: FileReport[] = unreadable.map(({ file, problem }) => ({
    file,
    valid: false,
    errors: [
      {
        rule: 'file.readable',
        path: '$',
        message: problem,
        hint: 'Give a readable YAML or JSON file.',
        severity: 'error',
      },
    ],
    warnings: [],
  }));
  return [...reports, ...failed];
}

async function knownDefinitions(dir: string) {
  const { documents } = await readDocuments(await expandPaths([dir]));
  return validateDocuments(documents)
    .map((r: DocumentReport) => r.definition)
    .filter((d) => d !== undefined);
}

const slim = (v: Violation) => ({ rule: v.rule, path: v.path, message: v.message, hint: v.hint });

function jsonLine(r: FileReport): string {
  return `${JSON.stringify({ file: r.file, valid: r.valid, errors: r.errors.map(slim), warnings: r.warnings.map(slim) })}\n`;
}

function humanReport(r: FileReport): string {
  const counts =
    r.warnings.length > 0 ? ` (${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'})` : '';
  const lines = [
    `${r.file}: ${r.valid ? 'valid' : `invalid, ${r.errors.length} error${r.errors.length === 1 ? '' : 's'}`}${counts}`,
  ];
  for (const v of [...r.errors, ...r.warnings])
    lines.push(`  ${v.severity} ${v.rule} at ${v.path}: ${v.message}`, `    fix: ${v.hint}`);
  return `${lines.join('\n')}\n`;
}
