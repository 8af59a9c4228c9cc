import { describe, expect, it } from 'vitest';
import { toChannelMessage } from './webhook-channel-message.js';
import { eventsFromWebhook } from './webhook-events.js';
import { verifyWhatsAppSignature, whatsappSignature } from './webhook-signature.js';

const envelope = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
            ...value,
          },
        },
      ],
    },
  ],
});

const msg = (type: string, body: Record<string, unknown>, id = `wamid.${type}`) => ({
  from: '5511987654321',
  id,
  timestamp: '1749416383',
  type,
  ...body,
});

const media = { id: 'm1', mime_type: 'image/jpeg', sha256: 'SfInY0gG=' };

describe('WhatsApp webhook parsing', () => {
  it('turns every documented inbound type into a channel message', () => {
    const body = envelope({
      contacts: [{ profile: { name: 'Ana' }, wa_id: '5511987654321' }],
      messages: [
        msg('text', { text: { body: 'oi' } }),
        msg('image', { image: { ...media, caption: 'meu RG' } }),
        msg('document', { document: { ...media, filename: 'a.pdf', mime_type: 'application/pdf' } }),
        msg('audio', { audio: { ...media, mime_type: 'audio/ogg', voice: true } }),
        msg('video', { video: { ...media, mime_type: 'video/mp4' } }),
        msg('sticker', { sticker: { ...media, mime_type: 'image/webp' } }),
        msg('interactive', {
          interactive: { type: 'button_reply', button_reply: { id: 'b', title: 'Sim' } },
        }),
        msg(
          'interactive',
          { interactive: { type: 'list_reply', list_reply: { id: 'l', title: 'Cartão' } } },
          'wamid.list',
        ),
        msg('button', { button: { payload: 'P', text: 'Falar com atendente' } }),
        msg('location', {
          location: { latitude: -23.5, longitude: -46.6, name: 'Casa', address: 'Rua A, 10' },
        }),
        msg('contacts', {
          contacts: [{ name: { formatted_name: 'Bia' }, phones: [{ phone: '+55 11 91234-5678' }] }],
        }),
        msg('unsupported', { errors: [{ code: 131051, title: 'Message type unknown' }] }),
        msg('reaction', { reaction: { emoji: '👍', message_id: 'x' } }),
        msg('text', { text: 'not an object' }, 'wamid.malformed'),
      ],
    });
    const { messages, statuses } = eventsFromWebhook(body);
    expect(statuses).toEqual([]);
    const channel = messages.map(toChannelMessage);
    expect(channel.map((m) => [m.type, m.text, m.notice ?? ''])).toEqual([
      ['text', 'oi', ''],
      ['image', 'meu RG', '[image]'],
      ['document', '', '[document]'],
      ['audio', '', '[audio]'],
      ['video', '', '[video]'],
      ['sticker', '', '[sticker]'],
      ['interactive', 'Sim', ''],
      ['interactive', 'Cartão', ''],
      ['button', 'Falar com atendente', ''],
      ['location', 'Casa, Rua A, 10 (-23.5, -46.6)', '[location]'],
      ['contacts', 'Bia +55 11 91234-5678', '[contact]'],
      ['unsupported', '', '[unsupported message]'],
      ['unsupported', '', '[unsupported message]'],
      ['unsupported', '', '[unsupported message]'],
    ]);
    expect(channel[0]).toMatchObject({
      id: 'wamid.text',
      customer: '5511987654321',
      profileName: 'Ana',
      sentAt: 1749416383000,
    });
  });

  it('reads statuses and ignores other fields', () => {
    const body = envelope({
      statuses: [{ id: 'wamid.out', status: 'delivered', timestamp: '1', recipient_id: '5511987654321' }],
    });
    (body.entry[0]!.changes as unknown[]).push({ field: 'account_update', value: { anything: true } });
    const { messages, statuses } = eventsFromWebhook(body);
    expect(messages).toEqual([]);
    expect(statuses).toEqual([
      {
        phoneNumberId: '106540352242922',
        status: { id: 'wamid.out', status: 'delivered', timestamp: '1', recipient_id: '5511987654321' },
      },
    ]);
  });

  it('rejects a body that is not a WhatsApp webhook', () => {
    expect(() => eventsFromWebhook({ object: 'page', entry: [] })).toThrow();
  });

  it('checks the signature over the exact bytes', () => {
    const raw = Buffer.from('{"a":"\\u00e9\\/"}');
    const header = whatsappSignature('secret', raw);
    expect(verifyWhatsAppSignature('secret', raw, header)).toBe(true);
    expect(
      verifyWhatsAppSignature('secret', Buffer.from(JSON.stringify(JSON.parse(raw.toString()))), header),
    ).toBe(false);
    expect(verifyWhatsAppSignature('other', raw, header)).toBe(false);
    expect(verifyWhatsAppSignature('secret', raw, undefined)).toBe(false);
    expect(verifyWhatsAppSignature('secret', raw, 'sha256=short')).toBe(false);
  });
});
