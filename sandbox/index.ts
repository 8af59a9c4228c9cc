/** The sandbox's public surface: the two simulators and the one-command sandbox. */
export { buildWhatsAppSim, type WhatsAppSim } from './whatsapp/whatsapp-sim.js';
export type { WhatsAppSimOptions, WhatsAppSettings } from './whatsapp/whatsapp-options.js';
export { buildGenesysSim, type GenesysSim } from './genesys/genesys-sim.js';
export type { GenesysSimOptions, GenesysSettings } from './genesys/genesys-options.js';
export {
  startSandbox,
  type Sandbox,
  type SandboxGateway,
  type SandboxGatewayContext,
  type SandboxGatewayFactory,
  type SandboxOptions,
} from './sandbox.js';
export { demoTenant, type DemoTenant } from './demo-tenant.js';
export { metaSignature, genesysSignature } from './common/signatures.js';
export {
  reportCorpusDelivery,
  sendThroughWhatsApp,
  type CorpusReport,
  type LabelledMessage,
  type PlatformMessage,
  type SentMessage,
} from './corpus-report.js';
