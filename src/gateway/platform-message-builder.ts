import type { ChannelMessage } from './channel-message.js';
import { protectsAuthor, type EncryptionConfig } from './encryption-config.js';
import type { GatewayTenant } from './gateway-tenant.js';
import type { PlatformMessage } from './platform-message.js';
import { maskPhone } from './masked-phone.js';
import type { TextProtector } from './text-protector.js';

export interface BuildDependencies {
  readonly protector: TextProtector;
  /** Inside a secure segment: the whole text is vaulted and the platform gets only a notice. */
  readonly secure?: boolean;
  /** The conversation's encryption config, when it chose one; the tenant's default otherwise. */
  readonly encryption?: EncryptionConfig | undefined;
  readonly pseudonym: (customer: string) => Promise<string>;
}

/** "Ana Souza" → "A*** S***": enough for an agent to greet, not enough to identify. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part.length > 0)
    .map((part) => `${[...part][0]}***`)
    .join(' ');
}

/**
 * The protected message for the platform: the customer's text through the tenant's policy, the
 * customer's identity as the tenant's identity policy says, and the channel's id kept as the
 * stable message id.
 */
export async function platformMessageFor(
  message: ChannelMessage,
  tenant: GatewayTenant,
  deps: BuildDependencies,
): Promise<PlatformMessage> {
  const context = { tenant: tenant.id, subjectId: message.customer, conversationId: message.customer };
  const encryption = deps.encryption ?? tenant.encryption;
  // Media first: a download that must be retried then leaves no text tokens behind.
  const notice = tenant.media
    ? await tenant.media.placeholder(message, deps.secure === true || encryption.media)
    : message.notice;
  const text = deps.secure
    ? message.text.length === 0
      ? ''
      : tenant.secureNotice.replace(
          '{token}',
          await deps.protector.vaultWhole(message.text, 'SECURE_INPUT', context),
        )
    : protectsAuthor(encryption, 'customer')
      ? await deps.protector.protect(message.text, encryption.policy, context)
      : message.text;
  const body = [notice, text].filter((part) => part !== undefined && part.length > 0).join(' ');
  const sender =
    tenant.identity.id === 'phone'
      ? { id: `+${message.customer}`, idType: 'Phone' as const }
      : { id: await deps.pseudonym(message.customer), idType: 'Opaque' as const };
  const name = message.profileName;
  const shownName =
    name === undefined || tenant.identity.name === 'omit'
      ? undefined
      : tenant.identity.name === 'masked'
        ? maskName(name)
        : name;
  const nickname =
    tenant.identity.id !== 'masked'
      ? shownName
      : shownName === undefined
        ? maskPhone(message.customer)
        : `${shownName} (${maskPhone(message.customer)})`;
  return {
    id: message.id,
    sender: { ...sender, ...(nickname === undefined ? {} : { nickname }) },
    time: new Date(message.sentAt).toISOString(),
    // Open Messaging needs text or content; an empty message (e.g. a sticker) still says what it was.
    text: body.length > 0 ? body : `[${message.type}]`,
  };
}
