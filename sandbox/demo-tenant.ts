import { defaultIntegrationId } from './genesys/genesys-options.js';
import { defaultBusinessNumber, type SeedTemplate } from './whatsapp/whatsapp-options.js';

/**
 * The sandbox's one tenant: a WhatsApp number wired to a Genesys Open Messaging integration.
 * Demo credentials only: they exist so a gateway can be configured against the simulators.
 */
export interface DemoTenant {
  readonly whatsapp: {
    readonly phoneNumberId: string;
    readonly wabaId: string;
    readonly displayPhoneNumber: string;
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
  /** A customer to try things with. */
  readonly customerWaId: string;
}

export const demoTenant: DemoTenant = {
  whatsapp: {
    ...defaultBusinessNumber,
    appSecret: 'sandbox-app-secret',
    verifyToken: 'sandbox-verify-token',
    accessToken: 'sandbox-whatsapp-access-token',
  },
  genesys: {
    clientId: 'sandbox-genesys-client',
    clientSecret: 'sandbox-genesys-client-secret',
    integrationId: defaultIntegrationId,
    webhookSecret: 'sandbox-genesys-webhook-secret',
  },
  customerWaId: '5511987654321',
};

/** Approved templates the demo can send at once. */
export const demoTemplates: readonly SeedTemplate[] = [
  {
    template: {
      name: 'order_update',
      language: 'pt_BR',
      category: 'UTILITY',
      parameter_format: 'positional',
      components: [
        {
          type: 'BODY',
          text: 'Olá {{1}}, seu pedido {{2}} foi enviado. Obrigado!',
          example: { body_text: [['Ana', '1234']] },
        },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Falar com atendente' }] },
      ],
    },
  },
  {
    template: {
      name: 'welcome_back',
      language: 'en_US',
      category: 'MARKETING',
      parameter_format: 'named',
      components: [
        {
          type: 'BODY',
          text: 'Hi {{first_name}}, we have news for you. Reply to chat with us.',
          example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] },
        },
      ],
    },
  },
];
