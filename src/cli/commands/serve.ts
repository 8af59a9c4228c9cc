import { Option, type Command } from 'commander';
import { openGateway } from '../../compose-gateway.js';
import { loadConfig } from '../../config/config.js';
import { loadTenantsFile, tenantsFileFromEnv } from '../../config/tenants.js';
import { parsePort, shutdownSignal } from './sandbox.js';

interface ServeFlags {
  port: number;
  host: string;
  tenants?: string;
  shard?: string;
}

/**
 * `--shard i/n` was a static partition between processes; leases replaced it (a stopped process's
 * conversations now move to the others). The flag stays only to say so, instead of "unknown option".
 */
const SHARD_REPLACED =
  'veil serve: --shard is no longer needed: processes on one PostgreSQL database (VEIL_DATABASE_URL) ' +
  'share the conversations through leases on their own and take over from a stopped one; ' +
  'start each process without --shard (see docs/gateway.md, "Several processes")\n';

/**
 * `veil serve`: the gateway (WhatsApp and Genesys webhooks, the delivery worker) and the vault's
 * HTTP API on one port, until SIGINT/SIGTERM. Undelivered messages left by a previous run are
 * delivered first.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the gateway: WhatsApp webhooks in, Genesys Open Messaging out, and the HTTP API')
    .option('--port <n>', 'port to listen on', parsePort, 8080)
    .option('--host <addr>', 'address to bind', '127.0.0.1')
    .option('--tenants <file>', 'tenants file, YAML or JSON (env VEIL_TENANTS_FILE)')
    .addOption(new Option('--shard <i/n>', 'removed: processes share the work through leases').hideHelp())
    .action(async (flags: ServeFlags, command: Command) => {
      if (flags.shard !== undefined) {
        process.stderr.write(SHARD_REPLACED);
        process.exitCode = 2;
        return;
      }
      const config = loadConfig({ dataDir: command.optsWithGlobals<{ data?: string }>().data });
      const file = flags.tenants ?? tenantsFileFromEnv();
      if (file === undefined) {
        process.stderr.write(
          'veil serve: give --tenants <file> or set VEIL_TENANTS_FILE (see docs/gateway.md)\n',
        );
        process.exitCode = 2;
        return;
      }
      const tenants = loadTenantsFile(file);
      const stopped = shutdownSignal();
      const runtime = await openGateway(config, { tenants });
      // Templates created before Veil subscribed to status webhooks are learnt from the provider's list.
      await runtime.templates.syncFromProvider?.().catch((error: unknown) => {
        process.stderr.write(`veil serve: template status sync failed: ${(error as Error).message}\n`);
      });
      const url = await runtime.app.listen({ port: flags.port, host: flags.host });
      process.stdout.write(`Veil gateway listening on ${url} (${tenants.length} tenant(s))\n`);
      const signal = await stopped;
      process.stdout.write(`${signal}: shutting down\n`);
      await runtime.close();
    });
}
