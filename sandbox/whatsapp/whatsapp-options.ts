import { z } from 'zod';
import { retryPolicySchema } from '../common/retry-policy-schema.js';
import type { RetryPolicy } from '../common/webhook-delivery.js';
import type { TemplateCreate, TemplateStatus } from './template-schema.js';

/** Settings a test or demo may change at runtime through `POST /__sim/config`. */
export const whatsAppSettingsSchema = z
  .object({
    /** Where webhooks go (the "Callback URL" of the app's WhatsApp configuration). */
    webhookUrl: z.url().nullable(),
    /** How long a new or edited template stays PENDING before its review result. */
    templateReviewDelayMs: z.number().int().min(0),
    /** `auto` runs the format checks; `approve`/`reject` force the outcome. */
    templateReviewOutcome: z.enum(['auto', 'approve', 'reject']),
    /** Gap between a send and its `sent` status, and between later statuses. */
    statusDelayMs: z.number().int().min(0),
    /** Whether customers' phones report `delivered` and then `read`. */
    autoDeliver: z.boolean(),
    autoRead: z.boolean(),
    /** Free-form sends outside the 24-hour window: `webhook` = accepted then a failed status (as Meta does), `sync` = refused with 131047. */
    windowErrorMode: z.enum(['webhook', 'sync']),
    /** Chance that a delivered webhook is delivered again (Meta warns of duplicates). */
    duplicateProbability: z.number().min(0).max(1),
    /** Deterministic duplicates: the next N webhooks are each delivered twice. */
    duplicateNext: z.number().int().min(0),
    /** Cloud API throughput per business number (error 130429). */
    throughputPerSecond: z.number().positive(),
    /** (business, customer) pair limit: burst and refill (error 131056); null disables it. */
    pairRateLimit: z
      .object({ burst: z.number().int().positive(), perSecond: z.number().positive() })
      .nullable(),
    /** Recipients that are not WhatsApp users: their messages fail with 131026. */
    undeliverableNumbers: z.array(z.string()),
    /** Webhook retry schedule: immediate first retry, then exponential backoff. */
    retry: retryPolicySchema,
    /** Deliver webhooks for one customer one at a time (deterministic order); false = fully concurrent. */
    orderedDelivery: z.boolean(),
    /** Write webhook JSON as Meta does (`\uXXXX`, `\/`). */
    metaStyleJson: z.boolean(),
  })
  .strict();

export type WhatsAppSettings = z.infer<typeof whatsAppSettingsSchema>;

export interface SeedTemplate {
  readonly template: TemplateCreate;
  readonly status?: TemplateStatus;
}

export interface WhatsAppSimOptions {
  readonly appSecret: string;
  readonly verifyToken: string;
  /** The bearer token Graph calls must carry; when absent any non-empty bearer token is accepted. */
  readonly accessToken?: string;
  readonly phoneNumberId?: string;
  readonly displayPhoneNumber?: string;
  readonly wabaId?: string;
  readonly templates?: readonly SeedTemplate[];
  readonly settings?: Partial<WhatsAppSettings>;
  /** Fastify request logging (off by default; it would print message bodies). */
  readonly logger?: boolean;
}

const metaLikeRetry: RetryPolicy = {
  maxAttempts: 12,
  firstRetryDelayMs: 0,
  baseDelayMs: 1000,
  backoffFactor: 2,
  maxDelayMs: 60 * 60 * 1000,
  timeoutMs: 10_000,
};

export const defaultWhatsAppSettings: WhatsAppSettings = {
  webhookUrl: null,
  templateReviewDelayMs: 2000,
  templateReviewOutcome: 'auto',
  statusDelayMs: 100,
  autoDeliver: true,
  autoRead: true,
  windowErrorMode: 'webhook',
  duplicateProbability: 0,
  duplicateNext: 0,
  throughputPerSecond: 80,
  pairRateLimit: { burst: 45, perSecond: 1 / 6 },
  undeliverableNumbers: [],
  retry: metaLikeRetry,
  orderedDelivery: true,
  metaStyleJson: true,
};

export const defaultBusinessNumber = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '15550783881',
  wabaId: '102290129340398',
} as const;
