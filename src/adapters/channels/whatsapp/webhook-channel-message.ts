import type { ChannelMessage } from '../../../gateway/channel-message.js';
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
      return { ...base, text: m.image.caption ?? '', notice: '[image]' };
    case 'video':
      return { ...base, text: m.video.caption ?? '', notice: '[video]' };
    case 'document':
      return { ...base, text: m.document.caption ?? '', notice: '[document]' };
    case 'audio':
    case 'sticker':
      return { ...base, text: '', notice: `[${m.type}]` };
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
