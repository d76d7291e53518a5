/**
 * The staff queue: filters (mine, neighbourhood, status type, category,
 * channel, priority, age, overdue against the category's answer target,
 * search), and an officer limited to some neighbourhoods seeing only those.
 * Each filter is checked both ways: what it keeps holds, what it drops is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock, createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { representativePoint } from '../../platform/geo/measure.ts';
import type { MultiPolygonCoords } from '../../platform/geo/types.ts';
import { DEMO_PASSWORD } from '../demo/demo-content.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';

const DAY = 24 * 3600_000;
const zone = 'gent';
let t: TestApp;
let officer: Agent;
let sarah: Agent;
let limited: Agent;
let officerAccount: { email: string; password: string; totpSecret: string | null };
const areaIds: Record<string, string> = {};
const places: Record<string, { lon: number; lat: number }> = {};
const ids: Record<string, string> = {};
const references: Record<string, string> = {};

interface QueueItem {
  id: string;
  reference: string;
  category: { code: string };
  area: { id: string } | null;
  status: { type: string };
  priority: string;
  channel: string;
  createdAt: string;
  overdue: boolean;
  assignedOfficer: { id: string } | null;
}

async function queue(agent: Agent, query = ''): Promise<QueueItem[]> {
  const response = await agent.get(`/api/zones/${zone}/staff/signals?limit=200${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as QueueItem[];
}

function idsOf(items: QueueItem[]): string[] {
  return items.map((i) => i.id);
}

async function statusId(code: string): Promise<string> {
  const statuses = (await officer.get(`/api/zones/${zone}/signal-statuses`)).json() as {
    id: string;
    code: string;
  }[];
  const found = statuses.find((s) => s.code === code);
  if (!found) throw new Error(code);
  return found.id;
}

async function record(name: string, body: Record<string, unknown>, daysAgo: number) {
  const now = t.clock.now();
  t.clock.set(new Date(now.getTime() - daysAgo * DAY));
  const response = await officer.post(`/api/zones/${zone}/staff/signals`, { channel: 'patrol', ...body });
  t.clock.set(now);
  expect(response.statusCode, response.body).toBe(201);
  ids[name] = response.json().id;
  references[name] = response.json().reference;
}

beforeAll(async () => {
  t = await createTestApp({ clock: createClock(new Date('2026-03-10T10:00:00Z')) });
  await ensureDemoZone(t.context);
  const zoneId = (
    await t.context.db.selectFrom('zones').select('id').where('slug', '=', zone).executeTakeFirstOrThrow()
  ).id;
  const areas = await t.context.db
    .selectFrom('areas')
    .select(['id', 'name', 'boundary'])
    .where('zone_id', '=', zoneId)
    .where('kind', '=', 'neighbourhood')
    .execute();
  for (const name of ['Binnenstad', 'Stationsbuurt Noord']) {
    const area = areas.find((a) => a.name.nl === name);
    if (!area) throw new Error(name);
    areaIds[name] = area.id;
    const [lon, lat] = representativePoint(area.boundary.coordinates as MultiPolygonCoords);
    places[name] = { lon, lat };
  }
  officerAccount = await t.createAccount({ grants: [{ zoneId, role: 'officer' }] });
  officer = await t.login(officerAccount);
  sarah = await t.login({ email: 'officer@demo.nabij.example', password: DEMO_PASSWORD, totpSecret: null });
  limited = await t.login(
    await t.createAccount({
      grants: [{ zoneId, role: 'officer', areaIds: [areaIds['Stationsbuurt Noord'] ?? ''] }],
    }),
  );
  const centre = places['Binnenstad'];
  const station = places['Stationsbuurt Noord'];
  // noise: 14 days to answer; burglary: 5; vandalism: 10.
  await record(
    'lateNoise',
    { category: 'noise', description: 'Luide bas uit een kelder', location: centre },
    20,
  );
  await record('answeredNoise', { category: 'noise', description: 'Feest tot 5 uur', location: centre }, 20);
  await record(
    'closedVandalism',
    { category: 'vandalism', description: 'Gebroken ruit', location: centre },
    20,
  );
  await record(
    'stationBurglary',
    { category: 'burglary', description: 'Inbraak via het keukenraam', location: station, channel: 'phone' },
    3,
  );
  await record(
    'counterDumping',
    { category: 'dumping', description: 'Matras in de Veldstraat', location: centre, channel: 'counter' },
    0,
  );
  const answered = await officer.post(`/api/zones/${zone}/staff/signals/${ids['answeredNoise']}/answers`, {
    text: 'We spraken de organisator aan.',
  });
  expect(answered.statusCode).toBe(201);
  const closed = await officer.patch(`/api/zones/${zone}/staff/signals/${ids['closedVandalism']}`, {
    statusId: await statusId('closed_answered'),
  });
  expect(closed.statusCode).toBe(200);
  const urgent = await officer.patch(`/api/zones/${zone}/staff/signals/${ids['counterDumping']}`, {
    priority: 'high',
  });
  expect(urgent.statusCode).toBe(200);
});
afterAll(async () => t.close());

describe('queue filters', () => {
  it('by neighbourhood', async () => {
    const items = await queue(officer, `&areaId=${areaIds['Binnenstad']}`);
    expect(items.every((i) => i.area?.id === areaIds['Binnenstad'])).toBe(true);
    expect(idsOf(items)).toEqual(expect.arrayContaining([ids['lateNoise'], ids['counterDumping']]));
    expect(idsOf(items)).not.toContain(ids['stationBurglary']);
  });

  it('by status type, category, channel and priority', async () => {
    const closed = await queue(officer, '&statusType=closed');
    expect(closed.every((i) => i.status.type === 'closed')).toBe(true);
    expect(idsOf(closed)).toContain(ids['closedVandalism']);
    expect(idsOf(closed)).not.toContain(ids['lateNoise']);
    const burglary = await queue(officer, '&category=burglary');
    expect(burglary.every((i) => i.category.code === 'burglary')).toBe(true);
    expect(idsOf(burglary)).toContain(ids['stationBurglary']);
    const phone = await queue(officer, '&channel=phone');
    expect(idsOf(phone)).toEqual([ids['stationBurglary']]);
    const high = await queue(officer, '&priority=high');
    expect(high.every((i) => i.priority === 'high')).toBe(true);
    expect(idsOf(high)).toContain(ids['counterDumping']);
    expect(idsOf(high)).not.toContain(ids['stationBurglary']);
  });

  it('by age, on the clock', async () => {
    const old = await queue(officer, '&olderThanDays=10');
    const cutoff = t.clock.now().getTime() - 10 * DAY;
    expect(old.every((i) => Date.parse(i.createdAt) <= cutoff)).toBe(true);
    expect(idsOf(old)).toEqual(expect.arrayContaining([ids['lateNoise'], ids['answeredNoise']]));
    expect(idsOf(old)).not.toContain(ids['stationBurglary']);
    expect(idsOf(old)).not.toContain(ids['counterDumping']);
  });

  it("overdue: open, unanswered and past the category's answer target", async () => {
    const overdue = await queue(officer, '&overdue=true');
    expect(overdue.every((i) => i.overdue && i.status.type === 'open')).toBe(true);
    expect(idsOf(overdue)).toContain(ids['lateNoise']);
    for (const name of ['answeredNoise', 'closedVandalism', 'stationBurglary', 'counterDumping']) {
      expect(idsOf(overdue)).not.toContain(ids[name]);
    }
    // Burglary has five days: two more days on the clock make it overdue too (a new session:
    // the old one would have gone idle).
    const now = t.clock.now();
    t.clock.advance(2 * DAY + 3600_000);
    try {
      const later = await t.login(officerAccount);
      expect(idsOf(await queue(later, '&overdue=true'))).toContain(ids['stationBurglary']);
      const all = await queue(later);
      expect(all.find((i) => i.id === ids['stationBurglary'])?.overdue).toBe(true);
    } finally {
      t.clock.set(now);
    }
  });

  it('by reference (in any case) and by words of the description', async () => {
    const reference = references['stationBurglary'] ?? '';
    expect(idsOf(await queue(officer, `&search=${reference}`))).toEqual([ids['stationBurglary']]);
    expect(idsOf(await queue(officer, `&search=${reference.toLowerCase()}`))).toEqual([
      ids['stationBurglary'],
    ]);
    expect(idsOf(await queue(officer, `&search=${encodeURIComponent('keukenraam')}`))).toEqual([
      ids['stationBurglary'],
    ]);
  });

  it('mine: what is assigned to me and what lies in the neighbourhoods I cover', async () => {
    const before = await queue(sarah, '&mine=true');
    expect(idsOf(before)).toContain(ids['lateNoise']);
    expect(idsOf(before)).not.toContain(ids['stationBurglary']);
    expect(idsOf(await queue(officer, '&mine=true'))).toEqual([]);
    const sarahOfficer = await t.context.db
      .selectFrom('officers')
      .select('id')
      .where('name', '=', 'Sarah De Smet')
      .executeTakeFirstOrThrow();
    const assigned = await officer.patch(`/api/zones/${zone}/staff/signals/${ids['stationBurglary']}`, {
      assignedOfficerId: sarahOfficer.id,
    });
    expect(assigned.statusCode).toBe(200);
    const after = await queue(sarah, '&mine=true');
    expect(idsOf(after)).toContain(ids['stationBurglary']);
    expect(after.find((i) => i.id === ids['stationBurglary'])?.assignedOfficer?.id).toBe(sarahOfficer.id);
  });
});

describe('an officer limited to some neighbourhoods', () => {
  it('sees only signals there in the queue', async () => {
    const items = await queue(limited);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.area?.id === areaIds['Stationsbuurt Noord'])).toBe(true);
    expect(idsOf(items)).toContain(ids['stationBurglary']);
    expect(idsOf(await queue(limited, `&areaId=${areaIds['Binnenstad']}`))).toEqual([]);
  });

  it('gets "not found" for any other signal, whatever the action', async () => {
    const other = ids['lateNoise'];
    const base = `/api/zones/${zone}/staff/signals/${other}`;
    for (const response of [
      await limited.get(base),
      await limited.get(`${base}/reporter`),
      await limited.patch(base, { priority: 'low' }),
      await limited.post(`${base}/notes`, { text: 'Gezien' }),
      await limited.post(`${base}/answers`, { text: 'Antwoord' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('signal_not_found');
    }
    const row = await t.context.db
      .selectFrom('signals')
      .select('priority')
      .where('id', '=', other ?? '')
      .executeTakeFirstOrThrow();
    expect(row.priority).toBe('normal');
    expect((await limited.get(`/api/zones/${zone}/staff/signals/${ids['stationBurglary']}`)).statusCode).toBe(
      200,
    );
  });
});
