/**
 * Why a restore will not go ahead. Each refusal says what is wrong in words an
 * operator can act on; the task prints the message and exits without touching
 * the target.
 */
export type RefusalKind =
  /** The archive is not intact: truncated, a checksum that does not match, a member or the manifest missing. */
  | 'damaged'
  /** The archive is intact but does not fit the target: another database client, an unknown format version. */
  | 'mismatched'
  /** The target database or uploads folder already holds data (allowed with --force). */
  | 'not-empty'
  /** The target runs with other secrets than the backed-up instance (allowed with --accept-new-secrets). */
  | 'secrets';

export class RestoreRefused extends Error {
  readonly kind: RefusalKind;
  constructor(kind: RefusalKind, message: string) {
    super(message);
    this.name = 'RestoreRefused';
    this.kind = kind;
  }
}

export const damaged = (message: string) => new RestoreRefused('damaged', `damaged archive: ${message}`);
export const mismatched = (message: string) => new RestoreRefused('mismatched', `archive does not fit this instance: ${message}`);
