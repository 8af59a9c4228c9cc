/**
 * Finds `{{1}}` / `{{first_name}}` placeholders in template text. Kept apart from the rules because the
 * creation rules, the send-time checks and the parameter assembler all need the same reading.
 */

export interface Placeholder {
  /** The text between the braces, as written (`1`, `first_name`, or something malformed). */
  readonly inner: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'positional' | 'named' | 'malformed';
}

const CANDIDATE = /\{\{([^{}]*)\}\}/g;
const POSITIONAL = /^[1-9][0-9]*$/;
/** Named parameters: lowercase letters and underscores (digits after the first character are tolerated). */
const NAMED = /^[a-z_][a-z0-9_]*$/;

/** Several rules read the same texts; a small bounded cache keeps that to one scan per text. */
const scanned = new Map<string, readonly Placeholder[]>();
const SCAN_CACHE_SIZE = 2048;

export function findPlaceholders(text: string): readonly Placeholder[] {
  const cached = scanned.get(text);
  if (cached) return cached;
  const found: Placeholder[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const inner = match[1] ?? '';
    const kind = POSITIONAL.test(inner) ? 'positional' : NAMED.test(inner) ? 'named' : 'malformed';
    found.push({ inner, start: match.index, end: match.index + match[0].length, kind });
  }
  if (scanned.size >= SCAN_CACHE_SIZE) scanned.clear();
  scanned.set(text, found);
  return found;
}

/** Brace runs that are not a complete `{{…}}` placeholder: `{{1}`, `{1}}`, `{{{1}}}`, a lone `}}`. */
export function strayBraces(text: string): string[] {
  const blanked = text.replace(CANDIDATE, '\uE000');
  const stray = blanked.match(/\{\{|\}\}|\{\s*[0-9a-z_]+\s*\}|\{\uE000|\uE000\}/g) ?? [];
  return stray.map((s) => s.replace(/\uE000/g, '{{…}}'));
}

/** Placeholder names in order of first appearance (positional ones as their number). */
export function placeholderNames(text: string | undefined): string[] {
  if (text === undefined) return [];
  const names: string[] = [];
  for (const p of findPlaceholders(text))
    if (p.kind !== 'malformed' && !names.includes(p.inner)) names.push(p.inner);
  return names;
}
