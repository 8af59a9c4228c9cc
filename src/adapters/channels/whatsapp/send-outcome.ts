import type { ChannelSendOutcome } from '../../../gateway/outbound-relay.js';
import { ProviderError } from './template-errors.js';

/**
 * A Graph send as the outbound worker needs it: sent, worth retrying (rate limits, 5xx, network:
 * the error table's `retryable`), or failed for good with the receipt reason the platform should
 * see. Outside the 24-hour window is `MessageExpired`: the agent must use a template.
 */
export async function whatsappSendOutcome(
  send: Promise<{ readonly messageId: string }>,
): Promise<ChannelSendOutcome> {
  try {
    const { messageId } = await send;
    return { kind: 'sent', messageId };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const reason = error.code;
    if (error.retryable) return { kind: 'retry', reason, retryAfterMs: error.retryAfterMs };
    switch (error.providerCode) {
      case 131047:
        return { kind: 'failed', code: 'MessageExpired', reason: '24-hour customer service window closed' };
      case 131026:
        return { kind: 'failed', code: 'InvalidDestination', reason: 'the customer cannot receive messages' };
      case 131048:
      case 131049:
        return { kind: 'failed', code: 'RateLimited', reason: 'WhatsApp limited messages to this customer' };
      default:
        return { kind: 'failed', code: 'GeneralError', reason: `WhatsApp refused the message (${reason})` };
    }
  }
}
