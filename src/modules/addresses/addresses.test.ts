/**
 * The zone's address list: CSV import (bad rows reported by line, addresses
 * outside every neighbourhood counted), the public prefix search (accent- and
 * case-insensitive) and the officer lookup by address.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { newId } from '../../platform/ids.ts';
import { importAreas } from '../areas/import-areas.ts';
import { insertOfficer, setAssignment } from '../officers/officers.repository.ts';
import { importAddresses } from './import-addresses.ts';

const SHARED_DATA = path.resolve(import.meta.dirname, '../../../../shared/data');
const ghentText = readFileSync(path.join(SHARED_DATA, 'gent-wijken.geojson'), 'utf8');
const ghent = JSON.parse(ghentText) as {
  features: { properties: { name: string }; geometry: { type: string; coordinates: number[][][] } }[];
};

/** Even-odd ray casting over the raw file (independent of the app's geo code). */
function neighbourhoodInFile(lon: number, lat: number): string | null {
  const inRing = (ring: number[][]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  const found = ghent.features.filter(
    (f) => inRing(f.geometry.coordinates[0] ?? []) && !f.geometry.coordinates.slice(1).some(inRing),
  );
  return found[0]?.properties.name ?? null;
}

const HEADER = 'street,house_number,postcode,municipality,lon,lat';
const STATION = { lon: 3.7105, lat: 51.0357 };

let t: TestApp;
let zone: Zone;
let emptyZone: { id: string; slug: string };
const areaByName = new Map<string, string>();

async function loadZone(id: string): Promise<Zone> {
  return t.context.db.selectFrom('zones').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function search(slug: string, q: string, limit?: number) {
  const query = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
  const response = await t.anonymous().get(`/api/zones/${slug}/addresses?${query.toString()}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    available: boolean;
    items: { id: string; label: string; areaId: string | null }[];
  };
}

async function auditCount(): Promise<number> {
  const rows = await t.context.db
    .selectFrom('audit_entries')
    .select('id')
    .where('action', '=', 'addresses.imported')
    .where('zone_id', '=', zone.id)
    .execute();
  return rows.length;
}

beforeAll(async () => {
  t = await createTestApp();
  zone = await loadZone((await t.createZone()).id);
  emptyZone = await t.createZone();
  const report = await importAreas(t.context, zone, null, {
    fileName: 'gent-wijken.geojson',
    content: ghentText,
    kind: 'neighbourhood',
    nameLanguage: 'nl',
  });
  expect(report.imported + report.repaired).toBe(25);
  for (const f of report.features) if (f.name && f.areaId) areaByName.set(f.name, f.areaId);
  const officerId = newId();
  await insertOfficer(
    t.context.db,
    zone.id,
    officerId,
    {
      name: 'Sarah Binnenstad',
      title: { nl: 'Wijkinspecteur' },
      phone: '+32 9 000 00 01',
      email: null,
      photoUrl: null,
      accountId: null,
    },
    t.clock.now(),
  );
  await setAssignment(
    t.context.db,
    zone.id,
    areaByName.get('Binnenstad') ?? '',
    officerId,
    null,
    t.clock.now(),
  );
});
afterAll(async () => t.close());

describe('importing addresses', () => {
  it('imports the good rows, reports the bad ones by line and counts those outside every area', async () => {
    const csv = [
      HEADER,
      'Korenmarkt,1,9000,Gent,3.7215,51.0545',
      'Korenmarkt,2,9000,Gent,3.7216,51.0546',
      '"Émile Braunplein",5,9000,Gent,3.7247,51.0540',
      `Koningin Maria Hendrikaplein,1,9000,Gent,${STATION.lon},${STATION.lat}`,
      ',7,9000,Gent,3.72,51.05',
      'Veldstraat,10,9000,Gent,abc,51.05',
      'Veldstraat,12,9000,Gent,3.72,151.05',
      '',
      'Grote Markt,1,1000,Brussel,4.3525,50.8467',
    ].join('\r\n');
    const report = await importAddresses(t.context, zone, null, `\uFEFF${csv}\r\n`);
    expect(report.imported).toBe(5);
    expect(report.outsideAreas).toBe(1);
    expect(report.refused.map((r) => r.line)).toEqual([6, 7, 8]);
    expect(report.refused[0]?.reason).toMatch(/street/);
    expect(report.refused[1]?.reason).toMatch(/lon\/lat/);

    const rows = await t.context.db
      .selectFrom('addresses')
      .select(['street', 'house_number', 'area_id', 'search_text'])
      .where('zone_id', '=', zone.id)
      .orderBy('search_text')
      .execute();
    expect(rows.map((r) => `${r.street} ${r.house_number}`)).toEqual([
      'Émile Braunplein 5',
      'Grote Markt 1',
      'Koningin Maria Hendrikaplein 1',
      'Korenmarkt 1',
      'Korenmarkt 2',
    ]);
    const areaOf = (street: string) => rows.find((r) => r.street === street)?.area_id ?? null;
    expect(areaOf('Korenmarkt')).toBe(areaByName.get('Binnenstad'));
    const stationName = neighbourhoodInFile(STATION.lon, STATION.lat);
    expect(stationName).not.toBeNull();
    expect(areaOf('Koningin Maria Hendrikaplein')).toBe(areaByName.get(stationName ?? ''));
    expect(areaOf('Grote Markt')).toBeNull();
    expect(await auditCount()).toBe(1);
  });

  it('changes nothing when the header lacks columns or no row is usable', async () => {
    const before = await search(zone.slug, 'kor');
    const noHeader = await importAddresses(t.context, zone, null, 'straat,nummer\nKorenmarkt,1\n');
    expect(noHeader.imported).toBe(0);
    expect(noHeader.refused).toEqual([{ line: 1, reason: expect.stringContaining('lon') }]);
    const allBad = await importAddresses(t.context, zone, null, `${HEADER}\nKouter,,9000,Gent,3.72,51.05\n`);
    expect(allBad).toMatchObject({ imported: 0, refused: [{ line: 2 }] });
    expect(await search(zone.slug, 'kor')).toEqual(before);
    expect(await auditCount()).toBe(1);
  });
});

describe('searching addresses', () => {
  it('finds addresses by the start of the text, whatever the accents and case', async () => {
    const korenmarkt = await search(zone.slug, 'korenm');
    expect(korenmarkt.available).toBe(true);
    expect(korenmarkt.items.map((i) => i.label)).toEqual([
      'Korenmarkt 1, 9000 Gent',
      'Korenmarkt 2, 9000 Gent',
    ]);
    expect(korenmarkt.items.every((i) => i.areaId === areaByName.get('Binnenstad'))).toBe(true);
    for (const q of ['EMILE', 'émile braun', 'Emile  Braunplein 5', 'ÉMILE-BRAUNPLEIN']) {
      expect(
        (await search(zone.slug, q)).items.map((i) => i.label),
        q,
      ).toEqual(['Émile Braunplein 5, 9000 Gent']);
    }
    expect((await search(zone.slug, 'Korenmarkt 2 9000')).items.map((i) => i.label)).toEqual([
      'Korenmarkt 2, 9000 Gent',
    ]);
    // Only the start matches: "markt" is inside "Korenmarkt" but starts nothing.
    expect((await search(zone.slug, 'markt')).items).toEqual([]);
    expect((await search(zone.slug, 'grote markt')).items).toEqual([
      { id: expect.any(String), label: 'Grote Markt 1, 1000 Brussel', areaId: null },
    ]);
    expect((await search(zone.slug, 'ko', 1)).items).toHaveLength(1);
  });

  it('says the list is not available in a zone without addresses', async () => {
    expect(await search(emptyZone.slug, 'korenmarkt')).toEqual({ available: false, items: [] });
  });

  it('tells pages on the zone itself whether there is an address list', async () => {
    expect((await t.anonymous().get(`/api/zones/${zone.slug}`)).json().hasAddresses).toBe(true);
    expect((await t.anonymous().get(`/api/zones/${emptyZone.slug}`)).json().hasAddresses).toBe(false);
  });

  it('refuses a query that is too short', async () => {
    const response = await t.anonymous().get(`/api/zones/${zone.slug}/addresses?q=k`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });
});

describe('the officer of an address', () => {
  it('answers with the officer of the neighbourhood that holds the address', async () => {
    const [address] = (await search(zone.slug, 'korenmarkt 1')).items;
    const response = await t
      .anonymous()
      .get(`/api/zones/${zone.slug}/neighbourhood-officer?addressId=${address?.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      area: { id: areaByName.get('Binnenstad') },
      availability: 'available',
      officer: { name: 'Sarah Binnenstad' },
    });
    const [station] = (await search(zone.slug, 'koningin maria')).items;
    const stationAnswer = (
      await t.anonymous().get(`/api/zones/${zone.slug}/neighbourhood-officer?addressId=${station?.id}`)
    ).json();
    expect(stationAnswer.area.id).toBe(station?.areaId);
    expect(stationAnswer.availability).toBe('nobody');
  });

  it('refuses an address outside every neighbourhood, and one of another zone', async () => {
    const [brussels] = (await search(zone.slug, 'grote markt')).items;
    const outside = await t
      .anonymous()
      .get(`/api/zones/${zone.slug}/neighbourhood-officer?addressId=${brussels?.id}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('point_outside_zone');
    const [korenmarkt] = (await search(zone.slug, 'korenmarkt 1')).items;
    const crossed = await t
      .anonymous()
      .get(`/api/zones/${emptyZone.slug}/neighbourhood-officer?addressId=${korenmarkt?.id}`);
    expect(crossed.statusCode).toBe(404);
  });

  it('a new import replaces the list: old addresses are gone', async () => {
    const [old] = (await search(zone.slug, 'korenmarkt 1')).items;
    const report = await importAddresses(
      t.context,
      zone,
      null,
      `${HEADER}\nKouter,1,9000,Gent,3.7235,51.0505\n`,
    );
    expect(report).toEqual({ imported: 1, outsideAreas: 0, refused: [] });
    expect((await search(zone.slug, 'korenm')).items).toEqual([]);
    expect((await search(zone.slug, 'kouter')).items.map((i) => i.label)).toEqual(['Kouter 1, 9000 Gent']);
    const gone = await t
      .anonymous()
      .get(`/api/zones/${zone.slug}/neighbourhood-officer?addressId=${old?.id}`);
    expect(gone.statusCode).toBe(404);
    expect(await auditCount()).toBe(2);
  });
});
