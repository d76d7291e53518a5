/**
 * An administrator's Open311 API clients: the key is shown once and only its
 * HMAC is stored, lists show a hint, revoking is immediate, everything is
 * audited, and only administrators of the zone may do it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import { form, formHeaders, INSIDE, PREFIX, setUpZones, type Open311Setup } from './open311-test-support.ts';

let t: TestApp;
let s: Open311Setup;
let base = '';

beforeAll(async () => {
  t = await createTestApp();
  s = await setUpZones(t);
  base = `/api/zones/${s.zone.slug}/open311-clients`;
});
afterAll(async () => t.close());

/** Every text of every row of the tables that could hold it. */
async function databaseText(): Promise<string> {
  const tables = ['open311_clients', 'audit_entries', 'idempotency_keys'];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.context.db);
    parts.push(JSON.stringify(rows.rows));
  }
  return parts.join('\n');
}

function submit(apiKey: string) {
  return t.anonymous().request({
    method: 'POST',
    url: `${PREFIX}/requests.json`,
    payload: form({
      jurisdiction_id: s.zone.slug,
      api_key: apiKey,
      service_code: 'noise',
      lat: String(INSIDE.lat),
      long: String(INSIDE.long),
      description: 'Loud music every night from the hall at the corner',
    }),
    headers: formHeaders,
  });
}

describe('Open311 API clients', () => {
  let client: {
    id: string;
    name: string;
    apiKey: string;
    keyHint: string;
    createdAt: string;
    revokedAt: null;
  };

  it('issues a key shown once; only its HMAC is stored, with the last four characters as a hint', async () => {
    const response = await s.admin.post(base, { name: 'Stadsapp Testrivier' });
    expect(response.statusCode, response.body).toBe(201);
    client = response.json();
    expect(client).toEqual({
      id: expect.any(String),
      name: 'Stadsapp Testrivier',
      apiKey: expect.stringMatching(/^nabij311_[A-Za-z0-9_-]{32}$/),
      keyHint: client.apiKey.slice(-4),
      createdAt: expect.any(String),
      revokedAt: null,
    });
    const row = await t.context.db
      .selectFrom('open311_clients')
      .selectAll()
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashToken(t.context.secrets.sessionKey, client.apiKey));
    expect(row.zone_id).toBe(s.zone.id);
    expect(await databaseText()).not.toContain(client.apiKey);
    expect((await submit(client.apiKey)).statusCode).toBe(201);
  });

  it('lists the clients with the hint and never the key', async () => {
    const response = await s.admin.get(base);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      {
        id: client.id,
        name: client.name,
        keyHint: client.keyHint,
        createdAt: client.createdAt,
        revokedAt: null,
      },
    ]);
    expect(response.body).not.toContain(client.apiKey);
  });

  it('keeps the key out of the idempotency store: a replay answers the client without its key', async () => {
    const headers = { 'idempotency-key': 'issue-open311-0001' };
    const first = await s.admin.post(base, { name: 'Partnerplatform' }, headers);
    const again = await s.admin.post(base, { name: 'Partnerplatform' }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(first.json().apiKey).toMatch(/^nabij311_/);
    expect(again.json()).toEqual({ ...first.json(), apiKey: null });
    expect(await databaseText()).not.toContain(first.json().apiKey);
    const rows = await t.context.db
      .selectFrom('open311_clients')
      .select('id')
      .where('name', '=', 'Partnerplatform')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('revokes a key at once, and revoking again changes nothing', async () => {
    const response = await s.admin.post(`${base}/${client.id}/revoke`);
    expect(response.statusCode, response.body).toBe(200);
    const revoked = response.json();
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect((await submit(client.apiKey)).statusCode).toBe(403);
    t.clock.advance(60_000);
    const again = await s.admin.post(`${base}/${client.id}/revoke`);
    expect(again.json()).toEqual(revoked);
    const missing = await s.admin.post(`${base}/0190a000-0000-7000-8000-000000000000/revoke`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('open311_client_not_found');
  });

  it('audits every issue and revocation, by ids only', async () => {
    const entries = await t.context.db
      .selectFrom('audit_entries')
      .select(['action', 'subject_id', 'zone_id'])
      .where('subject_type', '=', 'open311_client')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'open311_client.issued',
      'open311_client.issued',
      'open311_client.revoked',
    ]);
    expect(entries[0]?.subject_id).toBe(client.id);
    expect(entries.every((e) => e.zone_id === s.zone.id)).toBe(true);
  });

  it('is for administrators of the zone only', async () => {
    for (const response of [
      await s.officer.get(base),
      await s.officer.post(base, { name: 'Mijn eigen app' }),
      await s.officer.post(`${base}/${client.id}/revoke`),
      await t.anonymous().get(base),
    ]) {
      expect([401, 403]).toContain(response.statusCode);
    }
    const otherAdmin = await t.login(
      await t.createAccount({ grants: [{ zoneId: s.other.id, role: 'administrator' }], totp: true }),
    );
    expect((await otherAdmin.get(base)).statusCode).toBe(403);
  });
});

describe('the Open311 routes themselves', () => {
  it('are open to anyone, with or without a session (reads), and POST asks for a key, not a session', async () => {
    const j = `jurisdiction_id=${s.zone.slug}`;
    for (const agent of [t.anonymous(), s.officer, s.admin]) {
      for (const path of [
        `discovery.json`,
        `services.json?${j}`,
        `services/speeding.json?${j}`,
        `requests.json?${j}`,
      ]) {
        expect((await agent.get(`${PREFIX}/${path}`)).statusCode, path).toBe(200);
      }
    }
    const withSession = await s.admin.request({
      method: 'POST',
      url: `${PREFIX}/requests.json`,
      payload: form({ jurisdiction_id: s.zone.slug, service_code: 'noise' }),
      headers: formHeaders,
    });
    expect(withSession.statusCode).toBe(403);
    expect(withSession.json()[0].code).toBe(403);
  });
});
