import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';

let t: TestApp;
let zone: { id: string; slug: string };
beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_LOGIN_MAX_FAILURES: '3', NABIJ_LOGIN_LOCKOUT_MINUTES: '15' } });
  zone = await t.createZone();
});
afterAll(async () => t.close());

describe('logging in', () => {
  it('signs in with the right password and shows the account', async () => {
    const account = await t.createAccount({ grants: [{ zoneId: zone.id, role: 'officer' }] });
    const agent = await t.login(account);
    const me = await agent.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.account.email).toBe(account.email);
    expect(body.grants).toEqual([{ zone: zone.slug, zoneName: 'Testzone', role: 'officer', areaIds: [] }]);
    expect(body.csrfToken).toBe(agent.csrfToken);
  });

  it('refuses a wrong password with a stable code and a translated message', async () => {
    const account = await t.createAccount();
    const response = await t
      .anonymous()
      .post(
        '/api/auth/login',
        { email: account.email, password: 'wrong password!' },
        { 'accept-language': 'nl-BE,nl;q=0.9' },
      );
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toEqual({
      code: 'invalid_credentials',
      message: 'Het e-mailadres of wachtwoord is niet juist.',
    });
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const response = await t
      .anonymous()
      .post('/api/auth/login', { email: 'nobody@example.be', password: 'whatever password' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
  });

  it('locks the account after repeated failures, even against the right password, until the lock ends', async () => {
    const account = await t.createAccount();
    const anonymous = t.anonymous();
    for (let i = 0; i < 2; i += 1) {
      const r = await anonymous.post('/api/auth/login', {
        email: account.email,
        password: 'bad password ' + i,
      });
      expect(r.json().error.code).toBe('invalid_credentials');
    }
    const third = await anonymous.post('/api/auth/login', {
      email: account.email,
      password: 'bad password 3',
    });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('account_locked');
    const right = await anonymous.post('/api/auth/login', {
      email: account.email,
      password: account.password,
    });
    expect(right.json().error.code).toBe('account_locked');
    t.clock.advance(16 * 60_000);
    const later = await anonymous.post('/api/auth/login', {
      email: account.email,
      password: account.password,
    });
    expect(later.statusCode).toBe(200);
  });

  it('rejects malformed input with validation details', async () => {
    const response = await t.anonymous().post('/api/auth/login', { email: 'not-an-email' });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('validation_failed');
    const paths = error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('body/password');
    expect(paths).toContain('body/email');
  });

  it('logs out: the session cookie no longer works', async () => {
    const account = await t.createAccount();
    const agent = await t.login(account);
    const cookie = agent.cookie;
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    const reuse = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookie ?? '' },
    });
    expect(reuse.json().account).toBeNull();
  });

  it('expires an idle session', async () => {
    const account = await t.createAccount();
    const agent = await t.login(account);
    t.clock.advance((t.config.sessionIdleMinutes + 1) * 60_000);
    expect((await agent.get('/api/auth/me')).json().account).toBeNull();
  });

  it('expires a session at its absolute lifetime even when it is used', async () => {
    const account = await t.createAccount();
    const agent = await t.login(account);
    const steps = Math.ceil((t.config.sessionAbsoluteHours * 60) / 30);
    for (let i = 0; i < steps; i += 1) {
      t.clock.advance(30 * 60_000);
      await agent.get('/api/auth/me');
    }
    expect((await agent.get('/api/auth/me')).json().account).toBeNull();
  });
});

describe('CSRF protection', () => {
  it('refuses a write with the session cookie but without the CSRF token', async () => {
    const account = await t.createAccount();
    const agent = await t.login(account);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: agent.cookie ?? '' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('refuses a write from a foreign origin', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'a@b.be', password: 'x' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });
});
