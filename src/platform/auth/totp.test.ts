import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  otpauthUrl,
  TOTP_STEP_SECONDS,
  totpCode,
  totpStep,
  verifyTotp,
} from './totp.ts';

// RFC 6238, appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

describe('TOTP codes (RFC 6238)', () => {
  it.each(RFC_VECTORS)('matches the SHA-1 test vector at T=%i', (seconds, expected) => {
    const step = totpStep(new Date(seconds * 1000));
    expect(step).toBe(Math.floor(seconds / 30));
    expect(totpCode(RFC_SECRET, step, 8)).toBe(expected);
  });

  it.each(RFC_VECTORS)(
    'makes 6-digit codes by default (the last 6 digits of the vector at T=%i)',
    (seconds, expected) => {
      const code = totpCode(RFC_SECRET, totpStep(new Date(seconds * 1000)));
      expect(code).toMatch(/^\d{6}$/);
      expect(code).toBe(expected.slice(-6));
    },
  );

  it('uses 30-second steps', () => {
    expect(TOTP_STEP_SECONDS).toBe(30);
    expect(totpStep(new Date(29_999))).toBe(0);
    expect(totpStep(new Date(30_000))).toBe(1);
  });

  it('generates 160-bit base32 secrets that differ each time', () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(a).not.toBe(b);
  });

  it('builds an otpauth URL authenticator apps understand', () => {
    const url = new URL(otpauthUrl(RFC_SECRET, 'an.officer@example.be', 'Nabij'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(RFC_SECRET);
    expect(url.searchParams.get('issuer')).toBe('Nabij');
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(url.pathname)).toContain('Nabij:an.officer@example.be');
  });
});

describe('base32', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as the RFC 4648 vector %j (without padding)', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain, 'ascii'))).toBe(encoded);
    expect(base32Decode(encoded).toString('ascii')).toBe(plain);
  });

  it('round-trips random bytes of every length from 0 to 64', () => {
    for (let length = 0; length <= 64; length += 1) {
      const bytes = randomBytes(length);
      const encoded = base32Encode(bytes);
      expect(encoded).toMatch(/^[A-Z2-7]*$/);
      expect(encoded).toHaveLength(Math.ceil((length * 8) / 5));
      expect(base32Decode(encoded).equals(bytes)).toBe(true);
    }
  });

  it('decodes what people type: lower case, spaces, dashes and padding', () => {
    expect(base32Decode('mzxw 6ytb-oi======').toString('ascii')).toBe('foobar');
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow();
    expect(() => base32Decode('MZXW8')).toThrow();
  });
});

describe('verifyTotp', () => {
  // A fixed moment in the middle of a step, so ±1 step never crosses a boundary by accident.
  const at = new Date((1_700_000_000 + 15) * 1000);
  const now = totpStep(at);
  const secret = base32Encode(Buffer.from('a fixed secret for the tests', 'ascii'));

  it('accepts the current step and returns it', () => {
    expect(verifyTotp(secret, totpCode(secret, now), at)).toBe(now);
  });

  it('accepts one step before and one step after (clock drift) and returns that step', () => {
    expect(verifyTotp(secret, totpCode(secret, now - 1), at)).toBe(now - 1);
    expect(verifyTotp(secret, totpCode(secret, now + 1), at)).toBe(now + 1);
  });

  it('refuses codes two steps away', () => {
    const window = [now - 1, now, now + 1].map((step) => totpCode(secret, step));
    for (const step of [now - 2, now + 2, now - 3, now + 3]) {
      const code = totpCode(secret, step);
      if (window.includes(code)) continue; // a collision would be legitimately accepted
      expect(verifyTotp(secret, code, at)).toBeNull();
    }
  });

  it('refuses a code made with another secret', () => {
    const other = generateTotpSecret();
    const code = totpCode(other, now);
    const window = [now - 1, now, now + 1].map((step) => totpCode(secret, step));
    expect(window).not.toContain(code);
    expect(verifyTotp(secret, code, at)).toBeNull();
  });

  it('refuses anything that is not exactly six digits', () => {
    const good = totpCode(secret, now);
    for (const bad of [
      '',
      'abcdef',
      '12a456',
      `${good}0`,
      good.slice(0, 5),
      ` ${good}`,
      `${good}\n`,
      '１２３４５６',
    ]) {
      expect(verifyTotp(secret, bad, at)).toBeNull();
    }
    expect(verifyTotp(secret, good, at)).toBe(now);
  });
});
