import { describe, expect, it } from 'vitest';
import { isVeilError } from '../errors.js';
import { sendTemplateWithFallback, type TemplateSenderPorts } from './template-sender.js';
import type { TemplateDefinition } from './template-schema.js';
import { validateDefinition } from './validate-definition.js';

const definition = validateDefinition({
  name: 'welcome',
  category: 'UTILITY',
  fallback: [{ template: 'not_in_folder' }, { text: 'Welcome back to the store.' }],
  languages: {
    en_US: { components: [{ type: 'BODY', text: 'Welcome to the store, we are glad you came.' }] },
  },
}).definition as TemplateDefinition;

const sent: string[] = [];
const ports = (statuses: Record<string, string>, windowOpen: boolean): TemplateSenderPorts => ({
  definitionOf: (name) => (name === 'welcome' ? definition : undefined),
  statusOf: (name, language) => statuses[`${name}/${language}`],
  lastCustomerMessageAt: () => (windowOpen ? new Date('2026-03-01T11:00:00Z') : undefined),
  now: () => new Date('2026-03-01T12:00:00Z'),
  sendTemplate: async (body) => {
    sent.push(`template:${body.template.name}`);
    return { messageId: 'wamid.1' };
  },
  sendText: async () => {
    sent.push('text');
    return { messageId: 'wamid.2' };
  },
});

describe('sendTemplateWithFallback', () => {
  it('refuses a template the folder does not define', async () => {
    const error = await sendTemplateWithFallback(
      { to: '+1', name: 'nope', language: 'en_US', values: {} },
      ports({}, true),
    ).catch((e: unknown) => e);
    expect(isVeilError(error) && error.code).toBe('VEIL_ERR_TEMPLATE_UNKNOWN');
  });

  it('skips an approved fallback that the folder does not define and reaches the text step', async () => {
    sent.length = 0;
    const outcome = await sendTemplateWithFallback(
      { to: '+1', name: 'welcome', language: 'en_US', values: {} },
      ports({ 'welcome/en_US': 'REJECTED', 'not_in_folder/en_US': 'APPROVED' }, true),
    );
    expect(sent).toEqual(['text']);
    expect(outcome.decision.steps.map((s) => s.reason)).toEqual([
      'status REJECTED',
      'status NOT DEFINED IN THE FOLDER',
      '24-hour window open',
    ]);
  });
});
