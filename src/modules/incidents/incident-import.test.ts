import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { runIncidentImport } from './run-incident-import.ts';
import { runAnalysis } from '../analyses/run-analysis.ts';

const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
let t: TestApp;
let analyst: Agent;
let zone: { id: string; slug: string };

async function newImport(body: Record<string, unknown>, csv: string | Buffer) {
  const created = await analyst.post(`/api/zones/${zone.slug}/incident-imports`, body);
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  const upload = await analyst.request({
    method: 'PUT',
    url: `/api/zones/${zone.slug}/incident-imports/${id}/file`,
    headers: { 'content-type': 'text/csv' },
    payload: Readable.from([typeof csv === 'string' ? Buffer.from(csv) : csv]),
  });
  expect(upload.statusCode).toBe(202);
  expect(upload.json().status).toBe('queued');
  return id;
}

const incidentCount = async () =>
  Number(
    (
      await t.context.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('zone_id', '=', zone.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  zone = await t.createZone({ slug: 'manchester', languages: ['en'] });
  await t.context.db
    .updateTable('zones')
    .set({ projection: 'EPSG:27700', time_zone: 'Europe/London' })
    .where('id', '=', zone.id)
    .execute();
  const admin = await t.login(
    await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
  );
  const wards = await admin.post(`/api/zones/${zone.slug}/area-imports`, {
    fileName: 'manchester-wards.geojson',
    content: readFileSync(path.join(shared, 'manchester-wards.geojson'), 'utf8'),
    kind: 'neighbourhood',
    nameLanguage: 'en',
  });
  expect(wards.statusCode).toBe(201);
  analyst = await t.login(await t.createAccount({ grants: [{ zoneId: zone.id, role: 'analyst' }] }));
}, 120_000);
afterAll(async () => t.close());

describe('importing the Greater Manchester burglaries', () => {
  const mapping = {
    category: 'Crime.type',
    date: 'Month',
    dateFormat: 'yyyy-mm',
    x: 'Longitude',
    y: 'Latitude',
    crs: 'EPSG:4326',
  };
  let firstId = '';

  it('keeps every row, repeated ones too, and counts those outside the wards', async () => {
    firstId = await newImport(
      { fileName: 'gmp.csv', format: 'mapped', mapping },
      readFileSync(path.join(shared, 'gmp-burglary-2016-2019.csv')),
    );
    const done = await runIncidentImport(t.context, firstId);
    expect(done.status).toBe('done');
    expect(done.rows_read).toBe(92666);
    expect(done.inserted).toBe(92666);
    expect(done.bad_rows).toBe(0);
    expect(await incidentCount()).toBe(92666);
    // About a quarter of the points fall inside the city of Manchester's wards (data README).
    const inside = 92666 - done.outside_areas;
    expect(inside / 92666).toBeGreaterThan(0.2);
    expect(inside / 92666).toBeLessThan(0.35);
    const sample = await t.context.db
      .selectFrom('incidents')
      .selectAll()
      .where('zone_id', '=', zone.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(sample.time_precision).toBe('month');
    expect(sample.external_id).toMatch(/^h:[0-9a-f]{24}:\d+$/);
  }, 120_000);

  it('changes nothing on a second import of the same file', async () => {
    const id = await newImport(
      { fileName: 'gmp.csv', format: 'mapped', mapping },
      readFileSync(path.join(shared, 'gmp-burglary-2016-2019.csv')),
    );
    const done = await runIncidentImport(t.context, id);
    expect(done).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 92666 });
    expect(await incidentCount()).toBe(92666);
  }, 120_000);
});

describe('analysing the Greater Manchester burglaries (month precision)', () => {
  async function analyse(method: string, parameters: Record<string, unknown> = {}) {
    const overview = (await analyst.get(`/api/zones/${zone.slug}/incidents/overview`)).json();
    const started = await analyst.post(`/api/zones/${zone.slug}/analyses`, {
      method,
      filters: { areaIds: [], crimeTypes: [], from: overview.firstDate, to: overview.lastDate },
      parameters,
    });
    expect(started.statusCode).toBe(202);
    await runAnalysis(t.context, started.json().id);
    const done = (await analyst.get(`/api/zones/${zone.slug}/analyses/${started.json().id}`)).json();
    expect(done.status).toBe('done');
    return done;
  }

  it('shows the hotspots in the city of Manchester', async () => {
    const density = await analyse('kernel-density');
    expect(density.eventCount).toBeGreaterThan(18_000);
    const peak = density.result.peaks[0];
    expect(peak.lon).toBeGreaterThan(-2.35);
    expect(peak.lon).toBeLessThan(-2.15);
    expect(peak.lat).toBeGreaterThan(53.38);
    expect(peak.lat).toBeLessThan(53.55);
    expect(density.result.radiusSource).toBe('default');
  }, 60_000);

  it('measures concentration at the snapped map points, with repeat places', async () => {
    const result = (await analyse('concentration')).result;
    expect(result.placesWithEvents).toBeLessThan(result.events);
    expect(result.repeatPlaces).toBeGreaterThan(100);
    expect(result.gini).toBeGreaterThan(0.2);
    const top10 = result.topShares.find((s: { percent: number }) => s.percent === 10);
    expect(top10.eventShare).toBeGreaterThan(0.1);
  }, 60_000);

  it('follows the monthly trend, and leaves every event out of the hour of week', async () => {
    const trend = await analyse('trend');
    expect(trend.result.interval).toBe('month');
    expect(trend.result.points[0].label).toBe('2016-02');
    const total = trend.result.points.reduce((sum: number, p: { count: number }) => sum + p.count, 0);
    expect(total).toBe(trend.eventCount);
    expect(
      trend.result.points.filter((p: { baseline: string }) => p.baseline === 'seasonal').length,
    ).toBeGreaterThan(20);
    const hours = await analyse('hour-of-week');
    expect(hours.eventCount).toBe(0);
    expect(hours.result.limits.map((l: { key: string }) => l.key)).toContain(
      'analysis.limit.imprecise_left_out',
    );
  }, 60_000);
});

describe('bad rows and resuming', () => {
  const header = 'external_id,category,occurred_from,occurred_to,lon,lat,outcome,location\n';
  const good = (i: number) =>
    `X${i},Burglary,2024-03-0${(i % 9) + 1}T22:15:00,,-2.2426,53.4808,Under investigation,"On or near ""Market St"""\n`;

  it('reports bad rows by line and imports the rest', async () => {
    const csv =
      header +
      good(1) +
      'X2,Burglary,not a date,,-2.24,53.48,,\n' +
      'X3,,2024-03-01,,-2.24,53.48,,\n' +
      good(4);
    const id = await newImport({ fileName: 'bad.csv', format: 'nabij' }, csv);
    const done = await runIncidentImport(t.context, id);
    expect(done).toMatchObject({ status: 'done', inserted: 2, bad_rows: 2 });
    expect(done.bad_row_samples.map((s) => s.line)).toEqual([3, 4]);
    const row = await t.context.db
      .selectFrom('incidents')
      .selectAll()
      .where('external_id', '=', 'X1')
      .executeTakeFirstOrThrow();
    // 22:15 in Manchester (GMT) in March.
    expect(row.occurred_from.toISOString()).toBe('2024-03-02T22:15:00.000Z');
    expect(row.location_text).toBe('On or near "Market St"');
  });

  it('writes nothing when all-or-nothing meets a bad row', async () => {
    const before = await incidentCount();
    const csv = header + good(11) + 'X12,Burglary,2024-13-45,,-2.24,53.48,,\n';
    const id = await newImport({ fileName: 'strict.csv', format: 'nabij', allOrNothing: true }, csv);
    const done = await runIncidentImport(t.context, id);
    expect(done.status).toBe('failed');
    expect(done.bad_rows).toBe(1);
    expect(await incidentCount()).toBe(before);
  });

  it('resumes after a crash at the last committed batch without losing or doubling rows', async () => {
    const rows = Array.from(
      { length: 12_000 },
      (_, i) => `R${i},Burglary,2024-01-01,,-2.2426,53.4808,,\n`,
    ).join('');
    const id = await newImport({ fileName: 'big.csv', format: 'nabij' }, header + rows);
    const before = await incidentCount();
    let flushes = 0;
    await expect(
      runIncidentImport(t.context, id, {
        onProgress: () => {
          flushes += 1;
          if (flushes === 1) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    const halfway = await t.context.db
      .selectFrom('incident_imports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(halfway.status).toBe('running');
    expect(halfway.inserted).toBe(5000);
    const done = await runIncidentImport(t.context, id);
    expect(done).toMatchObject({ status: 'done', rows_read: 12_000, inserted: 12_000 });
    expect((await incidentCount()) - before).toBe(12_000);
  });
});
