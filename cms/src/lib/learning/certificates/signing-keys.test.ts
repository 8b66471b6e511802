import { afterEach, describe, expect, it } from 'vitest';
import { decryptPrivateKey, encryptPrivateKey } from './signing-keys';

const saved = process.env.ENCRYPTION_KEY;
afterEach(() => {
  process.env.ENCRYPTION_KEY = saved;
});

describe('the signing key at rest', () => {
  it('is encrypted (AES-256-GCM, a fresh IV each time) and decrypts with the same ENCRYPTION_KEY only', () => {
    process.env.ENCRYPTION_KEY = 'first secret';
    const pkcs8 = Uint8Array.from({ length: 48 }, (_, i) => i);
    const stored = encryptPrivateKey(pkcs8);
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(Buffer.from(pkcs8).toString('base64'));
    expect(encryptPrivateKey(pkcs8)).not.toBe(stored);
    expect(decryptPrivateKey(stored)).toEqual(pkcs8);
    process.env.ENCRYPTION_KEY = 'another secret';
    expect(() => decryptPrivateKey(stored)).toThrow();
  });

  it('refuses to store a key without ENCRYPTION_KEY', () => {
    delete process.env.ENCRYPTION_KEY;
    expect(() => encryptPrivateKey(new Uint8Array(48))).toThrow(/ENCRYPTION_KEY/);
  });
});
