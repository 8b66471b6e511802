/**
 * The issuer's Ed25519 signing keys: made on first start, kept in the database with the
 * private part encrypted (AES-256-GCM, with a key derived by HKDF from ENCRYPTION_KEY),
 * never in git. Rotating retires the current key and makes a new one; retired keys stay
 * published so that certificates they signed still verify.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { SIGNING_KEYS_TABLE, type Db, type SigningKeyRow } from './tables';
import type { WebCryptoKey } from '../credentials';

const FORMAT = 'v1';

function wrappingKey(): Buffer {
  const secret = process.env.ENCRYPTION_KEY;
  if (!secret) throw new Error('ENCRYPTION_KEY is not set: the certificates signing key cannot be stored');
  return Buffer.from(hkdfSync('sha256', secret, 'ssc-learning-signing-keys', 'ed25519 private key', 32));
}

export function encryptPrivateKey(pkcs8: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(), iv);
  const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

export function decryptPrivateKey(stored: string): Uint8Array {
  const [format, iv, tag, body] = stored.split(':');
  if (format !== FORMAT || !iv || !tag || !body) throw new Error('signing key: unknown storage format');
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]));
}

const newKeyId = (now: Date) => `key-${now.toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;

async function createKey(db: Db, now: Date): Promise<SigningKeyRow> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as unknown as {
    privateKey: WebCryptoKey;
    publicKey: WebCryptoKey;
  };
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const row = {
    key_id: newKeyId(now),
    public_key: Buffer.from(raw).toString('base64'),
    private_key_encrypted: encryptPrivateKey(pkcs8),
    created_at: now,
    retired_at: null,
  };
  await db(SIGNING_KEYS_TABLE).insert(row);
  return (await db(SIGNING_KEYS_TABLE).where({ key_id: row.key_id }).first()) as SigningKeyRow;
}

/** The key that signs now, made when there is none (first start). */
export async function ensureSigningKey(db: Db, now = new Date()): Promise<SigningKeyRow> {
  const current = (await db(SIGNING_KEYS_TABLE).whereNull('retired_at').orderBy('id', 'desc').first()) as SigningKeyRow | undefined;
  return current ?? createKey(db, now);
}

/** Retires the current key and makes a new one; returns the new key. */
export async function rotateSigningKey(db: Db, now = new Date()): Promise<SigningKeyRow> {
  await db(SIGNING_KEYS_TABLE).whereNull('retired_at').update({ retired_at: now });
  return createKey(db, now);
}

/** Every key, oldest first: the issuer profile publishes them all. */
export async function allSigningKeys(db: Db): Promise<SigningKeyRow[]> {
  return (await db(SIGNING_KEYS_TABLE).orderBy('id', 'asc')) as SigningKeyRow[];
}

export async function importPrivateKey(row: SigningKeyRow): Promise<WebCryptoKey> {
  return crypto.subtle.importKey('pkcs8', new Uint8Array(decryptPrivateKey(row.private_key_encrypted)), { name: 'Ed25519' }, false, ['sign']);
}

export const publicKeyBytes = (row: SigningKeyRow) => new Uint8Array(Buffer.from(row.public_key, 'base64'));
