/**
 * What the gateway hands to a contact-center platform: already protected, with a stable id so a
 * redelivery after a crash or a retry is recognised by the platform as the same message.
 */
export interface PlatformMessage {
  /** Stable across retries and restarts (the WhatsApp message id). */
  readonly id: string;
  readonly sender: {
    readonly id: string;
    readonly idType: 'Phone' | 'Opaque';
    readonly nickname?: string;
  };
  /** ISO-8601 time the customer sent it. */
  readonly time: string;
  readonly text: string;
}

export type DeliveryOutcome =
  | { readonly kind: 'delivered' }
  /** Worth trying again (429, 5xx, network); `retryAfterMs` when the platform said when. */
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** The platform refused it for good (a 4xx other than 401/408/429): retrying cannot help. */
  | { readonly kind: 'rejected'; readonly reason: string };

/** A platform adapter's inbound side, one per tenant. */
export interface PlatformSender {
  deliver(message: PlatformMessage): Promise<DeliveryOutcome>;
}
