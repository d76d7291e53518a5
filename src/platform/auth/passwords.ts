/**
 * Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes) and the
 * password rule: at least 12 characters and not one of the most common.
 */
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 exports Algorithm as a const enum, which isolatedModules
// cannot inline; 2 is Algorithm.Argon2id.
const ARGON2ID = 2;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: checked when the account does not exist so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
  return dummyHash;
}

const COMMON = new Set([
  'password1234',
  '123456789012',
  'qwertyuiopas',
  'wachtwoord123',
  'motdepasse123',
  'passwort1234',
  'welkom123456',
  'azertyuiop12',
  'iloveyou1234',
  'administrator',
  'nabijnabij12',
]);

export function isAcceptablePassword(password: string): boolean {
  if ([...password].length < 12 || password.length > 200) return false;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return false;
  // One character repeated (or three characters in turn) is not a password.
  if (new Set(lower).size < 4) return false;
  // Nor is a plain run of consecutive characters, such as "234567890123" or "abcdefghijkl".
  if (isConsecutiveRun(lower)) return false;
  return true;
}

function isConsecutiveRun(text: string): boolean {
  let ascending = 0;
  let descending = 0;
  for (let i = 1; i < text.length; i += 1) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    if (step === 1 || (text[i - 1] === '9' && text[i] === '0')) ascending += 1;
    if (step === -1 || (text[i - 1] === '0' && text[i] === '9')) descending += 1;
  }
  return ascending === text.length - 1 || descending === text.length - 1;
}
