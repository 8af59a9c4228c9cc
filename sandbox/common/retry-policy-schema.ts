import { z } from 'zod';

/** Settings of a webhook retry schedule (`RetryPolicy` in webhook-delivery.ts), shared by both simulators. */
export const retryPolicySchema = z.object({
  maxAttempts: z.number().int().min(1),
  firstRetryDelayMs: z.number().int().min(0),
  baseDelayMs: z.number().int().min(0),
  backoffFactor: z.number().min(1),
  maxDelayMs: z.number().int().min(0),
  timeoutMs: z.number().int().min(1),
});
