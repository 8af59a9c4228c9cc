import type { ProtectContext } from '../core/protection/operator.js';
import { operationalError, userError } from '../core/errors.js';

/** What a data action returns to the platform: never the values it resolved. */
export type ActionResult = Readonly<Record<string, unknown>>;

/**
 * A configured data action: a backend call whose URL, headers and body are templates. Tokens are
 * resolved inside Veil (`{{token.<name>}}`), plain parameters pass through (`{{param.<name>}}`), the
 * JSON answer is reduced to the mapped fields, and sensitive data in them is tokenized before it
 * leaves. The backend sees values; the caller sees only the mapped result.
 */
export interface HttpActionSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text with placeholders (values are JSON-escaped when substituted). */
  readonly body?: string | undefined;
  /** Result field → dot path in the backend's JSON answer. */
  readonly response: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

export interface HttpActionInput {
  readonly tokens: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, string>>;
}

export interface HttpActionDependencies {
  readonly reveal: (tokens: readonly string[]) => Promise<string[]>;
  readonly protect: (text: string, context: ProtectContext) => Promise<string>;
  readonly fetch?: typeof fetch;
}

const PLACEHOLDER = /\{\{\s*(token|param)\.([A-Za-z0-9_-]+)\s*\}\}/g;

function fill(template: string, values: Map<string, string>, escape: (v: string) => string): string {
  return template.replace(PLACEHOLDER, (_whole, kind: string, name: string) => {
    const value = values.get(`${kind}.${name}`);
    if (value === undefined) throw userError('VEIL_ERR_ACTION_INPUT', `the action needs ${kind} "${name}"`);
    return escape(value);
  });
}

function pick(json: unknown, path: string): unknown {
  let current = json;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export async function runHttpAction(
  spec: HttpActionSpec,
  input: HttpActionInput,
  context: ProtectContext,
  deps: HttpActionDependencies,
): Promise<ActionResult> {
  const names = Object.keys(input.tokens);
  const values = new Map<string, string>();
  const revealed = await deps.reveal(names.map((n) => input.tokens[n]!));
  names.forEach((name, i) => values.set(`token.${name}`, revealed[i]!));
  for (const [name, value] of Object.entries(input.params)) values.set(`param.${name}`, value);

  const url = fill(spec.url, values, encodeURIComponent);
  const headers = Object.fromEntries(
    Object.entries(spec.headers).map(([k, v]) => [k, fill(v, values, (x) => x.replace(/[\r\n]/g, ''))]),
  );
  const body =
    spec.body === undefined ? undefined : fill(spec.body, values, (v) => JSON.stringify(v).slice(1, -1));
  let response: Response;
  try {
    response = await (deps.fetch ?? fetch)(url, {
      method: spec.method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(spec.timeoutMs),
    });
  } catch {
    throw operationalError('VEIL_ERR_ACTION_BACKEND', 'the action backend could not be reached');
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw operationalError('VEIL_ERR_ACTION_BACKEND', `the action backend answered ${response.status}`, {
      status: response.status,
    });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw operationalError('VEIL_ERR_ACTION_BACKEND', 'the action backend did not answer JSON');
  }
  const result: Record<string, unknown> = {};
  for (const [field, path] of Object.entries(spec.response)) {
    const value = pick(json, path);
    result[field] = typeof value === 'string' ? await deps.protect(value, context) : (value ?? null);
  }
  return result;
}
