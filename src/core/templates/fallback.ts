import { userError } from '../errors.js';
import type { FallbackStep } from './template-schema.js';
import { TemplateErrorCode } from './template-errors.js';

/**
 * Chooses what to send when a template may not be usable: the template itself if APPROVED (only
 * APPROVED templates can be sent, contracts.md §1e), else each step of its fallback chain in order —
 * another approved template, or plain text while the customer's 24-hour window is open. Every
 * candidate and why it was skipped is recorded, so the choice can be audited.
 */

export type FallbackChoice =
  | { readonly kind: 'template'; readonly name: string; readonly language: string }
  | { readonly kind: 'text'; readonly text: string };

export interface FallbackStepRecord {
  readonly candidate: string;
  readonly outcome: 'chosen' | 'skipped';
  readonly reason: string;
}

export interface FallbackDecision {
  readonly choice: FallbackChoice;
  readonly steps: readonly FallbackStepRecord[];
  /** True when something other than the requested template was chosen. */
  readonly fellBack: boolean;
}

export interface FallbackContext {
  /** The provider status of a template in one language (undefined: unknown to the provider). */
  readonly statusOf: (name: string, language: string) => string | undefined;
  /** The chain declared by the requested template (from its definition). */
  readonly chain: readonly FallbackStep[];
  readonly windowOpen: boolean;
}

export function resolveFallback(name: string, language: string, context: FallbackContext): FallbackDecision {
  const steps: FallbackStepRecord[] = [];
  const tryTemplate = (candidateName: string, candidateLanguage: string): FallbackChoice | undefined => {
    const status = context.statusOf(candidateName, candidateLanguage);
    const candidate = `template ${candidateName} (${candidateLanguage})`;
    if (status === 'APPROVED') {
      steps.push({ candidate, outcome: 'chosen', reason: 'APPROVED' });
      return { kind: 'template', name: candidateName, language: candidateLanguage };
    }
    steps.push({
      candidate,
      outcome: 'skipped',
      reason: status === undefined ? 'unknown to the provider' : `status ${status}`,
    });
    return undefined;
  };

  const first = tryTemplate(name, language);
  if (first) return { choice: first, steps, fellBack: false };
  for (const step of context.chain) {
    if ('template' in step) {
      const choice = tryTemplate(step.template, step.language ?? language);
      if (choice) return { choice, steps, fellBack: true };
    } else if (context.windowOpen) {
      steps.push({ candidate: 'plain text', outcome: 'chosen', reason: '24-hour window open' });
      return { choice: { kind: 'text', text: step.text }, steps, fellBack: true };
    } else steps.push({ candidate: 'plain text', outcome: 'skipped', reason: '24-hour window closed' });
  }
  throw userError(
    TemplateErrorCode.noUsableFallback,
    `template ${name} (${language}) cannot be sent and no fallback is usable: ${steps.map((s) => `${s.candidate}: ${s.reason}`).join('; ')}`,
    { steps },
  );
}
