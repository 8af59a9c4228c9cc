import type { Violation } from './rule.js';
import type { FolderEntry } from './rules/folder-rules.js';
import { checkFolder } from './rules/folder-rules.js';
import type { ParameterInspector } from './inspector.js';
import type { LanguageDraft, TemplateDefinition } from './template-schema.js';
import { isSendBody } from './send-schema.js';
import { validateDefinition } from './validate-definition.js';
import type { DefinitionLookup } from './validate-send.js';
import { validateSend } from './validate-send.js';

/** One document to check: a template definition or a template send body, already parsed from YAML/JSON. */
export interface SourceDocument {
  readonly file: string;
  readonly raw: unknown;
}

export interface DocumentReport {
  readonly file: string;
  readonly kind: 'definition' | 'send';
  readonly valid: boolean;
  readonly errors: readonly Violation[];
  readonly warnings: readonly Violation[];
  readonly definition?: TemplateDefinition;
}

/** A lookup over definitions (send bodies are checked against the template they name). */
export function lookupFrom(definitions: readonly TemplateDefinition[]): DefinitionLookup {
  const index = new Map<string, LanguageDraft>();
  for (const d of definitions) for (const l of d.languages) index.set(`${l.name}\u0000${l.language}`, l);
  return (name, language) => index.get(`${name}\u0000${language}`);
}

/**
 * Validates a batch: definitions against the creation rules and against each other (folder rules),
 * send bodies against the send-time rules — and against the definition of the template they name when
 * it is in the batch or in `known`. A send naming a template absent from a non-empty `known` is an error.
 */
export function validateDocuments(
  documents: readonly SourceDocument[],
  known: readonly TemplateDefinition[] = [],
  inspect?: ParameterInspector,
): DocumentReport[] {
  const reports = new Map<
    string,
    { kind: DocumentReport['kind']; violations: Violation[]; definition?: TemplateDefinition }
  >();
  const entries: FolderEntry[] = [];
  for (const { file, raw } of documents) {
    if (isSendBody(raw)) {
      reports.set(file, { kind: 'send', violations: [] });
      continue;
    }
    const result = validateDefinition(raw);
    reports.set(file, {
      kind: 'definition',
      violations: [...result.violations],
      definition: result.definition,
    });
    if (result.definition) entries.push({ file, definition: result.definition });
  }
  for (const { file, violation } of checkFolder(entries)) reports.get(file)?.violations.push(violation);

  const definitions = [...known, ...entries.map((e) => e.definition)];
  const lookup = definitions.length > 0 ? lookupFrom(definitions) : undefined;
  for (const { file, raw } of documents) {
    const report = reports.get(file);
    if (report?.kind === 'send')
      report.violations.push(...validateSend(raw, lookup, known.length > 0, inspect).violations);
  }
  return documents.map(({ file }) => {
    const r = reports.get(file) ?? { kind: 'definition' as const, violations: [] };
    const errors = r.violations.filter((v) => v.severity === 'error');
    const warnings = r.violations.filter((v) => v.severity === 'warning');
    return {
      file,
      kind: r.kind,
      valid: errors.length === 0,
      errors,
      warnings,
      ...(r.definition ? { definition: r.definition } : {}),
    };
  });
}
