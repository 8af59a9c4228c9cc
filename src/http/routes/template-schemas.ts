import { z } from 'zod';
import type { ParamValue, TemplateValues } from '../../core/templates/assemble.js';

/** Request schemas of the template routes; shapes only, the template rules run in the core. */

const media = z.union([z.strictObject({ id: z.string().min(1) }), z.strictObject({ link: z.url() })]);

const paramValue = z.union([
  z.string().max(32_768),
  z.number(),
  z.strictObject({
    currency: z.strictObject({
      fallback_value: z.string(),
      code: z.string(),
      amount_1000: z.number().int(),
    }),
  }),
  z.strictObject({ date_time: z.strictObject({ fallback_value: z.string() }) }),
  z.strictObject({ image: media }),
  z.strictObject({ video: media }),
  z.strictObject({
    document: z.union([
      z.strictObject({ id: z.string().min(1), filename: z.string().optional() }),
      z.strictObject({ link: z.url(), filename: z.string().optional() }),
    ]),
  }),
  z.strictObject({
    location: z.strictObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
]);

const templateName = z.string().regex(/^[a-z0-9_]{1,512}$/, 'a template name (lowercase a-z, 0-9, _)');

export const templateValuesSchema = z.strictObject({
  named: z.record(z.string().min(1).max(128), paramValue).optional(),
  header: paramValue.optional(),
  body: z.array(paramValue).max(100).optional(),
  /** By button index ("0".."9"): URL suffix, coupon code or quick-reply payload. */
  buttons: z.record(z.string().regex(/^\d$/, 'a button index 0-9'), z.string().max(2000)).optional(),
  code: z.string().max(15).optional(),
});

export const templateMessageBody = z.strictObject({
  to: z.string().regex(/^\+?[0-9][0-9 ().-]{4,30}$/, 'a phone number or WhatsApp id'),
  name: templateName,
  language: z.string().regex(/^[a-z]{2,3}(_[A-Za-z0-9]{2,8})?$/, 'a language code such as pt_BR'),
  values: templateValuesSchema.default({}),
  /** Values for fallback templates, by template name (a named fallback reuses `values.named`). */
  fallbackValues: z.record(templateName, templateValuesSchema).optional(),
});

/** JSON keys are strings; the core takes button values by numeric index. */
export function toTemplateValues(values: z.infer<typeof templateValuesSchema>): TemplateValues {
  const { buttons, ...rest } = values;
  return {
    ...(rest as Omit<TemplateValues, 'buttons'>),
    ...(buttons
      ? { buttons: Object.fromEntries(Object.entries(buttons).map(([k, v]) => [Number(k), v])) }
      : {}),
  };
}

export type { ParamValue };
