import type { Command } from 'commander';
import { openGateway } from '../../compose-gateway.js';
import { loadConfig } from '../../config/config.js';
import { loadTenantsFile, tenantsFileFromEnv } from '../../config/tenants.js';
import { parsePort, shutdownSignal } from './sandbox.js';

interface ServeFlags {
  port: number;
  host: string;
  tenants?: string;
  shard?: { index: number; count: number };
}

/** `--shard 0/2`: this process's part of the conversations when several share one PostgreSQL database. */
function parseShard(value: string): { index: number; count: number } {
  const match = /^([0-9]+)\/([0-9]+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) throw new Error(`not a shard such as 0/2: ${value}`);
  return { index, count };
}

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
    .option(
      '--shard <i/n>',
      'with PostgreSQL: handle conversations of part i of n (several processes)',
      parseShard,
    )
    .action(async (flags: ServeFlags, command: Command) => {
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
      // Sharded processes poll: webhooks for their conversations may be stored by another process.
      const runtime = await openGateway(config, {
        tenants,
        ...(flags.shard ? { pipeline: { shard: flags.shard, pollMs: 250 } } : {}),
      });
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
