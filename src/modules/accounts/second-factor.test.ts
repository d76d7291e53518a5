import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { totpCode, totpStep, verifyTotp } from '../../platform/auth/totp.ts';

let t: TestApp;
let zone: { id: string; slug: string };
beforeAll(async () => {
  t = await createTestApp();
  zone = await t.createZone();
});
afterAll(async () => t.close());
// A fresh rate-limit window and a fresh TOTP step for every test.
beforeEach(() => t.clock.advance(61_000));

const accountsUrl = () => `/api/zones/${zone.slug}/accounts`;

/** A six-digit code that the secret does not accept right now. */
function wrongCode(secret: string): string {
  for (let n = 0; ; n += 1) {
    const code = String((Number(t.totp(secret)) + 1 + n) % 1_000_000).padStart(6, '0');
    if (verifyTotp(secret, code, t.clock.now()) === null) return code;
  }
}

async function passwordStep(account: { email: string; password: string }) {
  const agent = t.anonymous();
  const response = await agent.post('/api/auth/login', { email: account.email, password: account.password });
  expect(response.statusCode).toBe(200);
  agent.csrfToken = response.json().csrfToken;
  return { agent, response };
}

describe('logging in with a second factor', () => {
  it('asks for the code after the password, and the pending session can do nothing else', async () => {
    const account = await t.createAccount({
      grants: [{ zoneId: zone.id, role: 'administrator' }],
      totp: true,
    });
    const { agent, response } = await passwordStep(account);
    expect(response.json().status).toBe('second_factor_required');
    expect(agent.cookie).not.toBeNull();

    const list = await agent.get(accountsUrl());
    expect(list.statusCode).toBe(401);
    expect(list.json().error.code).toBe('second_factor_required');
    // Not even its own second-factor settings: that would let a password alone replace the factor.
    const setup = await agent.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(401);
    expect(setup.json().error.code).toBe('second_factor_required');

    const me = (await agent.get('/api/auth/me')).json();
    expect(me.secondFactorPending).toBe(true);
    expect(me.secondFactorVerified).toBe(false);
    expect(me.grants).toEqual([]);
  });

  it('refuses a wrong code, then accepts the right one with a new session (the old token is dead)', async () => {
    const account = await t.createAccount({
      grants: [{ zoneId: zone.id, role: 'administrator' }],
      totp: true,
    });
    const secret = account.totpSecret ?? '';
    const { agent } = await passwordStep(account);
    const pendingCookie = agent.cookie;

    const wrong = await agent.post('/api/auth/second-factor', { code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_second_factor');

    const right = await agent.post('/api/auth/second-factor', { code: t.totp(secret) });
    expect(right.statusCode).toBe(200);
    expect(right.json().status).toBe('signed_in');
    expect(agent.cookie).not.toBeNull();
    expect(agent.cookie).not.toBe(pendingCookie);
    agent.csrfToken = right.json().csrfToken;

    const list = await agent.get(accountsUrl());
    expect(list.statusCode).toBe(200);
    const me = (await agent.get('/api/auth/me')).json();
    expect(me).toMatchObject({ secondFactorPending: false, secondFactorVerified: true });

    const old = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: pendingCookie ?? '' },
    });
    expect(old.json().account).toBeNull();
    const oldList = await t.app.inject({
      method: 'GET',
      url: accountsUrl(),
      headers: { cookie: pendingCookie ?? '' },
    });
    expect(oldList.statusCode).toBe(401);
  });

  it('accepts a code from the step before or after (clock drift)', async () => {
    const account = await t.createAccount({ totp: true });
    const secret = account.totpSecret ?? '';
    const { agent } = await passwordStep(account);
    const early = await agent.post('/api/auth/second-factor', { code: t.totp(secret, 1) });
    expect(early.json().status).toBe('signed_in');
  });

  it('refuses a code that was already used (replay), and an older one, until the next step', async () => {
    const account = await t.createAccount({ totp: true });
    const secret = account.totpSecret ?? '';
    const code = t.totp(secret);

    const first = await passwordStep(account);
    expect((await first.agent.post('/api/auth/second-factor', { code })).json().status).toBe('signed_in');

    const second = await passwordStep(account);
    const replay = await second.agent.post('/api/auth/second-factor', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_second_factor');
    const older = await second.agent.post('/api/auth/second-factor', { code: t.totp(secret, -1) });
    expect(older.json().error.code).toBe('invalid_second_factor');

    t.clock.advance(30_000);
    const next = await second.agent.post('/api/auth/second-factor', { code: t.totp(secret) });
    expect(next.statusCode).toBe(200);
    expect(next.json().status).toBe('signed_in');
  });

  it('counts wrong codes towards the lockout and ends the pending session when it locks', async () => {
    const account = await t.createAccount({ totp: true });
    const secret = account.totpSecret ?? '';
    const { agent } = await passwordStep(account);
    const responses = [];
    for (let i = 0; i < t.config.loginMaxFailures; i += 1) {
      responses.push(await agent.post('/api/auth/second-factor', { code: wrongCode(secret) }));
    }
    expect(responses.slice(0, -1).map((r) => r.json().error.code)).toEqual(
      Array(t.config.loginMaxFailures - 1).fill('invalid_second_factor'),
    );
    expect(responses.at(-1)?.statusCode).toBe(423);
    expect(responses.at(-1)?.json().error.code).toBe('account_locked');
    const after = await agent.post('/api/auth/second-factor', { code: t.totp(secret) });
    expect(after.statusCode).toBe(401);
    expect((await agent.get('/api/auth/me')).json().account).toBeNull();
  });
});

describe('setting up the second factor', () => {
  it('makes an administrator without TOTP set it up, after which the admin route works in the new session', async () => {
    const account = await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }] });
    const agent = await t.login(account);
    const oldCookie = agent.cookie;

    const refused = await agent.get(accountsUrl());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('second_factor_setup_required');

    const setup = await agent.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json() as { secret: string; otpauthUrl: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(new URL(otpauthUrl).searchParams.get('secret')).toBe(secret);
    // The secret waits as pending, stored encrypted, not as given to the user.
    const stored = await t.context.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_pending_secret).not.toBeNull();
    expect(stored.totp_pending_secret).not.toContain(secret);
    expect(stored.totp_secret).toBeNull();
    expect(stored.totp_enabled).toBe(false);

    const step = totpStep(t.clock.now());
    const wrong = await agent.post('/api/auth/totp/enable', { code: wrongCode(secret) });
    expect(wrong.json().error.code).toBe('invalid_second_factor');

    const enabled = await agent.post('/api/auth/totp/enable', { code: totpCode(secret, step) });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().status).toBe('signed_in');
    expect(agent.cookie).not.toBe(oldCookie);
    agent.csrfToken = enabled.json().csrfToken;

    const list = await agent.get(accountsUrl());
    expect(list.statusCode).toBe(200);
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: oldCookie ?? '' },
    });
    expect(old.json().account).toBeNull();

    // From now on logging in asks for the code from the new secret.
    t.clock.advance(30_000);
    const next = await t.login({ ...account, totpSecret: secret });
    expect((await next.get(accountsUrl())).statusCode).toBe(200);
  });

  it('does not let an administrator turn the second factor off', async () => {
    const account = await t.createAccount({
      grants: [{ zoneId: zone.id, role: 'administrator' }],
      totp: true,
    });
    const agent = await t.login(account);
    t.clock.advance(30_000);
    const response = await agent.post('/api/auth/totp/disable', { code: t.totp(account.totpSecret ?? '') });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    const stored = await t.context.db
      .selectFrom('accounts')
      .select('totp_enabled')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_enabled).toBe(true);
  });

  it('lets a non-administrator turn it off with a valid code', async () => {
    const account = await t.createAccount({ grants: [{ zoneId: zone.id, role: 'officer' }], totp: true });
    const secret = account.totpSecret ?? '';
    const agent = await t.login(account);
    t.clock.advance(30_000);

    const wrong = await agent.post('/api/auth/totp/disable', { code: wrongCode(secret) });
    expect(wrong.json().error.code).toBe('invalid_second_factor');

    const response = await agent.post('/api/auth/totp/disable', { code: t.totp(secret) });
    expect(response.statusCode).toBe(200);
    const stored = await t.context.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_enabled).toBe(false);
    expect(stored.totp_secret).toBeNull();

    const { response: login } = await passwordStep(account);
    expect(login.json().status).toBe('signed_in');
  });

  // A second factor that is on must stay on until a new one is confirmed: starting a setup is not
  // a way around "administrators cannot disable TOTP" or around the code that /totp/disable asks for.
  it('keeps an enabled second factor on when a new setup is started but not confirmed', async () => {
    const account = await t.createAccount({
      grants: [{ zoneId: zone.id, role: 'administrator' }],
      totp: true,
    });
    const agent = await t.login(account);
    const setup = await agent.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);

    const stored = await t.context.db
      .selectFrom('accounts')
      .select('totp_enabled')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_enabled).toBe(true);
    t.clock.advance(30_000);
    const { response } = await passwordStep(account);
    expect(response.json().status).toBe('second_factor_required');
  });
});
