import type { Command } from 'commander';
import { startSandbox, type SandboxGatewayFactory } from '../../../sandbox/index.js';
import { loadConfig } from '../../config/config.js';

/** Resolves on the first SIGINT or SIGTERM, so a long-running command can close cleanly. */
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`not a port number: ${value}`);
  return port;
}

interface SandboxFlags {
  port: number;
  whatsappPort: number;
  genesysPort: number;
}

/**
 * `veil sandbox`: both simulators, a demo tenant, and Veil's port, until SIGINT/SIGTERM.
 * `gateway` is where the composition root plugs the real gateway in; without it a placeholder
 * answers on Veil's port and says the gateway is not there yet.
 */
export function registerSandboxCommand(program: Command, gateway?: SandboxGatewayFactory): void {
  program
    .command('sandbox')
    .description('run the WhatsApp and Genesys simulators with a demo tenant, and Veil on --port')
    .option('--port <n>', "Veil's port (0 = any free port)", parsePort, 8080)
    .option('--whatsapp-port <n>', 'WhatsApp Cloud API simulator port', parsePort, 8081)
    .option('--genesys-port <n>', 'Genesys Cloud simulator port', parsePort, 8082)
    .action(async (flags: SandboxFlags, command: Command) => {
      const config = loadConfig({ dataDir: command.optsWithGlobals<{ data?: string }>().data });
      const stopped = shutdownSignal();
      const sandbox = await startSandbox({
        port: flags.port,
        whatsappPort: flags.whatsappPort,
        genesysPort: flags.genesysPort,
        dataDir: config.dataDir,
        ...(gateway === undefined ? {} : { gateway }),
      });
      const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
      out('Veil sandbox is up.');
      out(
        `  Veil            ${sandbox.urls.veil}${sandbox.gatewayPresent ? '' : '  (placeholder: the gateway is not there yet)'}`,
      );
      out(`  WhatsApp sim    ${sandbox.urls.whatsapp}  (Graph API + /__sim control)`);
      out(
        `  Genesys sim     ${sandbox.urls.genesys}  (OAuth, Open Messaging, interactions + /__sim control)`,
      );
      out(`  Demo tenant     ${config.dataDir}/sandbox/tenant.json`);
      if (!sandbox.gatewayPresent) {
        out();
        out(
          'The Veil gateway is not there yet: webhooks reach a placeholder that checks signatures and forwards nothing.',
        );
      }
      out();
      for (const line of sandbox.walkthrough()) out(line);
      out();
      out('Press Ctrl+C to stop.');
      const signal = await stopped;
      out(`\n${signal}: shutting down`);
      await sandbox.close();
    });
}
