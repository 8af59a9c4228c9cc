/** What the vault records for everything that reveals or destroys data. Never carries a value. */
export type AuditAction =
  | 'reveal'
  | 'erase-subject'
  | 'delete-token'
  | 'rotate-key'
  | 'rewrap-keys'
  | 'retire-key'
  /** Media bytes opened through Veil (`GET /v1/media/{token}`), allowed or not. */
  | 'open-media';

export interface AuditEvent {
  readonly id: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly tenant: string;
  readonly principal: string;
  readonly action: AuditAction;
  /** The token (tokens are not secret), a digest for inline ciphertexts, or a subject id. */
  readonly target: string | null;
  readonly type: string | null;
  readonly purpose: string | null;
  readonly level: string | null;
  /** `ok` or an error code. */
  readonly outcome: string;
}

export interface AuditLog {
  append(events: readonly AuditEvent[]): Promise<void>;
  /** Newest first. */
  list(filter: { readonly tenant?: string; readonly limit: number }): Promise<AuditEvent[]>;
}
