/** SHA-256 of a file, streamed (uploads can be large). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

export const sha256Text = (text: string | Buffer): string => crypto.createHash('sha256').update(text).digest('hex');
