import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { newId } from '../ids.ts';

let t: TestApp;
let zone: { id: string; slug: string };
let admin: Agent;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  zone = await t.createZone();
  const account = await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true });
  adminId = account.id;
  admin = await t.login(account);
});
afterAll(async () => t.close());
// A fresh rate-limit window and TOTP step for every test.
beforeEach(() => t.clock.advance(61_000));

const key = () => `key-${randomBytes(8).toString('hex')}`;
const email = () => `invitee-${randomBytes(4).toString('hex')}@example.be`;
const invite = (address: string, role = 'officer') => ({
  email: address,
  displayName: 'Invitee',
  grants: [{ role }],
});
const url = () => `/api/zones/${zone.slug}/accounts`;

/** What one invitation leaves behind, counted in the database. */
async function traces(address: string) {
  const db = t.context.db;
  const accounts = await db
    .selectFrom('accounts')
    .select('id')
    .where(sql`lower(email)`, '=', address.toLowerCase())
    .execute();
  const ids = accounts.map((a) => a.id);
  const count = async (action: string) =>
    ids.length === 0
      ? 0
      : (
          await db
            .selectFrom('audit_entries')
            .select('id')
            .where('action', '=', action)
            .where('subject_id', 'in', ids)
            .execute()
        ).length;
  return {
    accounts: accounts.length,
    mails: (await db.selectFrom('mail_messages').select('id').where('to_address', '=', address).execute())
      .length,
    invitations:
      ids.length === 0
        ? 0
        : (
            await db
              .selectFrom('password_resets')
              .select('token_hash')
              .where('account_id', 'in', ids)
              .execute()
          ).length,
    invitedAudits: await count('account.invited'),
    roleAudits: await count('account.roles_changed'),
  };
}

async function keyRows(idempotencyKey: string) {
  return t.context.db.selectFrom('idempotency_keys').selectAll().where('key', '=', idempotencyKey).execute();
}

describe('Idempotency-Key on a creating POST', () => {
  it('replays the first response for the same key and body, and creates once', async () => {
    const k = key();
    const address = email();
    const first = await admin.post(url(), invite(address), { 'idempotency-key': k });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(first.json()).toMatchObject({ email: address, grants: [{ role: 'officer', areaIds: [] }] });

    const second = await admin.post(url(), invite(address), { 'idempotency-key': k });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(second.body).toBe(first.body);

    expect(await traces(address)).toEqual({
      accounts: 1,
      mails: 1,
      invitations: 1,
      invitedAudits: 1,
      roleAudits: 1,
    });
    const rows = await keyRows(k);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      scope: adminId,
      status_code: 201,
      route: 'POST /api/zones/:zone/accounts',
    });
  });

  it('keeps replaying on later retries', async () => {
    const k = key();
    const address = email();
    const first = await admin.post(url(), invite(address), { 'idempotency-key': k });
    for (let i = 0; i < 3; i += 1) {
      const again = await admin.post(url(), invite(address), { 'idempotency-key': k });
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
    }
    expect((await traces(address)).roleAudits).toBe(1);
  });

  it('refuses the same key with a different body (422 idempotency_key_reused) and changes nothing', async () => {
    const k = key();
    const address = email();
    expect((await admin.post(url(), invite(address), { 'idempotency-key': k })).statusCode).toBe(201);
    const other = email();
    const reused = await admin.post(url(), invite(other), { 'idempotency-key': k });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
    const changedRole = await admin.post(url(), invite(address, 'analyst'), { 'idempotency-key': k });
    expect(changedRole.json().error.code).toBe('idempotency_key_reused');
    expect(await traces(other)).toMatchObject({ accounts: 0, mails: 0 });
    expect(await traces(address)).toMatchObject({ accounts: 1, roleAudits: 1 });
  });

  it('refuses the same key on another zone (the URL is part of the request)', async () => {
    const otherZone = await t.createZone();
    await t.context.db
      .insertInto('role_grants')
      .values({
        id: newId(),
        zone_id: otherZone.id,
        account_id: adminId,
        role: 'administrator',
        area_ids: '[]',
      })
      .execute();
    const k = key();
    const address = email();
    expect((await admin.post(url(), invite(address), { 'idempotency-key': k })).statusCode).toBe(201);
    const elsewhere = await admin.post(`/api/zones/${otherZone.slug}/accounts`, invite(address), {
      'idempotency-key': k,
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error.code).toBe('idempotency_key_reused');
  });

  it.each([
    ['too short', 'short'],
    ['with spaces', 'has spaces in it'],
    ['with punctuation', 'key.with.dots!'],
    ['too long', 'k'.repeat(129)],
  ])('refuses a key %s (400 idempotency_key_invalid) and creates nothing', async (_name, badKey) => {
    const address = email();
    const response = await admin.post(url(), invite(address), { 'idempotency-key': badKey });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('idempotency_key_invalid');
    expect(await traces(address)).toMatchObject({ accounts: 0, mails: 0 });
    expect(await keyRows(badKey)).toHaveLength(0);
  });

  it('accepts keys of 8 and of 128 characters', async () => {
    for (const k of [randomBytes(4).toString('hex'), `${'k'.repeat(112)}${randomBytes(8).toString('hex')}`]) {
      expect(k.length === 8 || k.length === 128).toBe(true);
      const response = await admin.post(url(), invite(email()), { 'idempotency-key': k });
      expect(response.statusCode).toBe(201);
    }
  });

  it('leaves no key behind when the work fails, so a corrected retry with the same key succeeds', async () => {
    const k = key();
    const address = email();
    const unknownArea = '01900000-0000-7000-8000-000000000001';
    const failed = await admin.post(
      url(),
      { ...invite(address), grants: [{ role: 'officer', areaIds: [unknownArea] }] },
      { 'idempotency-key': k },
    );
    expect(failed.statusCode).toBe(404);
    expect(failed.json().error.code).toBe('area_not_found');
    expect(await keyRows(k)).toHaveLength(0);
    expect(await traces(address)).toMatchObject({ accounts: 0, mails: 0 });

    const corrected = await admin.post(url(), invite(address), { 'idempotency-key': k });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(await traces(address)).toMatchObject({ accounts: 1, mails: 1 });
    expect(await keyRows(k)).toHaveLength(1);
  });

  it('leaves no key behind when the body fails validation', async () => {
    const k = key();
    const address = email();
    const invalid = await admin.post(
      url(),
      { email: address, displayName: '', grants: [] },
      { 'idempotency-key': k },
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('validation_failed');
    expect(await keyRows(k)).toHaveLength(0);
    const corrected = await admin.post(url(), invite(address), { 'idempotency-key': k });
    expect(corrected.statusCode).toBe(201);
  });

  it('scopes keys to the account: another administrator’s identical request is not a replay', async () => {
    const other = await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true });
    const otherAdmin = await t.login(other);
    const k = key();
    const address = email();
    const mine = await admin.post(url(), invite(address), { 'idempotency-key': k });
    const theirs = await otherAdmin.post(url(), invite(address), { 'idempotency-key': k });
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).toBe(mine.json().id);
    expect(await traces(address)).toMatchObject({ accounts: 1, mails: 1, roleAudits: 2 });
    expect(await keyRows(k)).toHaveLength(2);
  });

  it('replays to two identical requests sent at the same time, creating once', async () => {
    const k = key();
    const address = email();
    const responses = await Promise.all([
      admin.post(url(), invite(address), { 'idempotency-key': k }),
      admin.post(url(), invite(address), { 'idempotency-key': k }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(responses.map((r) => r.headers['idempotent-replayed'] ?? 'no').sort()).toEqual(['no', 'true']);
    expect(responses[0]?.json()).toEqual(responses[1]?.json());
    expect(await traces(address)).toEqual({
      accounts: 1,
      mails: 1,
      invitations: 1,
      invitedAudits: 1,
      roleAudits: 1,
    });
  });
});

describe('without an Idempotency-Key', () => {
  it('runs the work every time: the second invitation of the same address finds the same account', async () => {
    const address = email();
    const first = await admin.post(url(), invite(address));
    const second = await admin.post(url(), invite(address));
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().id).toBe(first.json().id);
    // One account and one invitation mail, but the roles were written twice (unlike with a key).
    expect(await traces(address)).toEqual({
      accounts: 1,
      mails: 1,
      invitations: 1,
      invitedAudits: 1,
      roleAudits: 2,
    });
  });

  it('stores no key', async () => {
    const before = await t.context.db.selectFrom('idempotency_keys').select('key').execute();
    expect((await admin.post(url(), invite(email()))).statusCode).toBe(201);
    const after = await t.context.db.selectFrom('idempotency_keys').select('key').execute();
    expect(after).toHaveLength(before.length);
  });
});
