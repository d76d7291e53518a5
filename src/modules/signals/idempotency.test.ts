/**
 * Acknowledged means stored, once: a retried report, staff recording or
 * follow with the same Idempotency-Key returns the first answer and creates
 * nothing new; a failure inside the write leaves no signal, no photo file and
 * no key behind, so the client's retry goes through.
 */
import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';

let t: TestApp;
let officer: Agent;
const zone = 'gent';
const korenmarkt = { lon: 3.7215, lat: 51.0546 };

function filesIn(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

async function count(table: string, where = sql`true`): Promise<number> {
  const row = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(
    t.context.db,
  );
  return Number(row.rows[0]?.n);
}

async function state() {
  return {
    signals: await count('signals'),
    reporters: await count('signal_reporters'),
    photos: await count('signal_photos'),
    followers: await count('signal_followers'),
    mails: await count('mail_messages'),
    audit: await count('audit_entries'),
    keys: await count('idempotency_keys'),
    files: filesIn(t.config.uploadsDir),
  };
}

beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' } });
  await ensureDemoZone(t.context);
  const zoneId = (
    await t.context.db.selectFrom('zones').select('id').where('slug', '=', zone).executeTakeFirstOrThrow()
  ).id;
  officer = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'officer' }] }));
});
afterAll(async () => t.close());

describe('the same key, the same outcome', () => {
  it('stores a resident report once and replays the first answer', async () => {
    const body = {
      category: 'noise',
      description: 'Blaffende hond de hele nacht, al een week lang',
      location: korenmarkt,
      reporter: { email: 'buur@example.be' },
    };
    const before = await state();
    const first = await t
      .anonymous()
      .post(`/api/zones/${zone}/signals`, body, { 'idempotency-key': 'report-0001' });
    expect(first.statusCode, first.body).toBe(201);
    const afterFirst = await state();
    const again = await t
      .anonymous()
      .post(`/api/zones/${zone}/signals`, body, { 'idempotency-key': 'report-0001' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await state()).toEqual(afterFirst);
    expect(afterFirst.signals).toBe(before.signals + 1);
    expect(afterFirst.reporters).toBe(before.reporters + 1);
  });

  it('refuses the same key for a different report, writing nothing', async () => {
    const body = { category: 'noise', description: 'Luide muziek na middernacht', location: korenmarkt };
    const first = await t
      .anonymous()
      .post(`/api/zones/${zone}/signals`, body, { 'idempotency-key': 'report-0002' });
    expect(first.statusCode).toBe(201);
    const before = await state();
    const other = await t.anonymous().post(
      `/api/zones/${zone}/signals`,
      { ...body, description: 'Iets heel anders gebeurd hier' },
      {
        'idempotency-key': 'report-0002',
      },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    expect(await state()).toEqual(before);
  });

  it('records a signal taken by phone once', async () => {
    const body = {
      channel: 'phone',
      category: 'vandalism',
      description: 'Telefonische melding: bushokje vernield',
      location: korenmarkt,
    };
    const before = await state();
    const first = await officer.post(`/api/zones/${zone}/staff/signals`, body, {
      'idempotency-key': 'record-0001',
    });
    const again = await officer.post(`/api/zones/${zone}/staff/signals`, body, {
      'idempotency-key': 'record-0001',
    });
    expect(first.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect((await state()).signals).toBe(before.signals + 1);
  });

  it('adds a follower (and mails the link) once', async () => {
    const signal = (
      await t.anonymous().post(`/api/zones/${zone}/signals`, {
        category: 'dumping',
        description: 'Oude zetel op de hoek van de straat',
        location: korenmarkt,
      })
    ).json().id as string;
    const url = `/api/zones/${zone}/signals/${signal}/followers`;
    const body = { email: 'volger@example.be', language: 'fr' };
    const before = await state();
    const first = await t.anonymous().post(url, body, { 'idempotency-key': 'follow-0001' });
    const again = await t.anonymous().post(url, body, { 'idempotency-key': 'follow-0001' });
    expect(first.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const after = await state();
    expect(after.followers).toBe(before.followers + 1);
    expect(after.mails).toBe(before.mails + 1);
    expect(await count('mail_messages', sql`to_address = 'volger@example.be'`)).toBe(1);
  });
});

describe('a failure inside the write', () => {
  it('leaves no signal, no photo file and no key, and the retry with the same key succeeds', async () => {
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a33' } })
      .jpeg()
      .toBuffer();
    const body = {
      category: 'dumping',
      description: 'Afval en een koelkast achtergelaten op de stoep',
      location: korenmarkt,
      reporter: { name: 'Mieke', email: 'mieke@example.be' },
      photos: [{ data: photo.toString('base64') }],
    };
    const counter = async () =>
      (await t.context.db.selectFrom('signal_counters').select('value').execute()).map((r) => r.value);
    const before = await state();
    const countersBefore = await counter();
    await sql`
      create function refuse_reporter() returns trigger language plpgsql as $$
      begin raise exception 'injected fault'; end;
      $$;
      create trigger refuse_reporter before insert on signal_reporters
        for each row execute function refuse_reporter();
    `.execute(t.context.db);
    let failed;
    try {
      failed = await t
        .anonymous()
        .post(`/api/zones/${zone}/signals`, body, { 'idempotency-key': 'durable-0001' });
    } finally {
      await sql`drop trigger refuse_reporter on signal_reporters; drop function refuse_reporter();`.execute(
        t.context.db,
      );
    }
    expect(failed.statusCode).toBe(500);
    expect(failed.json().error.code).toBe('internal');
    expect(await state()).toEqual(before);
    expect(await counter()).toEqual(countersBefore);

    const retry = await t
      .anonymous()
      .post(`/api/zones/${zone}/signals`, body, { 'idempotency-key': 'durable-0001' });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const after = await state();
    expect(after.signals).toBe(before.signals + 1);
    expect(after.photos).toBe(before.photos + 1);
    expect(after.files).toBe(before.files + 1);
    expect(after.keys).toBe(before.keys + 1);
  });
});
