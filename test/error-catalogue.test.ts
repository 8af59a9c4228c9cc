import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory()
      ? files(full)
      : n.endsWith('.ts') && !n.endsWith('.test.ts')
        ? [full]
        : [];
  });

describe('error catalogue', () => {
  it('docs/errors.md lists every error code the code raises', () => {
    const codes = new Set(
      files(path.join(root, 'src')).flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/'(VEIL_ERR_[A-Z0-9_]*[A-Z0-9])'/g)].map((m) => m[1]!),
      ),
    );
    const documented = readFileSync(path.join(root, 'docs', 'errors.md'), 'utf8');
    expect([...codes].filter((c) => !documented.includes(`| ${c} |`))).toEqual([]);
    expect(codes.size).toBeGreaterThan(10);
  });
});
