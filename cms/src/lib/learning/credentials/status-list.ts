/**
 * Bitstring Status List (W3C): one bit per issued credential, set when it is revoked.
 * The list is GZIP-compressed and written as multibase base64url (`u` prefix); bit 0 is
 * the most significant bit of the first byte. The minimum length (131,072 bits, 16 KB)
 * hides which few entries are in use.
 */
import { base64urlDecode, base64urlEncode } from './multibase';

export const STATUS_LIST_BITS = 131_072;

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The bitstring with the given indexes set. */
export function bitstringOf(setIndexes: Iterable<number>, bits = STATUS_LIST_BITS): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(bits / 8));
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= bits) throw new RangeError(`status list index ${index} is out of range`);
    bytes[index >> 3]! |= 0x80 >> (index & 7);
  }
  return bytes;
}

export function isBitSet(bitstring: Uint8Array, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= bitstring.length * 8) throw new RangeError(`status list index ${index} is out of range`);
  return (bitstring[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

export async function encodeStatusList(bitstring: Uint8Array): Promise<string> {
  return `u${base64urlEncode(await through(bitstring, new CompressionStream('gzip')))}`;
}

export async function decodeStatusList(encodedList: string): Promise<Uint8Array> {
  if (!encodedList.startsWith('u')) throw new Error('status list: expected multibase base64url (a leading "u")');
  return through(base64urlDecode(encodedList.slice(1)), new DecompressionStream('gzip'));
}
