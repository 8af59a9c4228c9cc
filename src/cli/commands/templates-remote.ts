import path from 'node:path';
import type { Command } from 'commander';
import { GraphTemplateClient } from '../../adapters/channels/whatsapp/template-client.js';
import { loadConfig } from '../../config/config.js';

/** Glue shared by `templates plan|apply|status`: the Graph client from config, the folder's definitions. */

export interface RemoteOptions {
  readonly graphUrl?: string;
  readonly apiVersion?: string;
  readonly wabaId?: string;
}

export function addRemoteOptions(command: Command): Command {
  return command
    .option('--graph-url <url>', 'Graph API base URL (env VEIL_WHATSAPP_GRAPH_URL; the simulator for tests)')
    .option('--api-version <version>', 'Graph API version (env VEIL_WHATSAPP_API_VERSION, default v23.0)')
    .option('--waba-id <id>', 'WhatsApp Business Account id (env VEIL_WHATSAPP_WABA_ID)');
}

export class UsageError extends Error {}

/** The token comes only from the environment or a *_FILE (never a flag: argv is visible to other users). */
export function remoteFrom(
  command: Command,
  options: RemoteOptions,
): { client: GraphTemplateClient; wabaId: string; dataDir: string } {
  const config = loadConfig({ dataDir: command.optsWithGlobals<{ data?: string }>().data });
  const wabaId = options.wabaId ?? config.whatsappWabaId;
  if (!wabaId) throw new UsageError('no WABA id: pass --waba-id or set VEIL_WHATSAPP_WABA_ID');
  if (!config.whatsappAccessToken)
    throw new UsageError(
      'no access token: set VEIL_WHATSAPP_ACCESS_TOKEN or VEIL_WHATSAPP_ACCESS_TOKEN_FILE',
    );
  const client = new GraphTemplateClient({
    baseUrl: options.graphUrl ?? config.whatsappGraphUrl,
    apiVersion: options.apiVersion ?? config.whatsappApiVersion,
    accessToken: config.whatsappAccessToken,
    wabaId,
    ...(config.whatsappPhoneNumberId ? { phoneNumberId: config.whatsappPhoneNumberId } : {}),
  });
  return { client, wabaId, dataDir: config.dataDir };
}

export const applyStateFile = (dataDir: string, wabaId: string): string =>
  path.join(dataDir, 'templates', `apply-state-${wabaId}.json`);

/** The folder's definitions; refuses a folder with invalid files (plan only what validate accepts). */
