import { describe, expect, it } from 'vitest';
import { dummyPasswordHash, hashPassword, isAcceptablePassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('hashes with argon2id and the OWASP parameters (19 MiB, 2 passes, 1 lane)', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toContain('correct horse');
  });

  it('salts every hash: the same password hashes differently each time', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(b, 'correct horse battery staple')).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Zeer geheim wachtwoord 42');
    expect(await verifyPassword(hash, 'Zeer geheim wachtwoord 42')).toBe(true);
    expect(await verifyPassword(hash, 'zeer geheim wachtwoord 42')).toBe(false);
    expect(await verifyPassword(hash, 'Zeer geheim wachtwoord 4')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('answers false (does not throw) for a malformed stored hash', async () => {
    await expect(verifyPassword('not a hash', 'anything at all')).resolves.toBe(false);
    await expect(verifyPassword('', 'anything at all')).resolves.toBe(false);
  });

  it('keeps one dummy hash for unknown accounts, which matches no ordinary password', async () => {
    const first = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(first);
    expect(first.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(first, 'correct horse battery staple')).toBe(false);
  });
});

describe('isAcceptablePassword', () => {
  it('accepts 12 characters or more', () => {
    expect(isAcceptablePassword('tulp-fiets-9')).toBe(true);
    expect(isAcceptablePassword('correct horse battery staple')).toBe(true);
    expect(isAcceptablePassword('x'.repeat(100) + 'abc')).toBe(true);
  });

  it('refuses fewer than 12 characters', () => {
    expect(isAcceptablePassword('')).toBe(false);
    expect(isAcceptablePassword('tulp-fiets9')).toBe(false); // 11
    expect(isAcceptablePassword('tulp-fiets-9')).toBe(true); // 12
  });

  it('counts characters, not UTF-16 units', () => {
    const eleven = [...'🚲🌷🏠🔑🌧🚓🐈🍟🎈🧇🪁'];
    expect(eleven).toHaveLength(11);
    expect(eleven.join('').length).toBeGreaterThan(12); // 22 UTF-16 units
    expect(isAcceptablePassword(eleven.join(''))).toBe(false);
    expect(isAcceptablePassword(eleven.join('') + '🦔')).toBe(true);
  });

  it('refuses more than 200 characters', () => {
    const base = 'abcdefghij';
    expect(isAcceptablePassword(base.repeat(20))).toBe(true);
    expect(isAcceptablePassword(base.repeat(20) + 'k')).toBe(false);
  });

  it('refuses the most common passwords, whatever their case', () => {
    for (const common of [
      'password1234',
      'Password1234',
      'WACHTWOORD123',
      'MotDePasse123',
      'azertyuiop12',
      'Administrator',
    ]) {
      expect(isAcceptablePassword(common)).toBe(false);
    }
  });

  it('refuses a long password made of fewer than four different characters', () => {
    expect(isAcceptablePassword('aaaaaaaaaaaaaaaa')).toBe(false);
    expect(isAcceptablePassword('abababababababab')).toBe(false);
    expect(isAcceptablePassword('AbcAbcAbcAbcAbc')).toBe(false); // a, b, c case-insensitively
    expect(isAcceptablePassword('abcdabcdabcd')).toBe(true);
  });
});
