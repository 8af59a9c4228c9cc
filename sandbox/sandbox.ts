import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { demoTemplates, demoTenant, type DemoTenant } from './demo-tenant.js';
import { buildGenesysSim, type GenesysSim } from './genesys/genesys-sim.js';
import { listenOnLoopback } from './common/listen.js';
import { buildPlaceholderVeil } from './placeholder-veil.js';
import { walkthroughLines, type SandboxUrls } from './walkthrough.js';
import { buildWhatsAppSim, type WhatsAppSim } from './whatsapp/whatsapp-sim.js';

/**
 * `veil sandbox` as a function: both simulators, a demo tenant, and on Veil's port either the
 * gateway (plugged in through `gateway`) or a placeholder that says the gateway is not there yet.
 */
export interface SandboxGatewayContext {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string | undefined;
  readonly tenant: DemoTenant;
  readonly whatsappUrl: string;
  readonly genesysUrl: string;
}

export interface SandboxGateway {
  /** Base URL; must answer `GET /readyz` with 200 when ready. */
  readonly url: string;
  /** Where the simulators should send their webhooks. */
  readonly webhookUrls: { readonly whatsapp: string; readonly genesys: string };
  close(): Promise<void>;
}

export type SandboxGatewayFactory = (context: SandboxGatewayContext) => Promise<SandboxGateway>;

export interface SandboxOptions {
  readonly port?: number;
  readonly whatsappPort?: number;
  readonly genesysPort?: number;
  readonly host?: string;
  /** Where the demo tenant's description is written (`<dir>/sandbox/tenant.json`); nothing is written when absent. */
  readonly dataDir?: string;
  readonly gateway?: SandboxGatewayFactory;
}

export interface Sandbox {
  readonly urls: SandboxUrls;
  readonly tenant: DemoTenant;
  readonly whatsapp: WhatsAppSim;
  readonly genesys: GenesysSim;
  readonly gatewayPresent: boolean;
  walkthrough(): string[];
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const tenant = demoTenant;
  const whatsapp = buildWhatsAppSim({
    ...tenant.whatsapp,
    templates: demoTemplates,
    settings: { templateReviewDelayMs: 3000, statusDelayMs: 300 },
  });
  const genesys = buildGenesysSim({
    clientId: tenant.genesys.clientId,
    clientSecret: tenant.genesys.clientSecret,
    integrationId: tenant.genesys.integrationId,
    webhookSecret: tenant.genesys.webhookSecret,
  });
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    closers.length = 0;
  };
  try {
    const whatsappUrl = await whatsapp.listen(options.whatsappPort ?? 8081, host);
    closers.push(() => whatsapp.close());
    const genesysUrl = await genesys.listen(options.genesysPort ?? 8082, host);
    closers.push(() => genesys.close());

    let veilUrl: string;
    let webhookUrls: SandboxGateway['webhookUrls'];
    const gatewayPresent = options.gateway !== undefined;
    let markReady = (): void => undefined;
    if (options.gateway) {
      const gateway = await options.gateway({
        host,
        port: options.port ?? 8080,
        dataDir: options.dataDir,
        tenant,
        whatsappUrl,
        genesysUrl,
      });
      closers.push(() => gateway.close());
      veilUrl = gateway.url;
      webhookUrls = gateway.webhookUrls;
    } else {
      const describe = () => ({
        service: 'veil-sandbox',
        gateway:
          'not there yet: the sandbox runs the WhatsApp and Genesys simulators; the Veil gateway will plug in on this port',
        whatsapp: whatsappUrl,
        genesys: genesysUrl,
        walkthrough: walkthroughLines(urls, tenant, false),
      });
      const placeholder = buildPlaceholderVeil(tenant, describe);
      veilUrl = await listenOnLoopback(placeholder.app, options.port ?? 8080, host);
      closers.push(() => placeholder.app.close());
      webhookUrls = {
        whatsapp: `${veilUrl}/webhooks/whatsapp`,
        genesys: `${veilUrl}/webhooks/genesys/${tenant.genesys.integrationId}`,
      };
      markReady = () => {
        placeholder.status.ready = true;
      };
    }
    const urls: SandboxUrls = { veil: veilUrl, whatsapp: whatsappUrl, genesys: genesysUrl };
    whatsapp.state.updateSettings({ webhookUrl: webhookUrls.whatsapp });
    genesys.state.defaultIntegration().outboundNotificationWebhookUrl = webhookUrls.genesys;
    if (options.dataDir) await writeTenantFile(options.dataDir, tenant, urls);
    markReady();
    return {
      urls,
      tenant,
      whatsapp,
      genesys,
      gatewayPresent,
      walkthrough: () => walkthroughLines(urls, tenant, gatewayPresent),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** The tenant as a gateway would be configured, with the simulators' URLs; demo secrets, file mode 0600. */
async function writeTenantFile(dataDir: string, tenant: DemoTenant, urls: SandboxUrls): Promise<void> {
  const directory = path.join(dataDir, 'sandbox');
  await mkdir(directory, { recursive: true });
  const content = {
    ...tenant,
    urls: { whatsappGraph: urls.whatsapp, genesysApi: urls.genesys, genesysLogin: urls.genesys },
  };
  await writeFile(path.join(directory, 'tenant.json'), `${JSON.stringify(content, null, 2)}\n`, {
    mode: 0o600,
  });
}
