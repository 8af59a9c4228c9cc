import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { userError } from '../../core/errors.js';
import type { SourceDocument, TemplateDefinition } from '../../core/templates/index.js';
import { validateDocuments } from '../../core/templates/index.js';

/** Reading template documents from disk: YAML or JSON, files or folders (searched recursively). */

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export interface UnreadableDocument {
  readonly file: string;
  readonly problem: string;
}

export async function expandPaths(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      const found = entries
        .filter((e) => e.isFile() && EXTENSIONS.has(path.extname(e.name).toLowerCase()))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      files.push(...found);
    } else files.push(input);
  }
  return files;
}

/** Parses each file; a file that cannot be read or parsed is reported, never thrown. */
export async function readDocuments(
  files: readonly string[],
): Promise<{ documents: SourceDocument[]; unreadable: UnreadableDocument[] }> {
  const documents: SourceDocument[] = [];
  const unreadable: UnreadableDocument[] = [];
  for (const file of files) {
    try {
      const text = await readFile(file, 'utf8');
      const raw: unknown = path.extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
      documents.push({ file, raw });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      unreadable.push({
        file,
        problem:
          code === 'ENOENT'
            ? 'file not found'
            : `cannot parse: ${(error as Error).message.split('\n')[0] ?? ''}`,
      });
    }
  }
  return { documents, unreadable };
}

/** Code of the error `loadFolder` raises for a folder holding invalid or unreadable templates. */
export const TEMPLATE_FOLDER_INVALID = 'VEIL_ERR_TEMPLATE_FOLDER_INVALID';

/** Every template definition of a folder; any invalid or unreadable file fails the whole load. */
export async function loadFolder(dir: string): Promise<TemplateDefinition[]> {
  const { documents, unreadable } = await readDocuments(await expandPaths([dir]));
  const reports = validateDocuments(documents).filter((r) => r.kind === 'definition');
  const invalid = [...unreadable.map((u) => u.file), ...reports.filter((r) => !r.valid).map((r) => r.file)];
  if (invalid.length > 0)
    throw userError(
      TEMPLATE_FOLDER_INVALID,
      `invalid template files (run \`veil templates validate ${dir}\`): ${invalid.join(', ')}`,
    );
  return reports.flatMap((r) => (r.definition ? [r.definition] : []));
}
