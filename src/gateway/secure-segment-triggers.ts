import type { LinearPattern } from '../core/detection/recognizers/custom/custom-recognizer.js';
import type { OpenSegmentRequest } from './secure-segments.js';

/** Whose text a keyword rule looks at. */
export type TriggerAuthor = 'customer' | 'agent' | 'bot';

interface SegmentOpening {
  readonly closeAfterMessages?: number | undefined;
  readonly ttlSeconds?: number | undefined;
  readonly config?: string | undefined;
}

export interface KeywordRule extends SegmentOpening {
  readonly name: string;
  /** Compiled with RE2 by the composition root: a configured pattern runs in linear time. */
  readonly pattern: LinearPattern;
  readonly authors: readonly TriggerAuthor[];
}

/** What opens a secure segment besides the API, per tenant. */
export interface SegmentTriggers {
  readonly botMarker?: (SegmentOpening & { readonly marker: string }) | undefined;
  readonly keywordRules: readonly KeywordRule[];
}

export const NO_TRIGGERS: SegmentTriggers = { keywordRules: [] };

/**
 * The first keyword rule for `author` that matches `text`, as a segment to open. For a customer's
 * message the segment opens before that message is protected, so the message that tripped the rule
 * is vaulted whole too (it is the segment's first message); for an agent's or a bot's message it
 * opens before the text is sent, so the customer's answer falls inside it.
 */
export function keywordTrigger(
  triggers: SegmentTriggers,
  author: TriggerAuthor,
  text: string,
): OpenSegmentRequest | undefined {
  if (text.length === 0) return undefined;
  for (const rule of triggers.keywordRules) {
    if (!rule.authors.includes(author)) continue;
    if (!matchesAny(rule.pattern, text)) continue;
    return {
      reason: `keyword rule ${rule.name}`,
      closeAfterMessages: rule.closeAfterMessages,
      ttlSeconds: rule.ttlSeconds,
      config: rule.config,
      openedBy: `keyword:${rule.name}`,
    };
  }
  return undefined;
}

function matchesAny(pattern: LinearPattern, text: string): boolean {
  for (const _match of pattern.matches(text)) return true;
  return false;
}

/**
 * A bot's message carrying the tenant's marker: the segment to open, and the text without the
 * marker (the customer never sees it).
 */
export function botMarkerTrigger(
  triggers: SegmentTriggers,
  text: string,
): { readonly text: string; readonly open?: OpenSegmentRequest } {
  const marker = triggers.botMarker;
  if (!marker || !text.includes(marker.marker)) return { text };
  const stripped = text
    .split(marker.marker)
    .join('')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  return {
    text: stripped,
    open: {
      reason: 'bot marker',
      closeAfterMessages: marker.closeAfterMessages,
      ttlSeconds: marker.ttlSeconds,
      config: marker.config,
      openedBy: 'bot-marker',
    },
  };
}
