import { z } from 'zod';

/**
 * Template definitions in the Cloud API's create shape (contracts.md §1e). The schema checks shape and
 * types only; every documented limit is a named rule (rules/*) so that each problem is reported with its
 * rule id, JSON path and fix hint instead of a generic parse error. Type names are case-insensitive in
 * Meta's examples, so they are upper-cased here.
 */

const upper = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(values));

export const namedExampleSchema = z.object({ param_name: z.string(), example: z.string() });

export const buttonSchema = z.object({
  type: upper([
    'QUICK_REPLY',
    'URL',
    'PHONE_NUMBER',
    'COPY_CODE',
    'OTP',
    'FLOW',
    'CATALOG',
    'MPM',
    'VOICE_CALL',
  ] as const),
  text: z.string().optional(),
  url: z.string().optional(),
  phone_number: z.string().optional(),
  /** URL buttons: `["suffix"]`; COPY_CODE buttons: the sample code as a string. */
  example: z.union([z.array(z.string()), z.string()]).optional(),
  otp_type: upper(['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const).optional(),
  autofill_text: z.string().optional(),
  package_name: z.string().optional(),
  signature_hash: z.string().optional(),
  supported_apps: z.array(z.object({ package_name: z.string(), signature_hash: z.string() })).optional(),
  flow_id: z.union([z.string(), z.number()]).optional(),
});

export const componentSchema = z.object({
  type: upper(['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const),
  format: upper(['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION'] as const).optional(),
  text: z.string().optional(),
  example: z
    .object({
      header_text: z.array(z.string()).optional(),
      header_text_named_params: z.array(namedExampleSchema).optional(),
      header_handle: z.array(z.string()).optional(),
      body_text: z.array(z.array(z.string())).optional(),
      body_text_named_params: z.array(namedExampleSchema).optional(),
    })
    .optional(),
  buttons: z.array(buttonSchema).optional(),
  /** Authentication templates: Meta's preset body may add a security sentence. */
  add_security_recommendation: z.boolean().optional(),
  /** Authentication templates: the footer says the code expires in N minutes. */
  code_expiration_minutes: z.number().int().optional(),
});

/** A step of a fallback chain: another template, or plain text (only inside the 24-hour window). */
export const fallbackStepSchema = z.union([
  z.object({ template: z.string().min(1), language: z.string().min(1).optional() }).strict(),
  z.object({ text: z.string().min(1) }).strict(),
]);

const parameterFormat = z.preprocess(
  (v) => (typeof v === 'string' ? v.toLowerCase() : v),
  z.enum(['positional', 'named']),
);

const headShape = {
  name: z.string(),
  /** Checked by the `category.value` rule so the error names the allowed values. */
  category: z.string(),
  parameter_format: parameterFormat.optional(),
  fallback: z.array(fallbackStepSchema).optional(),
};

/** One language of one template, exactly the body of `POST /{waba-id}/message_templates`. */
export const createBodySchema = z.object({
  ...headShape,
  language: z.string(),
  components: z.array(componentSchema),
});

/** Veil's folder format: one file per template name, with its languages. */
export const templateFileSchema = z.object({
  ...headShape,
  languages: z.record(z.string(), z.object({ components: z.array(componentSchema) })),
});

export type Button = z.infer<typeof buttonSchema>;
export type Component = z.infer<typeof componentSchema>;
export type FallbackStep = z.infer<typeof fallbackStepSchema>;
export type CreateBody = z.infer<typeof createBodySchema>;
export type TemplateFile = z.infer<typeof templateFileSchema>;

/** A template definition read from either format, split into its languages. */
export interface TemplateDefinition {
  readonly name: string;
  readonly category: string;
  readonly parameterFormat: 'positional' | 'named';
  readonly fallback: readonly FallbackStep[];
  readonly languages: readonly LanguageDraft[];
}

export interface LanguageDraft {
  readonly name: string;
  readonly category: string;
  readonly parameterFormat: 'positional' | 'named';
  readonly language: string;
  readonly components: readonly Component[];
  /** JSON path of this language inside its file: `[]` for a create body, `['languages','pt_BR']` otherwise. */
  readonly basePath: readonly (string | number)[];
}

export function toDefinition(parsed: CreateBody | TemplateFile): TemplateDefinition {
  const parameterFormat = parsed.parameter_format ?? 'positional';
  const head = { name: parsed.name, category: parsed.category, parameterFormat };
  const languages: LanguageDraft[] =
    'languages' in parsed
      ? Object.entries(parsed.languages).map(([language, body]) => ({
          ...head,
          language,
          components: body.components,
          basePath: ['languages', language],
        }))
      : [{ ...head, language: parsed.language, components: parsed.components, basePath: [] }];
  return { ...head, fallback: parsed.fallback ?? [], languages };
}

/** The create request for one language (what the Graph API receives). */
export function toCreateBody(draft: LanguageDraft): CreateBody {
  return {
    name: draft.name,
    language: draft.language,
    category: draft.category.toUpperCase(),
    parameter_format: draft.parameterFormat,
    components: draft.components.map((c) => ({ ...c })),
  };
}
