/**
 * "Who is my neighbourhood officer?": assignments, the deputy while the usual
 * officer is absent (whole days in the zone's time zone), the zone contact
 * when nobody covers, what the public answer may show, and staffing against
 * the norm of one inspector per 4,000 inhabitants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock, createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { newId } from '../../platform/ids.ts';
import { importAddresses } from '../addresses/import-addresses.ts';
import { insertAbsence, insertOfficer } from './officers.repository.ts';

// 12:00 UTC on Tuesday 10 March 2026; Brussels is UTC+1 (winter time) that day.
const NOON_UTC = new Date('2026-03-10T12:00:00Z');

let t: TestApp;
let zone: { id: string; slug: string };
let admin: Agent;
let officerAccountId: string;
const areaIds = new Map<string, string>();
const officerIds = new Map<string, string>();

const square = (lon: number, lat: number, size = 0.01): number[][] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];
const squareFile = (...items: { name: string; code: string; population?: number; ring: number[][] }[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: items.map((i) => ({
      type: 'Feature',
      properties: {
        name: i.name,
        code: i.code,
        ...(i.population !== undefined ? { population: i.population } : {}),
      },
      geometry: { type: 'Polygon', coordinates: [i.ring] },
    })),
  });

async function importAreas(agent: Agent, slug: string, content: string, kind: string) {
  const response = await agent.post(`/api/zones/${slug}/area-imports`, {
    fileName: 'areas.geojson',
    content,
    kind,
  });
  expect(response.statusCode, response.body).toBe(201);
  const report = response.json() as { features: { code: string; areaId: string }[] };
  return new Map(report.features.map((f) => [f.code, f.areaId]));
}

/**
 * Officers and absences are written with the repository: this file tests the lookup, and
 * POST /officers is tested (and currently deadlocks on PGlite) in manage-officers.test.ts.
 */
async function createOfficer(zoneId: string, name: string, accountId: string | null = null) {
  const officerId = newId();
  await insertOfficer(
    t.context.db,
    zoneId,
    officerId,
    {
      name,
      title: { nl: 'Wijkinspecteur', en: 'Neighbourhood inspector' },
      phone: '+32 9 000 00 00',
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@politie.example`,
      photoUrl: null,
      accountId,
    },
    t.clock.now(),
  );
  return officerId;
}

function assign(
  agent: Agent,
  slug: string,
  areaId: string,
  officerId: string | null,
  deputyOfficerId: string | null,
) {
  return agent.put(`/api/zones/${slug}/areas/${areaId}/officer`, { officerId, deputyOfficerId });
}

const id = (map: Map<string, string>, key: string): string => {
  const value = map.get(key);
  if (!value) throw new Error(`no id for ${key}`);
  return value;
};

interface Answer {
  area: { id: string; code: string };
  availability: 'available' | 'deputy' | 'nobody';
  officer: { id: string; name: string } | null;
  usualOfficerName: string | null;
  zoneName: string;
  zoneContact: { phone: string | null; email: string | null };
}

async function lookUp(query: string): Promise<Answer> {
  const response = await t.anonymous().get(`/api/zones/${zone.slug}/neighbourhood-officer?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Answer;
}
const byArea = (code: string) => lookUp(`areaId=${id(areaIds, code)}`);

beforeAll(async () => {
  t = await createTestApp({ clock: createClock(NOON_UTC) });
  zone = await t.createZone({ name: 'Politiezone Test' });
  admin = await t.login(
    await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
  );
  officerAccountId = (await t.createAccount({ grants: [{ zoneId: zone.id, role: 'officer' }] })).id;
  const areas = await importAreas(
    admin,
    zone.slug,
    squareFile(
      { name: 'Akker', code: 'a', ring: square(3.7, 51.0) },
      { name: 'Beek', code: 'b', ring: square(3.71, 51.0) },
      { name: 'Centrum', code: 'c', ring: square(3.72, 51.0) },
      { name: 'Dorp', code: 'd', ring: square(3.73, 51.0) },
      { name: 'Ende', code: 'e', ring: square(3.74, 51.0) },
    ),
    'neighbourhood',
  );
  for (const [code, areaId] of areas) areaIds.set(code, areaId);
  const district = await importAreas(
    admin,
    zone.slug,
    squareFile({ name: 'Post', code: 'post', ring: square(3.69, 50.99, 0.1) }),
    'district',
  );
  areaIds.set('post', id(district, 'post'));
  officerIds.set('anna', await createOfficer(zone.id, 'Anna Peeters', officerAccountId));
  officerIds.set('bart', await createOfficer(zone.id, 'Bart Claes'));
  officerIds.set('cas', await createOfficer(zone.id, 'Cas Wouters'));
  const anna = id(officerIds, 'anna');
  const bart = id(officerIds, 'bart');
  const cas = id(officerIds, 'cas');
  // a: Anna, deputy Bart. b: Anna, no deputy. c: Cas, deputy Anna. d: nobody.
  for (const [code, officer, deputy] of [
    ['a', anna, bart],
    ['b', anna, null],
    ['c', cas, anna],
  ] as const) {
    const response = await assign(admin, zone.slug, id(areaIds, code), officer, deputy);
    expect(response.statusCode, response.body).toBe(200);
  }
  // Anna and Cas are away on Wednesday 11 March (a whole day in Brussels).
  for (const officer of [anna, cas]) {
    await insertAbsence(
      t.context.db,
      { id: newId(), zoneId: zone.id, officerId: officer, startsOn: '2026-03-11', endsOn: '2026-03-11' },
      t.clock.now(),
    );
  }
});
afterAll(async () => t.close());

describe('looking up the neighbourhood officer', () => {
  it('finds the usual officer by point, by area and by address', async () => {
    const byPoint = await lookUp('lon=3.705&lat=51.005');
    expect(byPoint).toMatchObject({
      area: { id: id(areaIds, 'a'), code: 'a' },
      availability: 'available',
      officer: { id: id(officerIds, 'anna'), name: 'Anna Peeters' },
      usualOfficerName: null,
      zoneName: 'Politiezone Test',
    });
    expect(await byArea('a')).toEqual(byPoint);

    const zoneRow = await t.context.db
      .selectFrom('zones')
      .selectAll()
      .where('id', '=', zone.id)
      .executeTakeFirstOrThrow();
    const report = await importAddresses(
      t.context,
      zoneRow,
      null,
      'street,house_number,postcode,municipality,lon,lat\nCentrumstraat,1,9000,Gent,3.725,51.005\n',
    );
    expect(report).toEqual({ imported: 1, outsideAreas: 0, refused: [] });
    const address = await t.context.db
      .selectFrom('addresses')
      .select('id')
      .where('zone_id', '=', zone.id)
      .executeTakeFirstOrThrow();
    const byAddress = await lookUp(`addressId=${address.id}`);
    expect(byAddress.area.code).toBe('c');
    expect(byAddress.officer?.name).toBe('Cas Wouters');
  });

  it('says nobody, with the zone contact, for a neighbourhood without an officer', async () => {
    const answer = await byArea('d');
    expect(answer).toMatchObject({ availability: 'nobody', officer: null, usualOfficerName: null });
    expect(answer.zoneContact).toMatchObject({ phone: '+32 9 266 61 11', email: 'zone@example.be' });
  });

  it('refuses a lookup that names no place, an unknown place or a point outside the zone', async () => {
    const none = await t.anonymous().get(`/api/zones/${zone.slug}/neighbourhood-officer`);
    expect(none.statusCode).toBe(400);
    const outside = await t
      .anonymous()
      .get(`/api/zones/${zone.slug}/neighbourhood-officer?lon=4.35&lat=50.85`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('point_outside_zone');
    const unknownArea = await t
      .anonymous()
      .get(`/api/zones/${zone.slug}/neighbourhood-officer?areaId=0190a000-0000-7000-8000-000000000000`);
    expect(unknownArea.json().error.code).toBe('area_not_found');
    const unknownAddress = await t
      .anonymous()
      .get(`/api/zones/${zone.slug}/neighbourhood-officer?addressId=0190a000-0000-7000-8000-000000000000`);
    expect(unknownAddress.statusCode).toBe(404);
  });

  it('shows only professional fields to the public', async () => {
    const response = await t
      .anonymous()
      .get(`/api/zones/${zone.slug}/neighbourhood-officer?areaId=${id(areaIds, 'a')}`);
    const answer = response.json() as Record<string, unknown> & { officer: Record<string, unknown> };
    expect(Object.keys(answer).sort()).toEqual(
      ['area', 'availability', 'officer', 'usualOfficerName', 'zoneContact', 'zoneName'].sort(),
    );
    expect(Object.keys(answer.officer).sort()).toEqual(['email', 'id', 'name', 'phone', 'photoUrl', 'title']);
    // Neither the linked account nor the absence (Anna is away tomorrow) shows anywhere.
    expect(response.body).not.toContain(officerAccountId);
    expect(response.body).not.toContain('2026-03-11');
    expect(response.body).not.toMatch(/absen|accountId|areaIds/i);
    const list = await t.anonymous().get(`/api/zones/${zone.slug}/neighbourhood-officers`);
    expect(list.body).not.toContain(officerAccountId);
    expect(list.body).not.toContain('2026-03-11');
  });

  it('lists every neighbourhood (not the districts) with today’s contact', async () => {
    const response = await t.anonymous().get(`/api/zones/${zone.slug}/neighbourhood-officers`);
    expect(response.statusCode).toBe(200);
    const list = response.json() as Answer[];
    expect(list.map((e) => e.area.code)).toEqual(['a', 'b', 'c', 'd', 'e']); // sorted by name
    expect(list.map((e) => e.availability)).toEqual([
      'available',
      'available',
      'available',
      'nobody',
      'nobody',
    ]);
    expect(list.map((e) => e.officer?.name ?? null)).toEqual([
      'Anna Peeters',
      'Anna Peeters',
      'Cas Wouters',
      null,
      null,
    ]);
  });
});

describe('absences, in the zone’s time zone', () => {
  it('at 23:30 UTC on the 10th it is already the 11th in Brussels: the deputy stands in', async () => {
    // 22:30 UTC = 23:30 in Brussels, still the 10th: Anna is there.
    t.clock.set(new Date('2026-03-10T22:30:00Z'));
    expect((await byArea('a')).availability).toBe('available');
    // 23:30 UTC is still the 10th in UTC, but 00:30 on the 11th in Brussels.
    t.clock.set(new Date('2026-03-10T23:30:00Z'));
    const a = await byArea('a');
    expect(a).toMatchObject({
      availability: 'deputy',
      officer: { id: id(officerIds, 'bart'), name: 'Bart Claes' },
      usualOfficerName: 'Anna Peeters',
    });
    // b: Anna away, no deputy. c: Cas and his deputy Anna both away.
    for (const code of ['b', 'c']) {
      const answer = await byArea(code);
      expect(answer, code).toMatchObject({ availability: 'nobody', officer: null, usualOfficerName: null });
      expect(answer.zoneContact.phone).toBe('+32 9 266 61 11');
    }
    const list = (
      await t.anonymous().get(`/api/zones/${zone.slug}/neighbourhood-officers`)
    ).json() as Answer[];
    expect(list.map((e) => e.availability)).toEqual(['deputy', 'nobody', 'nobody', 'nobody', 'nobody']);

    // The staff list says who is away today, by the same calendar.
    const supervisor = await t.login(
      await t.createAccount({ grants: [{ zoneId: zone.id, role: 'supervisor' }] }),
    );
    const staff = (await supervisor.get(`/api/zones/${zone.slug}/officers`)).json() as {
      name: string;
      absentToday: boolean;
    }[];
    expect(staff.map((o) => [o.name, o.absentToday])).toEqual([
      ['Anna Peeters', true],
      ['Bart Claes', false],
      ['Cas Wouters', true],
    ]);

    // 23:30 UTC on the 11th is the 12th in Brussels: everyone is back.
    t.clock.set(new Date('2026-03-11T23:30:00Z'));
    expect((await byArea('a')).availability).toBe('available');
    expect((await byArea('c')).officer?.name).toBe('Cas Wouters');
    t.clock.set(NOON_UTC);
  });
});

describe('assigning officers', () => {
  let agent: Agent;
  beforeAll(async () => {
    agent = await t.login(
      await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
    );
  });

  it('keeps the history of who covered a neighbourhood, and audits each change', async () => {
    const area = id(areaIds, 'e');
    const first = await assign(agent, zone.slug, area, id(officerIds, 'bart'), id(officerIds, 'cas'));
    expect(first.json()).toMatchObject({
      officerId: id(officerIds, 'bart'),
      deputyOfficerId: id(officerIds, 'cas'),
    });
    t.clock.advance(60_000);
    await assign(agent, zone.slug, area, id(officerIds, 'cas'), null);
    t.clock.advance(60_000);
    const last = await assign(agent, zone.slug, area, null, null);
    expect(last.statusCode).toBe(200);
    const current = await agent.get(`/api/zones/${zone.slug}/areas/${area}/officer`);
    const body = current.json() as {
      officerId: string | null;
      deputyOfficerId: string | null;
      history: {
        at: string;
        officerId: string | null;
        deputyOfficerId: string | null;
        changedBy: string | null;
      }[];
    };
    expect(body.officerId).toBeNull();
    // Each change names the staff member who made it.
    expect(body.history.every((h) => typeof h.changedBy === 'string' && h.changedBy.length > 0)).toBe(true);
    expect(body.deputyOfficerId).toBeNull();
    expect(body.history.map((h) => [h.officerId, h.deputyOfficerId])).toEqual([
      [null, null],
      [id(officerIds, 'cas'), null],
      [id(officerIds, 'bart'), id(officerIds, 'cas')],
    ]);
    expect(body.history.map((h) => h.at)).toEqual([...body.history.map((h) => h.at)].sort().reverse());
    expect((await byArea('e')).availability).toBe('nobody');
    const audit = await t.context.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', area)
      .where('action', '=', 'area.officer_assigned')
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses the same officer as deputy, an officer of another zone and a deputy without an officer', async () => {
    const area = id(areaIds, 'd');
    const same = await assign(agent, zone.slug, area, id(officerIds, 'bart'), id(officerIds, 'bart'));
    expect(same.statusCode).toBe(400);
    expect(same.json().error.code).toBe('officer_deputy_same');

    const otherZone = await t.createZone();
    const stranger = await createOfficer(otherZone.id, 'Dirk Elders');
    for (const [officer, deputy] of [
      [stranger, null],
      [id(officerIds, 'bart'), stranger],
    ] as const) {
      const response = await assign(agent, zone.slug, area, officer, deputy);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('officer_not_found');
    }
    const deputyOnly = await assign(agent, zone.slug, area, null, id(officerIds, 'bart'));
    expect(deputyOnly.statusCode).toBe(400);
    expect(deputyOnly.json().error.details[0].path).toBe('body/officerId');

    const unknownArea = await assign(
      agent,
      zone.slug,
      '0190a000-0000-7000-8000-000000000000',
      id(officerIds, 'bart'),
      null,
    );
    expect(unknownArea.json().error.code).toBe('area_not_found');
    // None of this changed anything.
    expect((await agent.get(`/api/zones/${zone.slug}/areas/${area}/officer`)).json()).toMatchObject({
      officerId: null,
      history: [],
    });
  });

  it('lets only administrators and supervisors assign', async () => {
    const officer = await t.login(await t.createAccount({ grants: [{ zoneId: zone.id, role: 'officer' }] }));
    const refused = await assign(officer, zone.slug, id(areaIds, 'd'), id(officerIds, 'bart'), null);
    expect(refused.statusCode).toBe(403);
    const supervisor = await t.login(
      await t.createAccount({ grants: [{ zoneId: zone.id, role: 'supervisor' }] }),
    );
    const allowed = await assign(supervisor, zone.slug, id(areaIds, 'd'), id(officerIds, 'bart'), null);
    expect(allowed.statusCode).toBe(200);
    expect((await byArea('d')).officer?.name).toBe('Bart Claes');
    await assign(supervisor, zone.slug, id(areaIds, 'd'), null, null);
  });
});

describe('staffing against one inspector per 4,000 inhabitants', () => {
  it('counts inhabitants of neighbourhoods and distinct usual officers', async () => {
    const staffingZone = await t.createZone();
    const staffAdmin = await t.login(
      await t.createAccount({ grants: [{ zoneId: staffingZone.id, role: 'administrator' }], totp: true }),
    );
    const populations = { n1: 10_000, n2: 6_000, n3: 4_000 };
    const areas = await importAreas(
      staffAdmin,
      staffingZone.slug,
      squareFile(
        { name: 'N1', code: 'n1', population: populations.n1, ring: square(3.7, 51.0) },
        { name: 'N2', code: 'n2', population: populations.n2, ring: square(3.71, 51.0) },
        { name: 'N3', code: 'n3', population: populations.n3, ring: square(3.72, 51.0) },
        { name: 'N4', code: 'n4', ring: square(3.73, 51.0) },
      ),
      'neighbourhood',
    );
    // A district's inhabitants are already counted in its neighbourhoods.
    await importAreas(
      staffAdmin,
      staffingZone.slug,
      squareFile({ name: 'Post', code: 'post', population: 20_000, ring: square(3.69, 50.99, 0.1) }),
      'district',
    );
    const x = await createOfficer(staffingZone.id, 'Xavier');
    const y = await createOfficer(staffingZone.id, 'Yana');
    await assign(staffAdmin, staffingZone.slug, id(areas, 'n1'), x, y);
    await assign(staffAdmin, staffingZone.slug, id(areas, 'n2'), x, null);
    await assign(staffAdmin, staffingZone.slug, id(areas, 'n3'), y, x);

    const response = await t.anonymous().get(`/api/zones/${staffingZone.slug}/staffing`);
    expect(response.statusCode).toBe(200);
    const staffing = response.json();
    const population = populations.n1 + populations.n2 + populations.n3;
    const needed = population / 4000;
    expect(staffing).toMatchObject({
      population,
      neighbourhoods: 4,
      neighbourhoodsWithoutOfficer: 1,
      inspectors: 2,
      inhabitantsPerInspectorNorm: 4000,
      inspectorsNeeded: needed,
      coverage: 2 / needed,
      inhabitantsPerInspector: population / 2,
    });
    expect(
      (staffing.areas as { areaId: string; officerName: string | null; hasDeputy: boolean }[]).map((a) => [
        a.areaId,
        a.officerName,
        a.hasDeputy,
      ]),
    ).toEqual([
      [id(areas, 'n1'), 'Xavier', true],
      [id(areas, 'n2'), 'Xavier', false],
      [id(areas, 'n3'), 'Yana', true],
      [id(areas, 'n4'), null, false],
    ]);
  });

  it('has no coverage figure for a zone without inhabitants or inspectors', async () => {
    const empty = await t.createZone();
    const staffing = (await t.anonymous().get(`/api/zones/${empty.slug}/staffing`)).json();
    expect(staffing).toMatchObject({
      population: 0,
      neighbourhoods: 0,
      inspectors: 0,
      inspectorsNeeded: 0,
      coverage: null,
      inhabitantsPerInspector: null,
    });
  });
});
