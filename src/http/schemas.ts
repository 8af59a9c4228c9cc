import { z } from 'zod';
import { VeilError } from '../core/errors.js';

const type = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'an upper-case type such as CREDIT_CARD');
const name = z.string().min(1).max(200);

export const tokenizeBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        value: z.string().min(1).max(4096),
        type,
        mode: z.enum(['random', 'deterministic', 'format-preserving']).optional(),
      }),
    )
    .min(1)
    .max(1000),
  subjectId: name.optional(),
  conversationId: name.optional(),
  retentionClass: name.optional(),
  ttlSeconds: z
    .number()
    .int()
    .positive()
    .max(10 * 365 * 24 * 3600)
    .optional(),
});

export const detokenizeBody = z.strictObject({
  tokens: z.array(z.string().min(1).max(8192)).min(1).max(1000),
  purpose: name,
  level: z.enum(['plain', 'masked', 'redacted']).optional(),
});

export const tokenParams = z.strictObject({ token: z.string().min(1).max(8192) });
export const subjectParams = z.strictObject({ id: name });

/** Parses with a schema or throws a 400 whose problem lists every issue by path. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new VeilError('VEIL_ERR_HTTP_BAD_REQUEST', 'user', 'the request is not valid', {
    errors: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}
