/**
 * While reporting, a resident sees open signals of the same category nearby
 * (public view only, measured to the anonymised point, distances rounded to
 * 50 m) and can follow one instead of reporting it again.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { representativePoint } from '../../platform/geo/measure.ts';
import { createProjection } from '../../platform/geo/projections.ts';
import type { MultiPolygonCoords } from '../../platform/geo/types.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';
import { haversineMetres } from './find-nearby-signals.ts';

const DAY = 24 * 3600_000;
const zone = 'gent';
const projection = createProjection('EPSG:31370');
let t: TestApp;
let officer: Agent;
let zoneId = '';
let here = { lon: 0, lat: 0 };
const ids: Record<string, string> = {};

function offset(dx: number, dy: number) {
  const [x, y] = projection.fromWgs84(here.lon, here.lat);
  const [lon, lat] = projection.toWgs84(x + dx, y + dy);
  return { lon, lat };
}

async function report(name: string, category: string, location = here) {
  const response = await t.anonymous().post(`/api/zones/${zone}/signals`, {
    category,
    description: 'Afval en grofvuil op de hoek van de straat',
    location,
  });
  expect(response.statusCode, response.body).toBe(201);
  ids[name] = response.json().id;
}

async function nearby(category: string, at = here) {
  const response = await t
    .anonymous()
    .get(`/api/zones/${zone}/signals/nearby?category=${category}&lon=${at.lon}&lat=${at.lat}`);
  expect(response.statusCode).toBe(200);
  return response.json() as { id: string; distanceM: number; publicPoint: { lon: number; lat: number } }[];
}

beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' } });
  await ensureDemoZone(t.context);
  zoneId = (
    await t.context.db.selectFrom('zones').select('id').where('slug', '=', zone).executeTakeFirstOrThrow()
  ).id;
  officer = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'officer' }] }));
  const wondelgem = await t.context.db
    .selectFrom('areas')
    .select(['name', 'boundary'])
    .where('zone_id', '=', zoneId)
    .where('kind', '=', 'neighbourhood')
    .execute();
  const area = wondelgem.find((a) => a.name.nl === 'Wondelgem');
  if (!area) throw new Error('Wondelgem');
  const [lon, lat] = representativePoint(area.boundary.coordinates as MultiPolygonCoords);
  here = { lon, lat };

  await report('here', 'dumping');
  await report('close', 'dumping', offset(100, 0));
  await report('far', 'dumping', offset(1500, 0));
  await report('otherCategory', 'noise');
  await report('closed', 'dumping');
  await report('internal', 'other');
  await report('duplicate', 'dumping', offset(0, 30));
  const now = t.clock.now();
  t.clock.set(new Date(now.getTime() - 40 * DAY));
  await report('old', 'dumping');
  t.clock.set(now);
  const sensitive = await officer.post(`/api/zones/${zone}/staff/signals`, {
    channel: 'counter',
    category: 'domestic-violence',
    description: 'Melding aan het onthaal over geweld thuis',
    location: here,
  });
  ids['sensitive'] = sensitive.json().id;
  const statuses = (await officer.get(`/api/zones/${zone}/signal-statuses`)).json() as {
    id: string;
    code: string;
  }[];
  const closed = await officer.patch(`/api/zones/${zone}/staff/signals/${ids['closed']}`, {
    statusId: statuses.find((s) => s.code === 'closed_answered')?.id,
  });
  expect(closed.statusCode).toBe(200);
  const marked = await officer.post(`/api/zones/${zone}/staff/signals/${ids['duplicate']}/duplicate-of`, {
    ofSignalId: ids['here'],
  });
  expect(marked.statusCode).toBe(200);
});
afterAll(async () => t.close());

describe('nearby signals while reporting', () => {
  it('lists open signals of the same public category within the radius, nearest first', async () => {
    const found = await nearby('dumping');
    const foundIds = found.map((f) => f.id);
    expect(foundIds).toEqual(expect.arrayContaining([ids['here'], ids['close']]));
    for (const excluded of ['far', 'otherCategory', 'closed', 'internal', 'sensitive', 'duplicate', 'old'])
      expect(foundIds).not.toContain(ids[excluded]);
    const distances = found.map((f) => f.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('measures to the public point, never the exact one, rounded to 50 m', async () => {
    const found = await nearby('dumping');
    expect(found.length).toBeGreaterThan(0);
    for (const item of found) {
      expect(item.distanceM % 50).toBe(0);
      const toPublic = haversineMetres(here.lon, here.lat, item.publicPoint.lon, item.publicPoint.lat);
      expect(item.distanceM).toBe(Math.round(toPublic / 50) * 50);
      expect(toPublic).toBeLessThanOrEqual(250);
    }
    const raw = (
      await t
        .anonymous()
        .get(`/api/zones/${zone}/signals/nearby?category=dumping&lon=${here.lon}&lat=${here.lat}`)
    ).body;
    const exact = await t.context.db
      .selectFrom('signals')
      .select(['lon', 'lat'])
      .where('id', '=', ids['close'] ?? '')
      .executeTakeFirstOrThrow();
    expect(raw).not.toContain(String(exact.lon));
    expect(raw).not.toContain(String(exact.lat));
  });

  it("follows the zone's radius", async () => {
    expect((await nearby('dumping')).map((f) => f.id)).not.toContain(ids['far']);
    await sql`update zones set signal_settings = ${JSON.stringify({ duplicateRadiusM: 3000 })} where id = ${zoneId}`.execute(
      t.context.db,
    );
    try {
      expect((await nearby('dumping')).map((f) => f.id)).toContain(ids['far']);
    } finally {
      await sql`update zones set signal_settings = '{}' where id = ${zoneId}`.execute(t.context.db);
    }
  });

  it('gives nothing for non-public or sensitive categories', async () => {
    expect(await nearby('other')).toEqual([]);
    expect(await nearby('domestic-violence')).toEqual([]);
  });
});

describe('following a signal instead of reporting it again', () => {
  it('gives a working tracking link and mails it when an address is given', async () => {
    const response = await t.anonymous().post(`/api/zones/${zone}/signals/${ids['close']}/followers`, {
      email: 'buur@example.be',
      language: 'en',
    });
    expect(response.statusCode).toBe(201);
    const { trackingUrl, trackingToken } = response.json() as { trackingUrl: string; trackingToken: string };
    expect(trackingUrl).toBe(`${t.config.publicUrl}/track/${trackingToken}`);
    const tracked = await t.anonymous().get(`/api/track/${trackingToken}`);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ id: ids['close'], isFollower: true, description: null });
    const mail = await t.context.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', 'buur@example.be')
      .executeTakeFirstOrThrow();
    expect(mail.template).toBe('signal_follow');
    expect(mail.language).toBe('en');
    expect(mail.body_text).toContain(trackingUrl);
    const follower = await t.context.db
      .selectFrom('signal_followers')
      .selectAll()
      .where('signal_id', '=', ids['close'] ?? '')
      .executeTakeFirstOrThrow();
    expect(follower.email_encrypted).not.toContain('buur@example.be');
  });

  it('works without an address too, and then sends no mail', async () => {
    const before = await t.context.db.selectFrom('mail_messages').select('id').execute();
    const response = await t.anonymous().post(`/api/zones/${zone}/signals/${ids['here']}/followers`, {});
    expect(response.statusCode).toBe(201);
    expect((await t.anonymous().get(`/api/track/${response.json().trackingToken}`)).statusCode).toBe(200);
    expect(await t.context.db.selectFrom('mail_messages').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses signals the public may not see, or that do not exist, as not found', async () => {
    for (const id of [ids['internal'], ids['sensitive'], '01900000-0000-7000-8000-000000000000']) {
      const response = await t
        .anonymous()
        .post(`/api/zones/${zone}/signals/${id}/followers`, { email: 'x@example.be' });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('signal_not_found');
    }
    const other = await t.createZone();
    const elsewhere = await t
      .anonymous()
      .post(`/api/zones/${other.slug}/signals/${ids['here']}/followers`, {});
    expect(elsewhere.statusCode).toBe(404);
    expect(
      await t.context.db
        .selectFrom('mail_messages')
        .select('id')
        .where('to_address', '=', 'x@example.be')
        .execute(),
    ).toEqual([]);
  });
});
