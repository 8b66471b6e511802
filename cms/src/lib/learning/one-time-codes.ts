/**
 * The codes in confirmation and password-reset links. Only their SHA-256 is stored,
 * so a copy of the database opens no account. A reset code carries its expiry in
 * clear before a dot (the hash covers it, so it cannot be changed).
 */
import crypto from 'node:crypto';

export const hashCode = (code: string): string => crypto.createHash('sha256').update(code).digest('hex');

export const newConfirmationCode = (): string => crypto.randomBytes(24).toString('hex');

export const RESET_CODE_LIFETIME_MS = 60 * 60 * 1000;

export const newResetCode = (now = Date.now()): string => `${now + RESET_CODE_LIFETIME_MS}.${crypto.randomBytes(24).toString('hex')}`;

/** Whether a reset code is well formed and not expired (whether it is someone's is for the database to say). */
export function resetCodeUsable(code: string, now = Date.now()): boolean {
  const match = /^(\d{13})\.[0-9a-f]{48}$/.exec(code);
  return Boolean(match && Number(match[1]) > now);
}
