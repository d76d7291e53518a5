import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { ensureDemoZone, ghentPopulation } from './ensure-demo-zone.ts';
import { generateDemoIncidentsJob } from './generate-demo-incidents.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('demo zone', () => {
  it('is built from the real neighbourhoods of Ghent with its real population', async () => {
    const result = await ensureDemoZone(t.context);
    expect(result.created).toBe(true);
    const areas = (await t.anonymous().get('/api/zones/gent/areas')).json() as {
      kind: string;
      population: number;
      parentId: string | null;
      isDemo: boolean;
      name: { nl: string };
    }[];
    const neighbourhoods = areas.filter((a) => a.kind === 'neighbourhood');
    expect(neighbourhoods).toHaveLength(25);
    expect(neighbourhoods.map((a) => a.name.nl)).toContain('Brugse Poort - Rooigem');
    const total = neighbourhoods.reduce((sum, a) => sum + a.population, 0);
    expect(ghentPopulation()).toBe(263927);
    expect(Math.abs(total - 263927)).toBeLessThanOrEqual(25); // rounding per neighbourhood
    expect(neighbourhoods.every((a) => a.parentId !== null)).toBe(true);
    expect(areas.filter((a) => a.kind === 'district')).toHaveLength(4);
    expect(areas.every((a) => a.isDemo)).toBe(true);
    const zone = (await t.anonymous().get('/api/zones/gent')).json();
    expect(zone.isDemo).toBe(true);
  });

  it('answers who the neighbourhood officer is, with the deputy and the zone fallback', async () => {
    const list = (await t.anonymous().get('/api/zones/gent/neighbourhood-officers')).json() as {
      area: { name: { nl: string } };
      availability: string;
      officer: { name: string } | null;
      usualOfficerName: string | null;
    }[];
    const of = (name: string) => list.find((e) => e.area.name.nl === name);
    expect(of('Binnenstad')?.availability).toBe('available');
    expect(of('Binnenstad')?.officer?.name).toBe('Sarah De Smet');
    expect(of('Stationsbuurt Noord')?.availability).toBe('deputy');
    expect(of('Stationsbuurt Noord')?.usualOfficerName).toBe('Karim El Amrani');
    expect(of('Drongen')?.availability).toBe('nobody');
    // The Korenmarkt is in the Binnenstad.
    const point = (
      await t.anonymous().get('/api/zones/gent/neighbourhood-officer?lon=3.7215&lat=51.0545')
    ).json();
    expect(point.area.name.nl).toBe('Binnenstad');
    expect(point.officer.name).toBe('Sarah De Smet');
    const staffing = (await t.anonymous().get('/api/zones/gent/staffing')).json();
    expect(staffing.inspectors).toBe(12);
    expect(staffing.inspectorsNeeded).toBeCloseTo(263927 / 4000, 0);
    expect(staffing.neighbourhoodsWithoutOfficer).toBe(2);
  });

  it('does nothing the second time', async () => {
    expect((await ensureDemoZone(t.context)).created).toBe(false);
  });
});

describe('demo addresses', () => {
  it('lets the officer be found by address, each address in a neighbourhood', async () => {
    const search = (await t.anonymous().get('/api/zones/gent/addresses?q=korenm')).json();
    expect(search.available).toBe(true);
    expect(search.items[0].label).toBe('Korenmarkt 1, 9000 Gent');
    const answer = (
      await t.anonymous().get(`/api/zones/gent/neighbourhood-officer?addressId=${search.items[0].id}`)
    ).json();
    expect(answer.area.name.nl).toBe('Binnenstad');
    const outside = await t.context.db
      .selectFrom('addresses')
      .select('id')
      .where('area_id', 'is', null)
      .execute();
    expect(outside).toEqual([]);
  });
});

describe('demo incidents', () => {
  it('are generated over the neighbourhoods, marked as generated, with the planted hotspots', async () => {
    const zone = await t.context.db
      .selectFrom('zones')
      .selectAll()
      .where('slug', '=', 'gent')
      .executeTakeFirstOrThrow();
    await generateDemoIncidentsJob.handle({ zoneId: zone.id }, t.context);
    const rows = await t.context.db
      .selectFrom('incidents')
      .select(['crime_type', 'is_generated', 'area_id', 'lon', 'lat', 'occurred_from'])
      .execute();
    expect(rows.length).toBeGreaterThan(15000);
    expect(rows.every((r) => r.is_generated && r.area_id !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.crime_type))).toEqual(
      new Set(['Burglary', 'Vehicle crime', 'Vandalism', 'Drugs']),
    );
    // Drugs near Dampoort station (planted hotspot): far above the city-wide density.
    const drugs = rows.filter((r) => r.crime_type === 'Drugs');
    const nearStation = drugs.filter(
      (r) => Math.abs(r.lon - 3.7405) < 0.002 && Math.abs(r.lat - 51.0563) < 0.0013,
    );
    expect(nearStation.length / drugs.length).toBeGreaterThan(0.1);
    const span =
      (Math.max(...rows.map((r) => r.occurred_from.getTime())) -
        Math.min(...rows.map((r) => r.occurred_from.getTime()))) /
      86_400_000;
    expect(span).toBeGreaterThan(3 * 365 - 5);
  });
});
