import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { cliPrincipalId, withVault } from './vault.js';

const write = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/**
 * `veil keys list|rotate|rewrap|retire`: the key-encryption key's versions. `rewrap` re-wraps data
 * keys to the current version with a progress bar; interrupt it (Ctrl-C) and run it again to resume.
 */
export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('key-encryption keys: versions, rotation, rewrap');

  keys
    .command('list')
    .description('versions of the key-encryption key and how many data keys each wraps')
    .option('--json', 'one JSON object')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { info, kind } = await withVault(command, async (r) => ({
        info: await r.rotation.describe(),
        kind: r.keys.kind,
      }));
      if (options.json) {
        return write(JSON.stringify({ ...info, provider: kind, inUse: Object.fromEntries(info.inUse) }));
      }
      write(`${info.kekId} (${kind}), current version ${info.currentVersion}`);
      for (const v of info.versions) {
        const created = v.createdAt ? new Date(v.createdAt).toISOString() : '';
        write(
          `  v${String(v.version).padEnd(4)} ${v.state.padEnd(13)} ${String(info.inUse.get(v.version) ?? 0).padStart(8)} data keys  ${created}`.trimEnd(),
        );
      }
    });

  keys
    .command('rotate')
    .description('make a new key version for new writes (old versions keep decrypting)')
    .action(async (_options: unknown, command: Command) => {
      const version = await withVault(command, (r) => r.rotation.rotate(cliPrincipalId()));
      write(`rotated: new writes use version ${version}; run "veil keys rewrap" to move stored data keys`);
    });

  keys
    .command('rewrap')
    .description('re-wrap stored data keys with the current version (resumable); reveals keep working')
    .option('--batch <n>', 'data keys per batch', '200')
    .option('--retire', 'afterwards, retire every old version no data key uses any more')
    .action(async (options: { batch: string; retire?: boolean }, command: Command) => {
      const controller = new AbortController();
      const interrupt = () => controller.abort();
      process.once('SIGINT', interrupt);
      const bar = new cliProgress.SingleBar(
        { format: 'rewrap [{bar}] {value}/{total} data keys', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      try {
        const result = await withVault(command, async (r) => {
          const outcome = await r.rotation.rewrap(cliPrincipalId(), {
            batchSize: Number(options.batch),
            signal: controller.signal,
            onProgress: ({ done, total }) => {
              if (done === 0) bar.start(total, 0);
              else bar.update(done);
            },
          });
          bar.stop();
          const retired =
            options.retire && outcome.remaining === 0 ? await r.rotation.retireUnused(cliPrincipalId()) : [];
          return { ...outcome, retired };
        });
        write(`rewrapped ${result.rewrapped} data keys; ${result.remaining} left`);
        if (result.remaining > 0) write('interrupted: run "veil keys rewrap" again to resume');
        if (result.retired.length) write(`retired versions ${result.retired.join(', ')}`);
      } finally {
        bar.stop();
        process.off('SIGINT', interrupt);
      }
    });

  keys
    .command('retire')
    .description('destroy an old key version (refused while any data key still uses it)')
    .argument('<version>')
    .action(async (version: string, _options: unknown, command: Command) => {
      await withVault(command, (r) => r.rotation.retire(cliPrincipalId(), Number(version)));
      write(`retired version ${version}`);
    });
}
