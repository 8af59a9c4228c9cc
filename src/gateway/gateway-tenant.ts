import type { EncryptionConfig } from './encryption-config.js';
import type { MediaHandling } from './media-protection.js';
import type { PlatformSender } from './platform-message.js';
import type { SegmentTriggers } from './secure-segment-triggers.js';

/** How the customer's identity reaches the platform (issue 5: as it is, masked, or a pseudonym). */
export interface IdentityPolicy {
  /**
   * `phone`: the E.164 number; `opaque`: a stable pseudonym Veil maps back on replies; `masked`: the
   * pseudonym as the identity key (masked numbers collide) and the masked number in the display name.
   */
  readonly id: 'phone' | 'opaque' | 'masked';
  readonly name: 'as-is' | 'masked' | 'omit';
}

/** What the gateway needs to know about one tenant. */
export interface GatewayTenant {
  readonly id: string;
  readonly identity: IdentityPolicy;
  /** The tenant's default encryption config (authors, types, operators). */
  readonly encryption: EncryptionConfig;
  /** Every named config, for conversations that chose one (absent: only the default). */
  readonly configs?: ReadonlyMap<string, EncryptionConfig> | undefined;
  /** Keyword rules on customer text that open a secure segment (absent: none). */
  readonly triggers?: SegmentTriggers | undefined;
  readonly platform: PlatformSender;
  /** What the platform sees for a message vaulted in a secure segment; `{token}` is replaced. */
  readonly secureNotice: string;
  /** Media protection (download, blob store, placeholder); absent: the plain `[image]` notice. */
  readonly media?: MediaHandling;
}
