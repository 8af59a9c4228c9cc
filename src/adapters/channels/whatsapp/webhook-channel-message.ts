import type { ChannelMedia, ChannelMessage } from '../../../gateway/channel-message.js';
import type { CustomerMessage } from './webhook-events.js';

/**
 * A WhatsApp message as the gateway's ChannelMessage: what the customer wrote goes to `text` (so it
 * is protected like any text); content Veil does not forward as such gets a short `notice`.
 */
export function toChannelMessage(event: CustomerMessage): ChannelMessage {
  const m = event.message;
  const base = {
    id: m.id,
    customer: event.waId,
    sentAt: Number(m.timestamp) * 1000,
    type: m.type,
    ...(event.profileName === undefined ? {} : { profileName: event.profileName }),
  };
  switch (m.type) {
    case 'text':
      return { ...base, text: m.text.body };
    case 'image':
      return { ...base, text: m.image.caption ?? '', notice: '[image]', media: mediaOf(m.image) };
    case 'video':
      return { ...base, text: m.video.caption ?? '', notice: '[video]', media: mediaOf(m.video) };
    case 'document':
      // The file name stays out: it can name the customer or a document number.
      return { ...base, text: m.document.caption ?? '', notice: '[document]', media: mediaOf(m.document) };
    case 'audio':
      return { ...base, text: '', notice: '[audio]', media: mediaOf(m.audio) };
    case 'sticker':
      return { ...base, text: '', notice: '[sticker]', media: mediaOf(m.sticker) };
    case 'interactive':
      return {
        ...base,
        text:
          m.interactive.type === 'button_reply'
            ? m.interactive.button_reply.title
            : m.interactive.list_reply.title,
      };
    case 'button':
      return { ...base, text: m.button.text };
    case 'location': {
      const { latitude, longitude, name, address } = m.location;
      const place = [name, address].filter((p) => p !== undefined && p.length > 0).join(', ');
      return { ...base, text: `${place} (${latitude}, ${longitude})`.trim(), notice: '[location]' };
    }
    case 'contacts': {
      const lines = m.contacts.map((card) =>
        [
          card.name?.formatted_name,
          ...(card.phones ?? []).map((p) => p.phone),
          ...(card.emails ?? []).map((e) => e.email),
        ]
          .filter((v) => v !== undefined && v.length > 0)
          .join(' '),
      );
      return { ...base, text: lines.join('; '), notice: '[contact]' };
    }
    case 'unsupported':
      return { ...base, text: '', notice: '[unsupported message]' };
  }
}

function mediaOf(media: { id: string; mime_type: string; sha256?: string | undefined }): ChannelMedia {
  return {
    id: media.id,
    mimeType: media.mime_type,
    ...(media.sha256 === undefined ? {} : { sha256: media.sha256 }),
  };
}
