import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

beforeAll(async () => {
  // CI builds dist/ first (scripts/test.sh); build here only when this file runs alone.
  if (!existsSync(path.join(root, 'dist/src/cli/commands/serve.js')))
    await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root }).catch(() => undefined);
});

describe('veil serve --shard', () => {
  it('is refused with a message pointing to lease-based sharing (the static partition is gone)', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile('node', ['bin/veil.js', 'serve', '--shard', '0/2'], { cwd: root }, (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--shard is no longer needed');
    expect(result.stderr).toContain('leases');
  });
});
