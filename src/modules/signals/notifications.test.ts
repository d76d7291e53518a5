/**
 * Who hears of a new signal, and when: an urgent one at once, by mail to
 * whoever covers the neighbourhood today (the deputy while the usual officer
 * is absent, the zone's mailbox when nobody does), once; the others in one
 * daily digest per covering officer at the zone's digest hour (07:00 in
 * Brussels), once a day. The jobs are called directly, on the test clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock, createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { representativePoint } from '../../platform/geo/measure.ts';
import type { MultiPolygonCoords } from '../../platform/geo/types.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';
import { insertOfficer, setAssignment } from '../officers/officers.repository.ts';
import { notifyNewSignal } from './notify-new-signal.job.ts';
import { sendDueDigests, sendDigestsForZone } from './send-signal-digests.job.ts';

const zone = 'gent';
let t: TestApp;
let officer: Agent;
let admin: Agent;
let zoneId = '';
let zoneMailbox = '';
const places: Record<string, { lon: number; lat: number }> = {};
const areaIds: Record<string, string> = {};
const mailboxOf: Record<string, string> = {};

async function record(category: string, area: string): Promise<{ id: string; reference: string }> {
  const response = await officer.post(`/api/zones/${zone}/staff/signals`, {
    channel: 'phone',
    category,
    description: 'Melding van een buurtbewoner, telefonisch opgenomen',
    location: places[area],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function report(category: string, area: string): Promise<{ id: string; reference: string }> {
  const response = await t.anonymous().post(`/api/zones/${zone}/signals`, {
    category,
    description: 'Geluidsoverlast van een feest in de straat',
    location: places[area],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function mails(template: string) {
  return t.context.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('template', '=', template)
    .orderBy('created_at')
    .execute();
}

beforeAll(async () => {
  // A winter evening in Ghent (UTC+1); the digest is due at 06:05 UTC the next morning.
  t = await createTestApp({
    clock: createClock(new Date('2026-01-14T20:00:00Z')),
    env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' },
  });
  await ensureDemoZone(t.context);
  const zoneRow = await t.context.db
    .selectFrom('zones')
    .selectAll()
    .where('slug', '=', zone)
    .executeTakeFirstOrThrow();
  zoneId = zoneRow.id;
  zoneMailbox = zoneRow.contact.email ?? '';
  const areas = await t.context.db
    .selectFrom('areas')
    .select(['id', 'name', 'boundary'])
    .where('zone_id', '=', zoneId)
    .where('kind', '=', 'neighbourhood')
    .execute();
  for (const name of ['Binnenstad', 'Stationsbuurt Noord', 'Drongen', 'Sint Denijs Westrem']) {
    const area = areas.find((a) => a.name.nl === name);
    if (!area) throw new Error(name);
    areaIds[name] = area.id;
    const [lon, lat] = representativePoint(area.boundary.coordinates as MultiPolygonCoords);
    places[name] = { lon, lat };
  }
  for (const o of await t.context.db
    .selectFrom('officers')
    .select(['name', 'email'])
    .where('zone_id', '=', zoneId)
    .execute())
    mailboxOf[o.name] = o.email ?? '';
  officer = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'officer' }] }));
  admin = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'administrator' }], totp: true }));
});
afterAll(async () => t.close());

describe('an urgent signal', () => {
  it("is mailed once, at once, to the neighbourhood officer's professional address", async () => {
    const signal = await record('in-progress', 'Binnenstad');
    expect(await mails('signal_urgent')).toEqual([]);
    expect(await notifyNewSignal(t.context, zoneId, signal.id)).toBe('sent');
    const sent = await mails('signal_urgent');
    expect(sent.map((m) => m.to_address)).toEqual([mailboxOf['Sarah De Smet']]);
    expect(sent[0]?.subject).toContain(signal.reference);
    expect(sent[0]?.body_text).not.toContain('telefonisch opgenomen');
    expect(await notifyNewSignal(t.context, zoneId, signal.id)).toBe('already_sent');
    expect(await mails('signal_urgent')).toHaveLength(1);
    const rows = await t.context.db
      .selectFrom('signal_notifications')
      .selectAll()
      .where('signal_id', '=', signal.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('goes to the deputy while the usual officer is absent, and the mail says so', async () => {
    const signal = await record('in-progress', 'Stationsbuurt Noord');
    expect(await notifyNewSignal(t.context, zoneId, signal.id)).toBe('sent');
    const mail = (await mails('signal_urgent')).find((m) => m.subject.includes(signal.reference));
    expect(mail?.to_address).toBe(mailboxOf['Lotte Vermeulen']);
    expect(mail?.body_text).toContain(translate('nl', 'mail.signal.stand_in', { name: 'Karim El Amrani' }));
    const toAbsent = await t.context.db
      .selectFrom('mail_messages')
      .select('id')
      .where('to_address', '=', mailboxOf['Karim El Amrani'] ?? '')
      .execute();
    expect(toAbsent).toEqual([]);
  });

  it("goes to the zone's mailbox where nobody covers the neighbourhood", async () => {
    const signal = await record('domestic-violence', 'Drongen');
    expect(await notifyNewSignal(t.context, zoneId, signal.id)).toBe('sent');
    const mail = (await mails('signal_urgent')).find((m) => m.subject.includes(signal.reference));
    expect(mail?.to_address).toBe(zoneMailbox);
  });

  it("goes to the zone's mailbox when the covering officer has no mailbox", async () => {
    const id = newId();
    await insertOfficer(
      t.context.db,
      zoneId,
      id,
      {
        name: 'Zonder Adres',
        title: { nl: 'Wijkinspecteur' },
        phone: null,
        email: null,
        photoUrl: null,
        accountId: null,
      },
      t.clock.now(),
    );
    await setAssignment(t.context.db, zoneId, areaIds['Sint Denijs Westrem'] ?? '', id, null, t.clock.now());
    const signal = await record('in-progress', 'Sint Denijs Westrem');
    expect(await notifyNewSignal(t.context, zoneId, signal.id)).toBe('sent');
    const mail = (await mails('signal_urgent')).find((m) => m.subject.includes(signal.reference));
    expect(mail?.to_address).toBe(zoneMailbox);
  });

  it('is any signal of a category an administrator made urgent; others wait for the digest', async () => {
    const quiet = await report('burglary', 'Binnenstad');
    const before = (await mails('signal_urgent')).length;
    expect(await notifyNewSignal(t.context, zoneId, quiet.id)).toBe('not_urgent');
    expect(await mails('signal_urgent')).toHaveLength(before);
    const categories = (await admin.get(`/api/zones/${zone}/admin/categories`)).json() as {
      id: string;
      code: string;
    }[];
    const burglary = categories.find((c) => c.code === 'burglary');
    expect(
      (await admin.patch(`/api/zones/${zone}/admin/categories/${burglary?.id}`, { isUrgent: true }))
        .statusCode,
    ).toBe(200);
    const urgent = await report('burglary', 'Binnenstad');
    expect(await notifyNewSignal(t.context, zoneId, urgent.id)).toBe('sent');
    const mail = (await mails('signal_urgent')).find((m) => m.subject.includes(urgent.reference));
    expect(mail?.to_address).toBe(mailboxOf['Sarah De Smet']);
    const queued = await t.context.db
      .selectFrom('signals')
      .select('priority')
      .where('id', '=', urgent.id)
      .executeTakeFirstOrThrow();
    expect(queued.priority).toBe('high');
    expect(
      (await admin.patch(`/api/zones/${zone}/admin/categories/${burglary?.id}`, { isUrgent: false }))
        .statusCode,
    ).toBe(200);
  });
});

describe('the daily digest', () => {
  const made: Record<string, { id: string; reference: string }> = {};

  async function reportAt(name: string, iso: string, area: string) {
    t.clock.set(new Date(iso));
    made[name] = await report('noise', area);
  }

  beforeAll(async () => {
    await reportAt('tooOld', '2026-01-14T06:00:00Z', 'Binnenstad');
    await reportAt('centre', '2026-01-14T21:00:00Z', 'Binnenstad');
    await reportAt('station', '2026-01-14T22:00:00Z', 'Stationsbuurt Noord');
    await reportAt('unassigned', '2026-01-14T23:00:00Z', 'Drongen');
  });

  const digestTo = async (address: string | undefined) =>
    (await mails('signal_digest')).filter((m) => m.to_address === address);

  it('is not sent before the zone’s digest hour', async () => {
    t.clock.set(new Date('2026-01-15T05:05:00Z'));
    expect(await sendDueDigests(t.context)).toBe(0);
    expect(await mails('signal_digest')).toEqual([]);
  });

  it("lists the last 24 hours' signals per covering officer at 07:05 Brussels time", async () => {
    t.clock.set(new Date('2026-01-15T06:05:00Z'));
    expect(await sendDueDigests(t.context)).toBeGreaterThan(0);
    const [sarah] = await digestTo(mailboxOf['Sarah De Smet']);
    expect(sarah?.body_text).toContain(made['centre']?.reference);
    expect(sarah?.body_text).not.toContain(made['tooOld']?.reference);
    expect(sarah?.body_text).not.toContain(made['station']?.reference);
    const [lotte] = await digestTo(mailboxOf['Lotte Vermeulen']);
    expect(lotte?.body_text).toContain(made['station']?.reference);
    expect(await digestTo(mailboxOf['Karim El Amrani'])).toEqual([]);
    const [zoneDigest] = await digestTo(zoneMailbox);
    expect(zoneDigest?.body_text).toContain(made['unassigned']?.reference);
    for (const mail of await mails('signal_digest')) {
      const listed = mail.body_text.split('\n').filter((line) => line.startsWith('- ')).length;
      expect(mail.subject).toBe(
        translate('nl', 'mail.signal_digest.subject', { count: listed, zone: 'Politiezone Gent (demo)' }),
      );
      expect(mail.body_text).not.toContain('Geluidsoverlast van een feest');
    }
  });

  it('is sent once a day, however often the job runs', async () => {
    const before = (await mails('signal_digest')).length;
    t.clock.set(new Date('2026-01-15T06:35:00Z'));
    expect(await sendDueDigests(t.context)).toBe(0);
    const zoneRow = await t.context.db
      .selectFrom('zones')
      .selectAll()
      .where('id', '=', zoneId)
      .executeTakeFirstOrThrow();
    expect(await sendDigestsForZone(t.context, zoneRow)).toBe(0);
    expect(await mails('signal_digest')).toHaveLength(before);
  });

  it('the next day lists only what came in since', async () => {
    await reportAt('nextDay', '2026-01-15T12:00:00Z', 'Binnenstad');
    t.clock.set(new Date('2026-01-16T06:05:00Z'));
    expect(await sendDueDigests(t.context)).toBeGreaterThan(0);
    const sarah = await digestTo(mailboxOf['Sarah De Smet']);
    expect(sarah).toHaveLength(2);
    expect(sarah[1]?.body_text).toContain(made['nextDay']?.reference);
    expect(sarah[1]?.body_text).not.toContain(made['centre']?.reference);
  });

  it("sends a neighbourhood whose officer has no mailbox to the zone's mailbox", async () => {
    // Sint Denijs Westrem is covered by an officer without e-mail or account (see above).
    await reportAt('noMailbox', '2026-01-16T12:00:00Z', 'Sint Denijs Westrem');
    t.clock.set(new Date('2026-01-17T06:05:00Z'));
    await sendDueDigests(t.context);
    const all = (await mails('signal_digest')).filter((m) =>
      m.body_text.includes(made['noMailbox']?.reference ?? '?'),
    );
    expect(all.map((m) => m.to_address)).toEqual([zoneMailbox]);
  });
});
