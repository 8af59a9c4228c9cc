import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { buildVaultApp, openVault, vaultOperators, type VaultRuntime } from '../../compose.js';
import type { Operator, ProtectContext, OperatorInput } from '../../core/protection/operator.js';
import { addRedactOperators } from './detect.js';
import { ExpirySweeper } from '../../core/vault/expiry-sweeper.js';

/** Who the CLI acts as, for audit events: the operating-system user. */
export const cliPrincipalId = (): string => `cli:${userInfo().username}`;

/** Opens the vault of the command's data directory (global --data), runs `fn`, always closes. */
export async function withVault<T>(command: Command, fn: (runtime: VaultRuntime) => Promise<T>): Promise<T> {
  const { data } = command.optsWithGlobals<{ data?: string }>();
  const runtime = await openVault(loadConfig({ dataDir: data }));
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

const write = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/**
 * `veil vault …`: stats, the expiry sweeper, API keys for the HTTP API, the audit trail, and
 * `serve` for the HTTP API. Also gives `veil redact` its `tokenize` and `encrypt` operators.
 */
export function registerVaultCommands(program: Command): void {
  addRedactOperators(lazyVaultOperators);
  const vault = program.command('vault').description('the token vault: stats, API keys, audit, HTTP API');

  vault
    .command('stats')
    .description('tokens by type and mode, data keys by key version, audit events')
    .option('--json', 'one JSON object')
    .action(async (options: { json?: boolean }, command: Command) => {
      const stats = await withVault(command, (r) => r.vault.stats());
      if (options.json) return write(JSON.stringify(stats));
      write(`tokens           ${stats.tokens} (${stats.expiredTokens} expired)`);
      for (const [type, n] of Object.entries(stats.tokensByType)) write(`  ${type.padEnd(15)}${n}`);
      for (const [mode, n] of Object.entries(stats.tokensByMode)) write(`  mode ${mode.padEnd(18)}${n}`);
      write(`data keys        ${stats.dataKeys} (${stats.destroyedDataKeys} destroyed by erasure)`);
      for (const [kek, n] of Object.entries(stats.dataKeysByKek)) write(`  wrapped by ${kek.padEnd(12)}${n}`);
      write(`audit events     ${stats.auditEvents}`);
    });

  vault
    .command('sweep')
    .description('delete expired tokens')
    .action(async (_options: unknown, command: Command) => {
      const total = await withVault(command, async (r) => {
        let deleted = 0;
        for (let n = await r.vault.sweepExpired(1000); n > 0; n = await r.vault.sweepExpired(1000))
          deleted += n;
        return deleted;
      });
      write(`deleted ${total} expired tokens`);
    });

  vault
    .command('erase')
    .description('crypto-shred a subject: destroys its data keys, so all its values become unrecoverable')
    .argument('<subjectId>')
    .option('--tenant <tenant>', 'tenant (default VEIL_DEFAULT_TENANT)')
    .action(async (subjectId: string, options: { tenant?: string }, command: Command) => {
      // The local operator holds the keyring anyway; the erasure is audited under the OS user.
      const { keysDestroyed } = await withVault(command, (r) =>
        r.vault.eraseSubject(
          { id: cliPrincipalId(), tenant: options.tenant ?? r.config.defaultTenant, roles: ['admin'] },
          subjectId,
        ),
      );
      write(`erased subject ${subjectId}: ${keysDestroyed} data keys destroyed`);
    });

  vault
    .command('audit')
    .description('recent audit events (never values)')
    .option('--tenant <tenant>', 'only this tenant')
    .option('--limit <n>', 'how many', '50')
    .action(async (options: { tenant?: string; limit: string }, command: Command) => {
      const events = await withVault(command, (r) =>
        r.store.list({ limit: Number(options.limit), ...(options.tenant ? { tenant: options.tenant } : {}) }),
      );
      for (const e of events) write(JSON.stringify({ ...e, at: new Date(e.at).toISOString() }));
    });

  const apiKey = vault.command('api-key').description('API keys for the HTTP API (stored hashed)');
  apiKey
    .command('create')
    .description('create a key; it is printed once and never again')
    .requiredOption('--tenant <tenant>', 'tenant the key acts for')
    .requiredOption('--role <roles>', 'comma-separated roles: admin, dpo, supervisor, agent, analyst, …')
    .option('--label <label>', 'a note for humans')
    .action(async (options: { tenant: string; role: string; label?: string }, command: Command) => {
      const roles = options.role.split(',').map((r) => r.trim());
      const { key, record } = await withVault(command, (r) =>
        r.apiKeys.issue(options.tenant, roles, options.label),
      );
      process.stderr.write(
        `created key ${record.id} for tenant ${record.tenant} (${record.roles.join(', ')}); store it now:\n`,
      );
      write(key);
    });
  apiKey
    .command('list')
    .option('--tenant <tenant>')
    .action(async (options: { tenant?: string }, command: Command) => {
      const keys = await withVault(command, (r) => r.apiKeys.list(options.tenant));
      for (const k of keys) {
        const state = k.revokedAt === null ? 'active' : 'revoked';
        write(`${k.id}  ${k.tenant}  ${k.roles.join(',')}  ${state}  ${k.label ?? ''}`.trimEnd());
      }
    });
  apiKey
    .command('revoke')
    .argument('<id>')
    .action(async (id: string, _options: unknown, command: Command) => {
      const revoked = await withVault(command, (r) => r.apiKeys.revoke(id));
      write(revoked ? `revoked ${id}` : `no active key ${id}`);
      if (!revoked) process.exitCode = 1;
    });

  vault
    .command('serve')
    .description('serve the vault HTTP API (/v1) until interrupted')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port', '8200')
    .option('--sweep-interval <seconds>', 'how often expired tokens are deleted', '60')
    .action(async (options: { host: string; port: string; sweepInterval: string }, command: Command) => {
      const { data } = command.optsWithGlobals<{ data?: string }>();
      const runtime = await openVault(loadConfig({ dataDir: data }), { longRunning: true });
      const sweeper = new ExpirySweeper({
        sweep: (limit) => runtime.vault.sweepExpired(limit),
        intervalMs: Number(options.sweepInterval) * 1000,
        onError: (error) => process.stderr.write(`expiry sweep failed: ${(error as Error).message}\n`),
      });
      sweeper.start();
      const app = buildVaultApp(runtime);
      const address = await app.listen({ host: options.host, port: Number(options.port) });
      process.stderr.write(`vault API listening on ${address}/v1\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
      await sweeper.stop();
      await runtime.close();
    });
}

/**
 * `veil redact --operator tokenize|encrypt`: the vault opens on first use only, so other operators
 * never create a database or keyring.
 */
async function lazyVaultOperators(dataDir: string) {
  let runtime: Promise<VaultRuntime> | undefined;
  const open = () => (runtime ??= openVault(loadConfig({ dataDir })));
  const lazy = (index: 0 | 1, name: string): Operator => ({
    name,
    reversible: true,
    async transform(inputs: readonly OperatorInput[], context: ProtectContext) {
      return vaultOperators(await open())[index]!.transform(inputs, context);
    },
  });
  return {
    operators: [lazy(0, 'tokenize'), lazy(1, 'encrypt')],
    close: async () => {
      if (runtime) await (await runtime).close();
    },
  };
}
