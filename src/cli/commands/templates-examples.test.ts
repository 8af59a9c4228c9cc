import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDocuments } from '../../core/templates/index.js';
import { expandPaths, readDocuments } from '../../adapters/templates/template-files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const folder = path.join(root, 'examples/templates');

const { documents, unreadable } = await readDocuments(await expandPaths([folder]));
const reports = validateDocuments(documents);

describe('examples/templates', () => {
  it('holds definitions in pt_BR, en_US and es and send bodies, all readable', () => {
    expect(unreadable).toEqual([]);
    const languages = new Set(reports.flatMap((r) => r.definition?.languages.map((l) => l.language) ?? []));
    expect([...languages].sort()).toEqual(['en_US', 'es', 'pt_BR']);
    expect(reports.some((r) => r.kind === 'send')).toBe(true);
  });

  it.each(reports.map((r) => [path.relative(root, r.file), r] as const))('%s is valid', (_file, report) => {
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('checks the send bodies against the definitions of the folder', () => {
    const send = documents.find((d) => d.file.endsWith('order_shipped.pt_BR.json'));
    if (!send) throw new Error('example send body missing');
    const broken = structuredClone(send.raw) as { template: { components: { parameters: unknown[] }[] } };
    broken.template.components[1]?.parameters.pop();
    const defs = reports.flatMap((r) => (r.definition ? [r.definition] : []));
    const [report] = validateDocuments([{ file: 'x.json', raw: broken }], defs);
    expect(report?.errors.map((e) => e.rule)).toContain('send.parameter-count');
  });
});
