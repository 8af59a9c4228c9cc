import type { Command } from 'commander';
import type { DocumentReport, Violation } from '../../core/templates/index.js';
import { validateDocuments } from '../../core/templates/index.js';
import { expandPaths, readDocuments } from './templates-files.js';

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
      process.exitCode = reports.every((r) => r.valid) ? 0 : 1;
    });
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
  const reports: FileReport[] = validateDocuments(documents, known);
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
