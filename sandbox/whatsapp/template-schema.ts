import { z } from 'zod';

/** The Cloud API template create body (contracts §1e); types are case-insensitive on the wire. */
const upper = (value: unknown): unknown => (typeof value === 'string' ? value.toUpperCase() : value);

const buttonSchema = z
  .object({
    type: z.preprocess(
      upper,
      z.enum(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP', 'FLOW', 'CATALOG', 'MPM']),
    ),
    text: z.string().optional(),
    url: z.string().optional(),
    phone_number: z.string().optional(),
    example: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .passthrough();

const headerSchema = z
  .object({
    type: z.literal('HEADER'),
    format: z.preprocess(upper, z.enum(['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION'])),
    text: z.string().optional(),
    example: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

const bodySchema = z
  .object({
    type: z.literal('BODY'),
    // Authentication templates carry no text: Meta writes the body (add_security_recommendation…).
    text: z.string().optional(),
    example: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();
const footerSchema = z.object({ type: z.literal('FOOTER'), text: z.string().optional() }).passthrough();
const buttonsSchema = z
  .object({ type: z.literal('BUTTONS'), buttons: z.array(buttonSchema).min(1) })
  .passthrough();

export const templateComponentSchema = z.preprocess(
  (value) =>
    value !== null && typeof value === 'object' && 'type' in value
      ? { ...value, type: upper((value as { type: unknown }).type) }
      : value,
  z.discriminatedUnion('type', [headerSchema, bodySchema, footerSchema, buttonsSchema]),
);

export const templateCreateSchema = z
  .object({
    name: z.string(),
    language: z.string().min(2),
    category: z.preprocess(upper, z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION'])),
    parameter_format: z.enum(['positional', 'named']).default('positional'),
    components: z.array(templateComponentSchema).min(1),
    allow_category_change: z.boolean().optional(),
  })
  .passthrough();

export const templateEditSchema = z
  .object({
    category: z.preprocess(upper, z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION'])).optional(),
    components: z.array(templateComponentSchema).min(1).optional(),
  })
  .passthrough();

export type TemplateComponent = z.infer<typeof templateComponentSchema>;
export type TemplateCreate = z.infer<typeof templateCreateSchema>;
export type TemplateButton = z.infer<typeof buttonSchema>;

export const templateStatuses = [
  'APPROVED',
  'PENDING',
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'IN_APPEAL',
  'FLAGGED',
  'REINSTATED',
  'LIMIT_EXCEEDED',
  'LOCKED',
  'ARCHIVED',
  'UNARCHIVED',
  'DELETED',
  'PENDING_DELETION',
] as const;
export type TemplateStatus = (typeof templateStatuses)[number];

export const rejectionReasons = [
  'ABUSIVE_CONTENT',
  'INCORRECT_CATEGORY',
  'INVALID_FORMAT',
  'NONE',
  'PROMOTIONAL',
  'SCAM',
  'TAG_CONTENT_MISMATCH',
] as const;

export interface TemplateRecord {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  category: TemplateCreate['category'];
  readonly parameter_format: 'positional' | 'named';
  components: TemplateComponent[];
  status: TemplateStatus;
  rejectedReason?: string;
  /** Simulated-clock times of edits made while APPROVED (Meta's edit quotas). */
  readonly approvedEdits: number[];
}

/** `{{1}}` or `{{first_name}}`: the inner names, in order of appearance. */
export function variablesOf(text: string | undefined): string[] {
  if (!text) return [];
  return [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((match) => match[1] ?? '');
}

export function distinctVariables(text: string | undefined): string[] {
  return [...new Set(variablesOf(text))];
}

export const normaliseLanguage = (code: string): string => code.replace('-', '_');
