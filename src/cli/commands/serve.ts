import type { Command } from 'commander';
import { openGateway } from '../../compose-gateway.js';
import { loadConfig } from '../../config/config.js';
import { loadTenantsFile, tenantsFileFromEnv } from '../../config/tenants.js';
import { parsePort, shutdownSignal } from './sandbox.js';

interface ServeFlags {
  port: number;
  host: string;
  tenants?: string;
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
      const runtime = await openGateway(config, { tenants });
      const url = await runtime.app.listen({ port: flags.port, host: flags.host });
      process.stdout.write(`Veil gateway listening on ${url} (${tenants.length} tenant(s))\n`);
      const signal = await stopped;
      process.stdout.write(`${signal}: shutting down\n`);
      await runtime.close();
    });
}
