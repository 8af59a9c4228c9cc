import { createInterface } from 'node:readline';
import { z } from 'zod';

export const inputLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: z.enum(['pt', 'en', 'es']).optional(),
});
export type InputLine = z.infer<typeof inputLineSchema>;

export interface JsonlResult {
  readonly lines: number;
  readonly errors: number;
}

/**
 * Reads JSONL from `input`, hands each valid line to `handle` and writes what it returns. A bad
 * line is reported on stderr by number (never echoing its text) and processing goes on.
 */
export async function processJsonl(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  errors: NodeJS.WritableStream,
  handle: (line: InputLine) => unknown | Promise<unknown>,
): Promise<JsonlResult> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  let buffer = '';
  for await (const raw of reader) {
    lineNo++;
    if (raw.trim() === '') continue;
    let parsed: InputLine;
    try {
      const result = inputLineSchema.safeParse(JSON.parse(raw));
      if (!result.success) {
        const problems = result.error.issues
          .map((i) => `${i.path.join('.') || 'line'}: ${i.message}`)
          .join('; ');
        throw new Error(problems);
      }
      parsed = result.data;
    } catch (error) {
      failed++;
      const reason = error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message;
      errors.write(`veil: line ${lineNo}: ${reason}\n`);
      continue;
    }
    buffer += JSON.stringify(await handle(parsed)) + '\n';
    if (buffer.length > 1 << 16) {
      output.write(buffer);
      buffer = '';
    }
  }
  if (buffer) output.write(buffer);
  return { lines: lineNo, errors: failed };
}

export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
