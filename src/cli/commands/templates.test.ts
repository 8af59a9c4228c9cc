import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the built CLI the way a CI job would; resolves with the exit code instead of throwing. */
async function veil(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/veil.js', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let dir = '';

beforeAll(async () => {
  // CI builds dist/ before the tests (scripts/test.sh); build here only when running this file alone.
  if (!existsSync(path.join(root, 'dist/src/cli/commands/templates.js')))
    await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root }).catch(() => undefined);
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-templates-'));
  await writeFile(
    path.join(dir, 'bad.yaml'),
    'name: Bad-Name\ncategory: UTILITY\nlanguage: en_US\ncomponents:\n  - type: BODY\n    text: Your order is ready for pickup today.\n',
  );
  await writeFile(
    path.join(dir, 'send.json'),
    JSON.stringify({
      messaging_product: 'whatsapp',
      to: '+5511988887777',
      type: 'template',
      template: {
        name: 'order_shipped_simple',
        language: { code: 'pt_BR' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'pedido\t42' }] }],
      },
    }),
  );
});

describe('veil templates validate', () => {
  it('exits 0 and prints one valid object per file for the example folder', async () => {
    const { code, stdout } = await veil('templates', 'validate', '--json', 'examples/templates');
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; valid: boolean; errors: unknown[] });
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatchObject({ valid: true, errors: [] });
  });

  it('exits 1 and reports rule, path and message for each invalid file', async () => {
    const bad = path.join(dir, 'bad.yaml');
    const good = 'examples/templates/order_shipped_simple.yaml';
    const { code, stdout } = await veil('templates', 'validate', '--json', bad, good);
    const [first, second] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(code).toBe(1);
    expect(first).toMatchObject({
      file: bad,
      valid: false,
      errors: [{ rule: 'name.format', path: '$.name' }],
    });
    expect((first?.errors as { message: string }[])[0]?.message).toMatch(/Bad-Name/);
    expect(second).toMatchObject({ file: good, valid: true, errors: [] });
  });

  it('checks a send body against the definitions given with --templates', async () => {
    const { code, stdout } = await veil(
      'templates',
      'validate',
      '--json',
      '--templates',
      'examples/templates',
      path.join(dir, 'send.json'),
    );
    const report = JSON.parse(stdout.trim()) as { valid: boolean; errors: { rule: string; path: string }[] };
    expect(code).toBe(1);
    expect(report.errors).toContainEqual(
      expect.objectContaining({
        rule: 'send.text-characters',
        path: '$.template.components[0].parameters[0].text',
      }),
    );
  });

  it('refuses personal data in a quick-reply payload of a send body', async () => {
    const file = path.join(dir, 'payload.json');
    await writeFile(
      file,
      JSON.stringify({
        messaging_product: 'whatsapp',
        to: '+5511988887777',
        type: 'template',
        template: {
          name: 'seasonal_promotion',
          language: { code: 'en_US' },
          components: [
            {
              type: 'button',
              sub_type: 'quick_reply',
              index: '0',
              parameters: [{ type: 'payload', payload: 'OFFERS_ana@example.com' }],
            },
          ],
        },
      }),
    );
    const { code, stdout } = await veil('templates', 'validate', '--json', file);
    const report = JSON.parse(stdout.trim()) as { errors: { rule: string; message: string }[] };
    expect(code).toBe(1);
    expect(report.errors).toContainEqual(
      expect.objectContaining({ rule: 'send.payload-sensitive', message: expect.stringMatching(/EMAIL/) }),
    );
    expect(stdout).not.toMatch(/ana@example\.com/);
  });

  it('exits 1 when a folder holds no template file', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'veil-templates-empty-'));
    const { code, stderr } = await veil('templates', 'validate', empty);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no YAML or JSON files found/);
  });

  it('prints a human report and exits 1 for a missing file', async () => {
    const { code, stdout } = await veil('templates', 'validate', path.join(dir, 'missing.yaml'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/missing\.yaml: invalid, 1 error/);
    expect(stdout).toMatch(/file\.readable/);
  });
});
