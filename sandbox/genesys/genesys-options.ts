import { z } from 'zod';
import { retryPolicySchema } from '../common/retry-policy-schema.js';

/** Settings a test or demo may change at runtime through `POST /__sim/config`. */
export const genesysSettingsSchema = z
  .object({
    /** Lifetime of client-credentials tokens (Genesys allows 300–172,800 s; the sandbox allows shorter for tests). */
    tokenLifetimeSeconds: z.number().int().min(1).max(172_800),
    /** Requests per minute per token (Genesys' default for client credentials: 300). */
    rateLimitPerMinute: z.number().int().min(1),
    /** Outbound webhook retries: up to 5 retries, 5 s apart, 10 s timeout (contracts §2b). */
    retry: retryPolicySchema,
    /** Post a `Receipt` (Delivered) to the integration webhook for each inbound message accepted. */
    receiptsForInbound: z.boolean(),
    /** Deliver a conversation's outbound webhooks one at a time, in order. */
    orderedDelivery: z.boolean(),
  })
  .strict();

export type GenesysSettings = z.infer<typeof genesysSettingsSchema>;

export interface GenesysSimOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The pre-created Open Messaging integration (one tenant). */
  readonly integrationId?: string;
  readonly integrationName?: string;
  readonly outboundWebhookUrl?: string;
  readonly webhookSecret?: string;
  /** Number of synthetic web-messaging transcripts seeded for the interactions API, and the PRNG seed. */
  readonly transcripts?: { readonly count?: number; readonly seed?: number };
  readonly settings?: Partial<GenesysSettings>;
  readonly logger?: boolean;
}

export const defaultGenesysSettings: GenesysSettings = {
  tokenLifetimeSeconds: 86_400,
  rateLimitPerMinute: 300,
  retry: {
    maxAttempts: 6,
    firstRetryDelayMs: 5000,
    baseDelayMs: 5000,
    backoffFactor: 1,
    maxDelayMs: 5000,
    timeoutMs: 10_000,
  },
  receiptsForInbound: true,
  orderedDelivery: true,
};

export const defaultIntegrationId = '6d1f0c3e-9a54-4c1b-8f0e-5b1a2c3d4e5f';
