/**
 * Encryption of personal data at rest (reporter contact details, TOTP secrets):
 * AES-256-GCM with a random 96-bit nonce per value. The stored form is
 * "v1.<nonce>.<ciphertext+tag>" in base64url, versioned so the key can rotate.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface PersonalDataCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export function createPersonalDataCipher(key: Buffer): PersonalDataCipher {
  if (key.length !== 32) throw new Error('The encryption key must be 32 bytes');
  return {
    encrypt(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `v1.${nonce.toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt(stored) {
      const [version, nonceText, bodyText] = stored.split('.');
      if (version !== 'v1' || nonceText === undefined || bodyText === undefined) {
        throw new Error('Unknown encrypted value format');
      }
      const body = Buffer.from(bodyText, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceText, 'base64url'));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
