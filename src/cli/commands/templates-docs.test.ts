import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../core/templates/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('docs/templates.md rule catalogue', () => {
  it('lists every rule with its source, marking secondary sources', async () => {
    const doc = await readFile(path.join(root, 'docs/templates.md'), 'utf8');
    const rows = new Map(
      doc
        .split('\n')
        .filter((l) => l.startsWith('| `'))
        .map((l) => [/^\| `([^`]+)`/.exec(l)?.[1] ?? '', l.split(' | ')]),
    );
    for (const rule of ruleCatalogue()) {
      const cells = rows.get(rule.id);
      expect(cells, `row for ${rule.id}`).toBeDefined();
      const source = cells?.[2] ?? '';
      expect(source, rule.id).toBe(rule.source === 'secondary' ? '**[secondary]**' : rule.source);
    }
  });
});
