/**
 * A customer message as the gateway keeps it in the inbox, independent of the channel's wire format.
 */
export interface ChannelMessage {
  /** The channel's id (WhatsApp `wamid`): the dedup key and the platform's stable message id. */
  readonly id: string;
  /** The customer's channel address (WhatsApp id, digits only). */
  readonly customer: string;
  readonly profileName?: string;
  /** When the customer sent it, epoch milliseconds. */
  readonly sentAt: number;
  /** The channel's message type (text, image, location…). */
  readonly type: string;
  /** What the customer wrote: the text, a caption, a reply's title, a rendered location; may be empty. */
  readonly text: string;
  /** A short description of content that is not forwarded as such ("[image]"). */
  readonly notice?: string;
  /** The channel's media object (image, document, audio, video, sticker): fetched only when protected. */
  readonly media?: ChannelMedia;
}

export interface ChannelMedia {
  /** The channel's media id (WhatsApp: valid 7 days from the webhook). */
  readonly id: string;
  readonly mimeType: string;
  /** SHA-256 of the file as the channel announced it, base64 (WhatsApp webhooks). */
  readonly sha256?: string;
}

export interface TenantMessage {
  readonly tenant: string;
  readonly message: ChannelMessage;
}
