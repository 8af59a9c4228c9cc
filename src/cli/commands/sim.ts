import type { Command } from 'commander';
import { buildGenesysSim, buildWhatsAppSim } from '../../../sandbox/index.js';
import { parsePort, shutdownSignal } from './sandbox.js';

interface WhatsAppFlags {
  port: number;
  webhookUrl: string;
  appSecret: string;
  verifyToken: string;
  accessToken?: string;
  phoneNumberId?: string;
  wabaId?: string;
}

interface GenesysFlags {
  port: number;
  clientId: string;
  clientSecret: string;
  outboundWebhookUrl?: string;
  webhookSecret?: string;
  integrationId?: string;
  tokenLifetime?: number;
}

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive integer: ${value}`);
  return n;
};

/** `veil sim whatsapp|genesys`: one simulator alone, until SIGINT/SIGTERM. */
export function registerSimCommands(program: Command): void {
  const sim = program.command('sim').description('run one vendor simulator on loopback');

  sim
    .command('whatsapp')
    .description('WhatsApp Cloud API simulator (Graph API, signed webhooks, /__sim control API)')
    .option('--port <n>', 'port (0 = any free port)', parsePort, 8081)
    .requiredOption('--webhook-url <url>', 'callback URL that receives the signed webhooks')
    .requiredOption('--app-secret <secret>', 'app secret for X-Hub-Signature-256')
    .requiredOption('--verify-token <token>', 'verify token for the GET handshake')
    .option('--access-token <token>', 'bearer token Graph calls must carry (default: any non-empty token)')
    .option('--phone-number-id <id>', 'business phone-number id')
    .option('--waba-id <id>', 'WhatsApp Business Account id')
    .action(async (flags: WhatsAppFlags) => {
      const stopped = shutdownSignal();
      const whatsapp = buildWhatsAppSim({
        appSecret: flags.appSecret,
        verifyToken: flags.verifyToken,
        ...(flags.accessToken === undefined ? {} : { accessToken: flags.accessToken }),
        ...(flags.phoneNumberId === undefined ? {} : { phoneNumberId: flags.phoneNumberId }),
        ...(flags.wabaId === undefined ? {} : { wabaId: flags.wabaId }),
        settings: { webhookUrl: flags.webhookUrl },
      });
      const url = await whatsapp.listen(flags.port);
      process.stdout.write(
        `WhatsApp simulator on ${url}\n  send:    POST ${url}/v23.0/${whatsapp.state.number.phoneNumberId}/messages\n` +
          `  inject:  POST ${url}/__sim/customers/{wa_id}/messages  {"type":"text","text":"…"}\n  outbox:  GET  ${url}/__sim/outbox\n`,
      );
      await stopped;
      await whatsapp.close();
    });

  sim
    .command('genesys')
    .description('Genesys Cloud simulator (OAuth, Open Messaging, interactions, /__sim control API)')
    .option('--port <n>', 'port (0 = any free port)', parsePort, 8082)
    .requiredOption('--client-id <id>', 'OAuth client id')
    .requiredOption('--client-secret <secret>', 'OAuth client secret')
    .option('--outbound-webhook-url <url>', "the integration's outbound webhook URL")
    .option('--webhook-secret <secret>', 'signature secret of the outbound webhook')
    .option('--integration-id <id>', 'Open Messaging integration id')
    .option('--token-lifetime <seconds>', 'access token lifetime', positiveInt)
    .action(async (flags: GenesysFlags) => {
      const stopped = shutdownSignal();
      const genesys = buildGenesysSim({
        clientId: flags.clientId,
        clientSecret: flags.clientSecret,
        ...(flags.outboundWebhookUrl === undefined ? {} : { outboundWebhookUrl: flags.outboundWebhookUrl }),
        ...(flags.webhookSecret === undefined ? {} : { webhookSecret: flags.webhookSecret }),
        ...(flags.integrationId === undefined ? {} : { integrationId: flags.integrationId }),
        ...(flags.tokenLifetime === undefined
          ? {}
          : { settings: { tokenLifetimeSeconds: flags.tokenLifetime } }),
      });
      const url = await genesys.listen(flags.port);
      process.stdout.write(
        `Genesys simulator on ${url}\n  token:   POST ${url}/oauth/token\n` +
          `  inbound: POST ${url}/api/v2/conversations/messages/${genesys.integrationId}/inbound/open/message\n` +
          `  agent:   POST ${url}/__sim/agent/messages  {"to":"…","text":"…"}\n  seen:    GET  ${url}/__sim/inbound\n`,
      );
      await stopped;
      await genesys.close();
    });
}
