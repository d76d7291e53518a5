import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { hashToken } from '../../platform/auth/tokens.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_LOGIN_MAX_FAILURES: '3', NABIJ_LOGIN_LOCKOUT_MINUTES: '15' } });
});
afterAll(async () => t.close());
// Every test starts in a fresh rate-limit window.
beforeEach(() => t.clock.advance(61_000));

const LINK = /(\S+)\/reset-password#token=([A-Za-z0-9_-]+)/;

async function mailsTo(email: string) {
  return t.context.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', email)
    .orderBy('id')
    .execute();
}

function request(email: string, headers: Record<string, string> = {}) {
  return t.anonymous().post('/api/auth/password-reset/request', { email }, headers);
}

function confirm(token: string, password: string) {
  return t.anonymous().post('/api/auth/password-reset/confirm', { token, password });
}

/** Asks for a reset and returns the token from the mail it queued. */
async function tokenFor(email: string): Promise<string> {
  const before = (await mailsTo(email)).length;
  expect((await request(email)).statusCode).toBe(202);
  const mails = await mailsTo(email);
  expect(mails).toHaveLength(before + 1);
  const token = LINK.exec(mails.at(-1)?.body_text ?? '')?.[2];
  if (!token) throw new Error('no reset link in the mail');
  return token;
}

function login(email: string, password: string) {
  return t.anonymous().post('/api/auth/login', { email, password });
}

describe('asking for a password reset', () => {
  it('queues exactly one mail with a link for a known address', async () => {
    const account = await t.createAccount();
    const response = await request(account.email);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ ok: true });
    const mails = await mailsTo(account.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'password_reset', status: 'pending' });
    const match = LINK.exec(mails[0]?.body_text ?? '');
    expect(match?.[1]).toBe(t.config.publicUrl);
    expect(mails[0]?.body_html).toContain(match?.[0]);
    // The database keeps only the token's HMAC.
    const token = match?.[2] ?? '';
    const resets = await t.context.db
      .selectFrom('password_resets')
      .selectAll()
      .where('account_id', '=', account.id)
      .execute();
    expect(resets).toHaveLength(1);
    expect(resets[0]?.token_hash).toBe(hashToken(t.context.secrets.sessionKey, token));
    expect(resets[0]?.token_hash).not.toContain(token);
  });

  it('finds the account whatever the case of the address', async () => {
    const account = await t.createAccount({ email: 'Lotte.Claes@Example.be' });
    expect((await request('lotte.claes@example.BE')).statusCode).toBe(202);
    expect(await mailsTo(account.email)).toHaveLength(1);
  });

  it('answers an unknown address exactly like a known one and sends nothing', async () => {
    const account = await t.createAccount();
    const known = await request(account.email);
    const unknownAddress = 'nobody-here@example.be';
    const unknown = await request(unknownAddress);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(await mailsTo(unknownAddress)).toHaveLength(0);
    expect(await mailsTo(account.email)).toHaveLength(1);
  });

  it('sends nothing to a disabled account', async () => {
    const account = await t.createAccount();
    await t.context.db
      .updateTable('accounts')
      .set({ disabled_at: t.clock.now() })
      .where('id', '=', account.id)
      .execute();
    expect((await request(account.email)).statusCode).toBe(202);
    expect(await mailsTo(account.email)).toHaveLength(0);
  });

  it('refuses the 6th request within a minute from the same client with 429 and Retry-After', async () => {
    // Start 10 s into a fresh minute so the expected Retry-After is known.
    const now = t.clock.now().getTime();
    t.clock.set(new Date(Math.ceil(now / 60_000) * 60_000 + 60_000 + 10_000));
    const account = await t.createAccount();
    for (let i = 0; i < 5; i += 1) expect((await request(account.email)).statusCode).toBe(202);
    t.clock.advance(5_000);
    const sixth = await request('someone-else@example.be');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('rate_limited');
    expect(sixth.headers['retry-after']).toBe('45');
    expect(await mailsTo(account.email)).toHaveLength(5);

    // Another client is not affected…
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      remoteAddress: '192.0.2.44',
      payload: { email: account.email },
    });
    expect(elsewhere.statusCode).toBe(202);
    // …and the same client may ask again in the next minute.
    t.clock.advance(45_000);
    expect((await request(account.email)).statusCode).toBe(202);
  });
});

describe('choosing a new password with the token', () => {
  it('sets the password: the new one logs in, the old one no longer does', async () => {
    const account = await t.createAccount();
    const token = await tokenFor(account.email);
    const response = await confirm(token, 'a brand new password 1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect((await login(account.email, 'a brand new password 1')).json().status).toBe('signed_in');
    const old = await login(account.email, account.password);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('invalid_credentials');
  });

  it('ends every existing session of the account', async () => {
    const account = await t.createAccount();
    const first = await t.login(account);
    const second = await t.login(account);
    expect((await first.get('/api/auth/me')).json().account?.id).toBe(account.id);
    const other = await t.createAccount();
    const bystander = await t.login(other);

    const token = await tokenFor(account.email);
    expect((await confirm(token, 'a brand new password 2')).statusCode).toBe(200);
    expect((await first.get('/api/auth/me')).json().account).toBeNull();
    expect((await second.get('/api/auth/me')).json().account).toBeNull();
    expect((await bystander.get('/api/auth/me')).json().account?.id).toBe(other.id);
  });

  it('lifts a lockout', async () => {
    const account = await t.createAccount();
    for (let i = 0; i < 3; i += 1) await login(account.email, `wrong password ${i}`);
    expect((await login(account.email, account.password)).json().error.code).toBe('account_locked');

    const token = await tokenFor(account.email);
    expect((await confirm(token, 'a brand new password 3')).statusCode).toBe(200);
    const after = await login(account.email, 'a brand new password 3');
    expect(after.statusCode).toBe(200);
    expect(after.json().status).toBe('signed_in');
  });

  it('works once', async () => {
    const account = await t.createAccount();
    const token = await tokenFor(account.email);
    expect((await confirm(token, 'a brand new password 4')).statusCode).toBe(200);
    const again = await confirm(token, 'yet another password 5');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('reset_token_invalid');
    expect((await login(account.email, 'a brand new password 4')).statusCode).toBe(200);
  });

  it('expires after 60 minutes', async () => {
    const account = await t.createAccount();
    const token = await tokenFor(account.email);
    t.clock.advance(61 * 60_000);
    const response = await confirm(token, 'a brand new password 6');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('reset_token_invalid');
    expect((await login(account.email, account.password)).statusCode).toBe(200);
  });

  it('still works just before the hour is up', async () => {
    const account = await t.createAccount();
    const token = await tokenFor(account.email);
    t.clock.advance(59 * 60_000);
    expect((await confirm(token, 'a brand new password 7')).statusCode).toBe(200);
  });

  it('refuses a weak password and leaves the token usable', async () => {
    const account = await t.createAccount();
    const token = await tokenFor(account.email);
    for (const weak of ['short', 'password1234', 'aaaaaaaaaaaaaaaa']) {
      const response = await confirm(token, weak);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('password_too_weak');
    }
    expect((await login(account.email, account.password)).statusCode).toBe(200);
    expect((await confirm(token, 'a strong password at last')).statusCode).toBe(200);
    expect((await login(account.email, 'a strong password at last')).statusCode).toBe(200);
  });

  it('refuses a made-up token', async () => {
    const response = await confirm('x'.repeat(43), 'a brand new password 8');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('reset_token_invalid');
  });
});
