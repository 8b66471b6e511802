/**
 * The rules a learner's password must meet, each with its own error code (the site's
 * pages and the JSON answers say which rule failed). bcrypt reads only the first 72
 * bytes of a password, so longer ones are refused rather than silently cut.
 */
import { COMMON_PASSWORDS } from './common-passwords';

export const MAX_PASSWORD_BYTES = 72;
/** Fewer different characters than this is a pattern, not a password ("aaaaaaaaaaaa", "abababababab"). */
const MIN_DISTINCT_CHARACTERS = 5;

export type PasswordProblem = 'password-too-short' | 'password-too-long' | 'password-is-email' | 'password-too-common';

export function passwordProblem(password: string, email: string, minLength: number): PasswordProblem | null {
  if ([...password].length < minLength) return 'password-too-short';
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return 'password-too-long';
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (
    lower === address ||
    lower.includes(address) ||
    (localPart.length >= 4 && lower.replace(/[^\p{L}\p{N}]/gu, '') === localPart.replace(/[^\p{L}\p{N}]/gu, ''))
  ) {
    return 'password-is-email';
  }
  if (COMMON_PASSWORDS.has(lower) || new Set(lower).size < MIN_DISTINCT_CHARACTERS) return 'password-too-common';
  return null;
}
