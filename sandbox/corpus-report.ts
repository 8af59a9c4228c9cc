/**
 * Labelled messages sent through the simulators and what the platform received of them: each
 * message once, each customer's order, and the labelled sensitive strings that reached the platform
 * as they were. Shared by the end-to-end test and `npm run bench:gateway-corpus`.
 */

export interface LabelledMessage {
  readonly text: string;
  readonly entities: readonly { readonly type: string; readonly start: number; readonly end: number }[];
}

export interface SentMessage {
  readonly customer: string;
  /** The WhatsApp message id, which the gateway forwards as the platform's message id. */
  readonly id: string;
  readonly message: LabelledMessage;
}

export interface PlatformMessage {
  readonly channel: { readonly messageId: string };
  readonly text?: string;
}

export interface CorpusReport {
  readonly sent: number;
  readonly arrivedOnce: number;
  readonly orderBroken: number;
  /** Labelled values the platform received as they are, by type. */
  readonly leaks: Readonly<Record<string, number>>;
  readonly totals: Readonly<Record<string, number>>;
}

/** Injects every message as a customer's WhatsApp message, `perCustomer` consecutive messages per customer. */
export async function sendThroughWhatsApp(
  whatsappUrl: string,
  messages: readonly LabelledMessage[],
  perCustomer: number,
): Promise<SentMessage[]> {
  const sent: SentMessage[] = [];
  for (const [i, message] of messages.entries()) {
    const customer = `55119${String(20_000_000 + Math.floor(i / perCustomer))}`;
    const response = await fetch(`${whatsappUrl}/__sim/customers/${customer}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'text', text: message.text }),
    });
    if (!response.ok) throw new Error(`the WhatsApp simulator refused message ${i}: ${response.status}`);
    const { id } = (await response.json()) as { id: string };
    sent.push({ customer, id, message });
  }
  return sent;
}

/**
 * As the eval kit's text mode counts leaks: the value as a whole token, not inside another one
 * ("031" inside an expiry "01/2031" or inside a token is not the CVV 031 leaking).
 */
function containsAsWhole(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1] ?? ' ';
    const after = haystack[at + needle.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

export function reportCorpusDelivery(
  sent: readonly SentMessage[],
  received: readonly PlatformMessage[],
): CorpusReport {
  const copies = new Map<string, number>();
  const first = new Map<string, { index: number; text: string }>();
  received.forEach((m, index) => {
    const id = m.channel.messageId;
    copies.set(id, (copies.get(id) ?? 0) + 1);
    if (!first.has(id)) first.set(id, { index, text: m.text ?? '' });
  });
  let orderBroken = 0;
  const lastIndex = new Map<string, number>();
  const leaks: Record<string, number> = {};
  const totals: Record<string, number> = {};
  for (const s of sent) {
    const arrival = first.get(s.id);
    const at = arrival?.index ?? -1;
    if (at < (lastIndex.get(s.customer) ?? -1)) orderBroken++;
    lastIndex.set(s.customer, at);
    for (const e of s.message.entities) {
      totals[e.type] = (totals[e.type] ?? 0) + 1;
      if (containsAsWhole(arrival?.text ?? '', s.message.text.slice(e.start, e.end)))
        leaks[e.type] = (leaks[e.type] ?? 0) + 1;
    }
  }
  return {
    sent: sent.length,
    arrivedOnce: sent.filter((s) => copies.get(s.id) === 1).length,
    orderBroken,
    leaks,
    totals,
  };
}
