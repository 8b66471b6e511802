/**
 * The multibase and multicodec encodings Data Integrity uses: base58btc (`z` prefix) for
 * proof values and Multikey public keys, base64url without padding (`u` prefix) for a
 * Bitstring Status List, and the ed25519-pub multicodec header (0xed 0x01).
 */
const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ED25519_PUB_HEADER = [0xed, 0x01];

export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i]!;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8;
      digits[j] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  return (
    '1'.repeat(zeros) +
    digits
      .reverse()
      .map((d) => BASE58_ALPHABET[d])
      .join('')
  );
}

export function base58btcDecode(text: string): Uint8Array {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (let i = zeros; i < text.length; i++) {
    let carry = BASE58_ALPHABET.indexOf(text[i]!);
    if (carry < 0) throw new Error(`base58btc: "${text[i]}" is not a base58 digit`);
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

/** `z` + base58btc. */
export const multibaseBase58 = (bytes: Uint8Array) => `z${base58btcEncode(bytes)}`;

export function fromMultibaseBase58(text: string): Uint8Array {
  if (!text.startsWith('z')) throw new Error('multibase: expected base58btc (a leading "z")');
  return base58btcDecode(text.slice(1));
}

export function base64urlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlDecode(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A raw 32-byte Ed25519 public key as a Multikey `publicKeyMultibase` (`z6Mk...`). */
export function ed25519PublicKeyMultibase(raw: Uint8Array): string {
  if (raw.length !== 32) throw new Error('Ed25519 public keys are 32 bytes');
  return multibaseBase58(Uint8Array.from([...ED25519_PUB_HEADER, ...raw]));
}

/** The raw 32-byte Ed25519 key of a Multikey `publicKeyMultibase`. */
export function ed25519PublicKeyFromMultibase(text: string): Uint8Array {
  const bytes = fromMultibaseBase58(text);
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB_HEADER[0] || bytes[1] !== ED25519_PUB_HEADER[1]) {
    throw new Error('Multikey: not an ed25519-pub key');
  }
  return bytes.slice(2);
}
