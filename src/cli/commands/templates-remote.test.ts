import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWhatsAppSim, type WhatsAppSim } from '../../../sandbox/whatsapp/whatsapp-sim.js';

/** `veil templates plan|apply|status` as a user runs them, against the simulator on loopback. */

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const token = 'cli-token';
const wabaId = '102290129340398';
let sim: WhatsAppSim;
let dir = '';
let env: NodeJS.ProcessEnv = {};

async function veil(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/veil.js', ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/src/cli/commands/templates.js')))
    await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root }).catch(() => undefined);
  sim = buildWhatsAppSim({
    appSecret: 's',
    verifyToken: 'v',
    accessToken: token,
    wabaId,
    settings: { templateReviewDelayMs: 0 },
  });
  const url = await sim.listen(0);
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-templates-remote-'));
  const folder = path.join(dir, 'templates');
  await mkdir(folder);
  for (const f of ['order_shipped.yaml', 'order_shipped_simple.yaml', 'payment_reminder.json'])
    await copyFile(path.join(root, 'examples/templates', f), path.join(folder, f));
  env = {
    PATH: process.env.PATH,
    VEIL_DATA_DIR: path.join(dir, 'data'),
    VEIL_WHATSAPP_GRAPH_URL: url,
    VEIL_WHATSAPP_WABA_ID: wabaId,
    VEIL_WHATSAPP_ACCESS_TOKEN: token,
  };
});

afterAll(async () => {
  await sim.close();
});

describe('veil templates plan / apply / status', () => {
  it('plans, applies with progress, then has nothing left to do; status lists every language', async () => {
    const folder = path.join(dir, 'templates');
    const plan = await veil('templates', 'plan', folder);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/Plan: 7 to create, 0 to edit, 0 to delete, 0 refused, 0 unchanged\./);

    const apply = await veil('templates', 'apply', folder);
    expect(apply.stdout).toMatch(/Applied: 7 done, 0 failed, 0 remaining\./);
    expect(apply.stderr).toMatch(/\[7\/7\] done: create/);
    expect(apply.code).toBe(0);

    const again = await veil('templates', 'plan', '--json', folder);
    const parsed = JSON.parse(again.stdout) as { actions: { kind: string }[] };
    expect(parsed.actions.map((a) => a.kind)).toEqual(Array(7).fill('unchanged'));

    const status = await veil('templates', 'status', '--json');
    const list = JSON.parse(status.stdout) as { name: string; language: string; status: string }[];
    expect(list.map((t) => `${t.name}/${t.language}`).sort()).toEqual([
      'order_shipped/en_US',
      'order_shipped/es',
      'order_shipped/pt_BR',
      'order_shipped_simple/en_US',
      'order_shipped_simple/es',
      'order_shipped_simple/pt_BR',
      'payment_reminder/pt_BR',
    ]);
    const human = await veil('templates', 'status');
    expect(human.stdout.split('\n')[0]).toMatch(/^NAME\s+LANGUAGE\s+STATUS\s+CATEGORY\s+QUALITY\s+ID$/);
  });

  it('refuses to plan an invalid folder and explains missing credentials (exit 2)', async () => {
    const bad = path.join(dir, 'bad');
    await mkdir(bad);
    await writeFile(
      path.join(bad, 'x.yaml'),
      'name: Bad-Name\ncategory: UTILITY\nlanguage: en_US\ncomponents: []\n',
    );
    const invalid = await veil('templates', 'plan', bad);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/invalid template files.*x\.yaml/);
    const noToken = await run('node', ['bin/veil.js', 'templates', 'status'], {
      cwd: root,
      env: { ...env, VEIL_WHATSAPP_ACCESS_TOKEN: undefined },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(noToken).toMatchObject({ code: 2, stderr: expect.stringMatching(/VEIL_WHATSAPP_ACCESS_TOKEN/) });
  });
});
