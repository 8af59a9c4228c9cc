import type { DemoTenant } from './demo-tenant.js';

export interface SandboxUrls {
  readonly veil: string;
  readonly whatsapp: string;
  readonly genesys: string;
}

/** The short, copy-pasteable tour printed at start and served on Veil's `/`. */
export function walkthroughLines(urls: SandboxUrls, tenant: DemoTenant, gatewayPresent: boolean): string[] {
  const json = "-H 'content-type: application/json'";
  const basic = Buffer.from(`${tenant.genesys.clientId}:${tenant.genesys.clientSecret}`).toString('base64');
  return [
    `# 1. Is everything up?`,
    `curl -s ${urls.veil}/readyz`,
    `# 2. A customer writes on WhatsApp (the simulator signs and delivers the webhook to Veil):`,
    `curl -s -X POST ${urls.whatsapp}/__sim/customers/${tenant.customerWaId}/messages ${json} -d '{"type":"text","text":"Oi, meu CPF é 529.982.247-25"}'`,
    `# 3. What the WhatsApp simulator delivered, with attempts and status codes:`,
    `curl -s ${urls.whatsapp}/__sim/webhooks`,
    `# 4. What Genesys saw (${gatewayPresent ? 'tokens, never the CPF' : 'empty: no gateway forwards to it yet'}):`,
    `curl -s ${urls.genesys}/__sim/inbound`,
    `# 5. An agent answers; Genesys signs and posts the outbound webhook to Veil:`,
    `curl -s -X POST ${urls.genesys}/__sim/agent/messages ${json} -d '{"to":"+${tenant.customerWaId}","text":"Olá! Como posso ajudar?"}'`,
    `# 6. What reached the customer on WhatsApp${gatewayPresent ? '' : ' (empty until the gateway exists)'}:`,
    `curl -s ${urls.whatsapp}/__sim/outbox`,
    `# 7. Transcripts with PII for the history anonymizer (token first):`,
    `TOKEN=$(curl -s -X POST ${urls.genesys}/oauth/token -H 'authorization: Basic ${basic}' -d grant_type=client_credentials | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')`,
    `curl -s -X POST ${urls.genesys}/api/v2/interactions/query -H "authorization: Bearer $TOKEN" ${json} -d '{"pageSize":2}'`,
  ];
}
