import { openGateway } from '../../compose-gateway.js';
import { loadConfig } from '../../config/config.js';
import { parseTenants, type TenantConfig } from '../../config/tenants.js';

/**
 * What the sandbox hands its gateway plug-in (`SandboxGatewayContext` in sandbox/sandbox.ts),
 * declared here structurally: the product does not import the simulators' code.
 */
export interface SandboxGatewayContext {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string | undefined;
  readonly whatsappUrl: string;
  readonly genesysUrl: string;
  readonly tenant: {
    readonly whatsapp: {
      readonly phoneNumberId: string;
      readonly wabaId: string;
      readonly appSecret: string;
      readonly verifyToken: string;
      readonly accessToken: string;
    };
    readonly genesys: {
      readonly clientId: string;
      readonly clientSecret: string;
      readonly integrationId: string;
      readonly webhookSecret: string;
    };
  };
}

export interface SandboxGatewayHandle {
  readonly url: string;
  readonly webhookUrls: { readonly whatsapp: string; readonly genesys: string };
  close(): Promise<void>;
}

/** The sandbox's demo tenant as a gateway tenant, pointed at the simulators. */
export function sandboxTenant(
  context: Pick<SandboxGatewayContext, 'tenant' | 'whatsappUrl' | 'genesysUrl'>,
): TenantConfig {
  const { tenant } = context;
  const [parsed] = parseTenants(
    {
      tenants: [
        {
          id: 'sandbox',
          whatsapp: {
            phoneNumberId: tenant.whatsapp.phoneNumberId,
            wabaId: tenant.whatsapp.wabaId,
            appSecret: tenant.whatsapp.appSecret,
            verifyToken: tenant.whatsapp.verifyToken,
            accessToken: tenant.whatsapp.accessToken,
            graphUrl: context.whatsappUrl,
          },
          genesys: {
            loginUrl: context.genesysUrl,
            apiUrl: context.genesysUrl,
            clientId: tenant.genesys.clientId,
            clientSecret: tenant.genesys.clientSecret,
            integrationId: tenant.genesys.integrationId,
            webhookSecret: tenant.genesys.webhookSecret,
          },
        },
      ],
    },
    {},
  );
  return parsed!;
}

/** `veil sandbox` with the real gateway on Veil's port (state under `<data>`). */
export async function sandboxGateway(context: SandboxGatewayContext): Promise<SandboxGatewayHandle> {
  const config = loadConfig(context.dataDir === undefined ? {} : { dataDir: context.dataDir });
  const runtime = await openGateway(config, { tenants: [sandboxTenant(context)] });
  try {
    const url = await runtime.app.listen({ port: context.port, host: context.host });
    return {
      url,
      webhookUrls: {
        whatsapp: `${url}/webhooks/whatsapp`,
        genesys: `${url}/webhooks/genesys/${context.tenant.genesys.integrationId}`,
      },
      close: () => runtime.close(),
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
