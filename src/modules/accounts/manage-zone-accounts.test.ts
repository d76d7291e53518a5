import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';

let t: TestApp;
let zone: { id: string; slug: string };
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_LOGIN_MAX_FAILURES: '2' } });
  zone = await t.createZone();
  admin = await t.login(
    await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
  );
});
afterAll(async () => t.close());

const mailsTo = async (email: string) =>
  t.context.db
    .selectFrom('mail_messages')
    .select(['template', 'body_text'])
    .where('to_address', '=', email)
    .execute();

describe('invitations', () => {
  it('invites a new person, who appears with a pending invitation and gets one mail', async () => {
    const response = await admin.post(`/api/zones/${zone.slug}/accounts`, {
      email: 'new.officer@example.be',
      displayName: 'New Officer',
      grants: [{ role: 'officer', areaIds: [] }],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ invitationPending: true, grants: [{ role: 'officer' }] });
    expect(await mailsTo('new.officer@example.be')).toHaveLength(1);
  });

  it('sends the invitation again with a new working link', async () => {
    const list = (await admin.get(`/api/zones/${zone.slug}/accounts?search=new.officer`)).json();
    const id = list.items[0].id as string;
    const again = await admin.post(`/api/zones/${zone.slug}/accounts/${id}/invitation`);
    expect(again.statusCode).toBe(200);
    const mails = await mailsTo('new.officer@example.be');
    expect(mails).toHaveLength(2);
    const token = /#token=([\w-]+)/.exec(mails[1]?.body_text ?? '')?.[1];
    expect(token).toBeDefined();
    const chosen = await t
      .anonymous()
      .post('/api/auth/password-reset/confirm', { token, password: 'a long enough passphrase' });
    expect(chosen.statusCode).toBe(200);
    const after = await admin.post(`/api/zones/${zone.slug}/accounts/${id}/invitation`);
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('invitation_not_pending');
  });

  it('does not reveal or touch accounts outside the zone', async () => {
    const stranger = await t.createAccount();
    const response = await admin.post(`/api/zones/${zone.slug}/accounts/${stranger.id}/unlock`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('account_not_found');
  });
});

describe('unlocking', () => {
  it('lifts a lockout so the person can log in at once', async () => {
    const officer = await t.createAccount({ grants: [{ zoneId: zone.id, role: 'officer' }] });
    for (const attempt of ['wrong one', 'wrong two']) {
      await t.anonymous().post('/api/auth/login', { email: officer.email, password: attempt });
    }
    const locked = await t
      .anonymous()
      .post('/api/auth/login', { email: officer.email, password: officer.password });
    expect(locked.json().error.code).toBe('account_locked');
    const listed = (await admin.get(`/api/zones/${zone.slug}/accounts?search=${officer.email}`)).json();
    expect(listed.items[0].locked).toBe(true);
    const unlocked = await admin.post(`/api/zones/${zone.slug}/accounts/${officer.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().locked).toBe(false);
    const login = await t
      .anonymous()
      .post('/api/auth/login', { email: officer.email, password: officer.password });
    expect(login.statusCode).toBe(200);
    const audit = await t.context.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', officer.id)
      .where('action', '=', 'account.unlocked')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
