/**
 * Fingerprints of the CMS's secrets, so that a restore can tell whether the target
 * runs with the same ones without the archive ever holding a secret. Each
 * fingerprint is scrypt(secret, salt), with a random salt per archive: it cannot be
 * turned back into the secret, and the slow hash makes guessing a weak one costly.
 */
import crypto from 'node:crypto';

/**
 * Secrets that stored data depends on: a restored instance without them loses it.
 * - API_TOKEN_SALT: API tokens are stored as HMACs keyed by it; with another salt, no token works.
 * - TRANSFER_TOKEN_SALT: the same for data-transfer tokens.
 * - ENCRYPTION_KEY: encrypts the stored API token keys the admin panel can show again.
 */
export const DATA_SECRETS = ['API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY'] as const;
/** Secrets that only sign sessions: with others, people sign in again and nothing is lost. */
export const SESSION_SECRETS = ['ADMIN_JWT_SECRET', 'JWT_SECRET', 'APP_KEYS'] as const;
export const FINGERPRINTED_SECRETS = [...DATA_SECRETS, ...SESSION_SECRETS] as const;
export type SecretName = (typeof FINGERPRINTED_SECRETS)[number];

const PARAMS = { N: 1 << 14, r: 8, p: 1, keylen: 32 } as const;

export interface SecretFingerprints {
  algorithm: 'scrypt';
  params: { N: number; r: number; p: number; keylen: number };
  /** base64 */
  salt: string;
  /** hex; a secret that was not set has no entry. */
  fingerprints: Partial<Record<SecretName, string>>;
}

function fingerprint(name: string, value: string, salt: Buffer, params: SecretFingerprints['params']): string {
  const { N, r, p, keylen } = params;
  return crypto.scryptSync(`${name}\u0000${value}`, salt, keylen, { N, r, p, maxmem: 256 * N * r }).toString('hex');
}

export function fingerprintSecrets(env: Record<string, string | undefined>): SecretFingerprints {
  const salt = crypto.randomBytes(16);
  const fingerprints: SecretFingerprints['fingerprints'] = {};
  for (const name of FINGERPRINTED_SECRETS) {
    const value = env[name];
    if (value) fingerprints[name] = fingerprint(name, value, salt, PARAMS);
  }
  return { algorithm: 'scrypt', params: { ...PARAMS }, salt: salt.toString('base64'), fingerprints };
}

export interface SecretComparison {
  /** Data secrets that differ from (or are missing next to) the backed-up instance's. */
  dataSecretsDiffer: SecretName[];
  /** Session secrets that differ: people will have to sign in again. */
  sessionSecretsDiffer: SecretName[];
}

/** Compares the target's secrets with the fingerprints of the backed-up instance's. */
export function compareSecrets(recorded: SecretFingerprints, env: Record<string, string | undefined>): SecretComparison {
  const salt = Buffer.from(recorded.salt, 'base64');
  const differs = (name: SecretName) => {
    const expected = recorded.fingerprints[name];
    const value = env[name];
    if (!expected) return false; // not set when the backup was made: nothing to keep
    if (!value) return true;
    const actual = Buffer.from(fingerprint(name, value, salt, recorded.params), 'hex');
    const wanted = Buffer.from(expected, 'hex');
    return actual.length !== wanted.length || !crypto.timingSafeEqual(actual, wanted);
  };
  return {
    dataSecretsDiffer: DATA_SECRETS.filter(differs),
    sessionSecretsDiffer: SESSION_SECRETS.filter(differs),
  };
}
