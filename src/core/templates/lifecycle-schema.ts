import { z } from 'zod';

/**
 * The values of the two template webhooks (contracts.md §1b field list, §1e payloads). Unknown extra
 * fields are kept out (Meta adds fields over time; they must not break parsing). Ids arrive as
 * integers and are kept as strings (they exceed nothing yet, but ids are names, not numbers).
 */

const templateId = z.union([z.number().int(), z.string().min(1)]).transform(String);
const language = z.string().min(1).max(32);

export const templateStatusValueSchema = z.object({
  event: z.string().min(1).max(64),
  message_template_id: templateId,
  message_template_name: z.string().min(1).max(512),
  message_template_language: language,
  // null when the template is scheduled for deletion (contracts.md §1e).
  reason: z.string().max(128).nullish(),
  message_template_category: z.string().max(64).optional(),
  rejection_info: z.object({ reason: z.string(), recommendation: z.string() }).partial().optional(),
  other_info: z.object({ title: z.string(), description: z.string() }).partial().optional(),
  disable_info: z
    .object({ disable_date: z.union([z.string(), z.number()]) })
    .partial()
    .optional(),
});

export const templateQualityValueSchema = z.object({
  previous_quality_score: z.string().max(32).nullish(),
  new_quality_score: z.string().min(1).max(32),
  message_template_id: templateId,
  message_template_name: z.string().min(1).max(512),
  message_template_language: language,
});

export type TemplateStatusValue = z.infer<typeof templateStatusValueSchema>;
export type TemplateQualityValue = z.infer<typeof templateQualityValueSchema>;

/** Webhooks write `en-US`, creation and sends use `en_US` (contracts.md §1e): one spelling inside Veil. */
export function normaliseLanguage(code: string): string {
  return code.replace(/-/g, '_');
}
