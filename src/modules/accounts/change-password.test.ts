import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('changing the password', () => {
  it('needs the current password, then ends the other sessions and keeps this one working', async () => {
    const account = await t.createAccount();
    const here = await t.login(account);
    const elsewhere = await t.login(account);
    const wrong = await here.post('/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');

    const changed = await here.post('/api/auth/password', {
      currentPassword: account.password,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.statusCode).toBe(200);
    here.csrfToken = changed.json().csrfToken;
    expect((await here.get('/api/auth/me')).json().account.email).toBe(account.email);
    expect((await elsewhere.get('/api/auth/me')).json().account).toBeNull();

    const oldLogin = await t
      .anonymous()
      .post('/api/auth/login', { email: account.email, password: account.password });
    expect(oldLogin.statusCode).toBe(401);
    await t.login({ ...account, password: 'a brand new passphrase' });
  });

  it('refuses a weak new password and keeps the old one', async () => {
    const account = await t.createAccount();
    const agent = await t.login(account);
    const weak = await agent.post('/api/auth/password', {
      currentPassword: account.password,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('password_too_weak');
    t.clock.advance(61_000);
    await t.login(account);
  });
});
