/** Opaque cursors: base64url JSON, checked on the way back in. */
import { errors } from '@strapi/utils';

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Cursors this API makes are well under this; a longer one is refused before it is decoded. */
export const MAX_CURSOR_LENGTH = 512;

export function decodeCursor<T>(cursor: string, check: (value: unknown) => value is T): T {
  if (cursor.length > MAX_CURSOR_LENGTH)
    throw new errors.ValidationError(`cursor: longer than ${MAX_CURSOR_LENGTH} characters, not a cursor this API returned`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new errors.ValidationError('cursor: not a cursor this API returned');
  }
  if (!check(value)) throw new errors.ValidationError('cursor: not a cursor this API returned');
  return value;
}
