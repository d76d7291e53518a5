import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPersonalDataCipher } from './personal-data-cipher.ts';

const key = randomBytes(32);
const cipher = createPersonalDataCipher(key);

/** Flips one bit of the byte at `index` of a base64url part. */
function flipByte(part: string, index: number): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

describe('personal data cipher', () => {
  it.each([
    '',
    'Jan Peeters, +32 470 12 34 56',
    'rue de l’Église 12, 1000 Bruxelles — ç ü ø 🚓',
    'x'.repeat(10_000),
  ])('round-trips %j', (plain) => {
    const stored = cipher.encrypt(plain);
    expect(cipher.decrypt(stored)).toBe(plain);
  });

  it('stores a versioned value that does not contain the plain text', () => {
    const stored = cipher.encrypt('jan.peeters@example.be');
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('peeters');
    const [, nonce, body] = stored.split('.');
    expect(Buffer.from(nonce ?? '', 'base64url')).toHaveLength(12);
    // ciphertext (same length as the UTF-8 plain text) + 16-byte tag
    expect(Buffer.from(body ?? '', 'base64url')).toHaveLength(
      Buffer.byteLength('jan.peeters@example.be') + 16,
    );
  });

  it('encrypts the same input differently every time (random nonce)', () => {
    const values = new Set(Array.from({ length: 50 }, () => cipher.encrypt('same input')));
    expect(values.size).toBe(50);
    for (const value of values) expect(cipher.decrypt(value)).toBe('same input');
  });

  it('detects tampering with the ciphertext, the tag or the nonce', () => {
    const stored = cipher.encrypt('Jan Peeters');
    const [version, nonce = '', body = ''] = stored.split('.');
    const bodyLength = Buffer.from(body, 'base64url').length;
    expect(() => cipher.decrypt(`${version}.${nonce}.${flipByte(body, 0)}`)).toThrow();
    expect(() => cipher.decrypt(`${version}.${nonce}.${flipByte(body, bodyLength - 1)}`)).toThrow();
    expect(() => cipher.decrypt(`${version}.${flipByte(nonce, 0)}.${body}`)).toThrow();
    expect(() =>
      cipher.decrypt(
        `${version}.${nonce}.${Buffer.from(body, 'base64url').subarray(1).toString('base64url')}`,
      ),
    ).toThrow();
    expect(() => cipher.decrypt(`${version}.${nonce}.`)).toThrow();
    expect(cipher.decrypt(stored)).toBe('Jan Peeters');
  });

  it('fails with the wrong key', () => {
    const stored = cipher.encrypt('Jan Peeters');
    const other = createPersonalDataCipher(randomBytes(32));
    expect(() => other.decrypt(stored)).toThrow();
    const almost = Buffer.from(key);
    almost[31] = (almost[31] ?? 0) ^ 0x80;
    expect(() => createPersonalDataCipher(almost).decrypt(stored)).toThrow();
    expect(createPersonalDataCipher(Buffer.from(key)).decrypt(stored)).toBe('Jan Peeters');
  });

  it('refuses values of an unknown format or version', () => {
    const [, nonce, body] = cipher.encrypt('Jan Peeters').split('.');
    expect(() => cipher.decrypt(`v2.${nonce}.${body}`)).toThrow(/format/);
    expect(() => cipher.decrypt('Jan Peeters')).toThrow(/format/);
    expect(() => cipher.decrypt(`v1.${nonce}`)).toThrow(/format/);
  });

  it('accepts only a 32-byte key', () => {
    expect(() => createPersonalDataCipher(randomBytes(16))).toThrow(/32 bytes/);
    expect(() => createPersonalDataCipher(randomBytes(33))).toThrow(/32 bytes/);
    expect(() => createPersonalDataCipher(Buffer.alloc(0))).toThrow(/32 bytes/);
  });
});
