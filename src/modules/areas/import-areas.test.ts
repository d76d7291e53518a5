/**
 * Area import over HTTP (POST /api/zones/:zone/area-imports), against the real
 * boundary files of ../shared/data and synthetic files that exercise each
 * repair and refusal. Every import is checked in the database too: what is
 * stored, what is not, and that a failed import leaves nothing behind.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';

const SHARED_DATA = path.resolve(import.meta.dirname, '../../../../shared/data');
const readShared = (name: string) => readFileSync(path.join(SHARED_DATA, name), 'utf8');

interface FeatureLine {
  index: number;
  name: string | null;
  code: string | null;
  status: string;
  updated?: boolean;
  warnings: { code: string; count: number; detail?: string }[];
  reason?: string;
  detail?: string;
  areaId?: string;
}
interface Report {
  importId: string | null;
  fileName: string;
  format: string;
  sourceCrs: string;
  objectNames: string[];
  dryRun: boolean;
  imported: number;
  repaired: number;
  refused: number;
  skipped: number;
  features: FeatureLine[];
}

let t: TestApp;

async function adminOf(zoneId: string): Promise<Agent> {
  const account = await t.createAccount({ grants: [{ zoneId, role: 'administrator' }], totp: true });
  return t.login(account);
}

async function newZone(): Promise<{ id: string; slug: string; admin: Agent }> {
  const zone = await t.createZone();
  return { ...zone, admin: await adminOf(zone.id) };
}

function importInto(agent: Agent, slug: string, body: Record<string, unknown>) {
  return agent.post(`/api/zones/${slug}/area-imports`, body);
}

async function areasOf(zoneId: string) {
  return t.context.db.selectFrom('areas').selectAll().where('zone_id', '=', zoneId).orderBy('code').execute();
}

async function importsOf(zoneId: string) {
  return t.context.db.selectFrom('area_imports').selectAll().where('zone_id', '=', zoneId).execute();
}

async function auditActions(zoneId: string): Promise<string[]> {
  const rows = await t.context.db
    .selectFrom('audit_entries')
    .select('action')
    .where('zone_id', '=', zoneId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

/** Every ring closed, at least 4 positions, every position in WGS84 range. */
function expectValidMultiPolygon(boundary: { type: string; coordinates: number[][][][] }) {
  expect(boundary.type).toBe('MultiPolygon');
  expect(boundary.coordinates.length).toBeGreaterThan(0);
  for (const polygon of boundary.coordinates) {
    for (const ring of polygon) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [lon, lat] of ring as [number, number][]) {
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
    }
  }
}

/** Even-odd ray casting over raw GeoJSON coordinates (independent of the app's geo code). */
function inRing(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function inGeometry(geometry: { type: string; coordinates: unknown }, x: number, y: number): boolean {
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as number[][][][];
  return polygons.some((p) => inRing(p[0] ?? [], x, y) && !p.slice(1).some((hole) => inRing(hole, x, y)));
}

const square = (lon: number, lat: number, size = 0.01): number[][] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('importing the real boundary files', () => {
  it("imports Ghent's 25 neighbourhoods, lists the import with its report and audits it", async () => {
    const zone = await newZone();
    const content = readShared('gent-wijken.geojson');
    const file = JSON.parse(content) as { features: { properties: { name: string } }[] };
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'gent-wijken.geojson',
      content,
      kind: 'neighbourhood',
      nameLanguage: 'nl',
    });
    expect(response.statusCode).toBe(201);
    const report = response.json() as Report;
    expect(report).toMatchObject({ format: 'geojson', sourceCrs: 'EPSG:4326', dryRun: false, refused: 0 });
    expect(report.imported + report.repaired).toBe(25);
    expect(report.features).toHaveLength(25);
    expect(report.importId).toEqual(expect.any(String));
    expect(report.features.every((f) => f.updated === false && typeof f.areaId === 'string')).toBe(true);

    const stored = await areasOf(zone.id);
    expect(stored).toHaveLength(25);
    expect(stored.map((a) => a.name.nl).sort()).toEqual(file.features.map((f) => f.properties.name).sort());
    expect(stored.every((a) => a.kind === 'neighbourhood' && a.parent_id === null)).toBe(true);
    for (const area of stored) expectValidMultiPolygon(area.boundary);
    // Report lines point at the stored rows.
    expect(new Set(report.features.map((f) => f.areaId))).toEqual(new Set(stored.map((a) => a.id)));

    const list = await zone.admin.get(`/api/zones/${zone.slug}/area-imports`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as {
      id: string;
      fileName: string;
      imported: number;
      repaired: number;
      features: FeatureLine[];
    }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: report.importId,
      fileName: 'gent-wijken.geojson',
      imported: report.imported,
      repaired: report.repaired,
    });
    expect(items[0]?.features).toHaveLength(25);

    const audit = await t.context.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'area.imported')
      .where('subject_id', '=', report.importId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ zone_id: zone.id, subject_type: 'area_import' });
  });

  it('imports the 581 Belgian municipalities from TopoJSON with both names, their population and Koksijde repaired', async () => {
    const zone = await newZone();
    const content = readShared('belgium-municipalities.topo.json');
    const topology = JSON.parse(content) as {
      objects: Record<
        string,
        {
          geometries: { properties: { nis: string; name_nl: string; name_fr: string; population: number } }[];
        }
      >;
    };
    const source = topology.objects['municipalities']?.geometries ?? [];
    expect(source).toHaveLength(581);

    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'belgium-municipalities.topo.json',
      content,
      kind: 'district',
      topojsonObject: 'municipalities',
    });
    expect(response.statusCode).toBe(201);
    const report = response.json() as Report;
    expect(report.format).toBe('topojson');
    expect(report.objectNames).toEqual(['municipalities', 'arrondissements', 'provinces']);
    expect(report.refused).toBe(0);
    expect(report.imported + report.repaired).toBe(581);

    const koksijde = report.features.find((f) => f.name === 'Koksijde');
    expect(koksijde?.status).toBe('repaired');
    expect(koksijde?.warnings.map((w) => w.code)).toContain('self_intersection_repaired');

    const stored = await areasOf(zone.id);
    expect(stored).toHaveLength(581);
    const byCode = new Map(stored.map((a) => [a.code, a]));
    for (const municipality of source) {
      const area = byCode.get(municipality.properties.nis);
      expect(area, municipality.properties.nis).toBeDefined();
      expect(area?.name).toEqual({
        nl: municipality.properties.name_nl,
        fr: municipality.properties.name_fr,
      });
      expect(area?.population).toBe(municipality.properties.population);
    }
    expect(byCode.get('44021')?.name).toEqual({ nl: 'Gent', fr: 'Gand' });
    const storedKoksijde = stored.find((a) => a.name.nl === 'Koksijde');
    if (!storedKoksijde) throw new Error('Koksijde not stored');
    expectValidMultiPolygon(storedKoksijde.boundary);
  });

  it('imports the 43 arrondissements, the second object of the same topology', async () => {
    const zone = await newZone();
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'belgium-municipalities.topo.json',
      content: readShared('belgium-municipalities.topo.json'),
      kind: 'district',
      topojsonObject: 'arrondissements',
    });
    expect(response.statusCode).toBe(201);
    const report = response.json() as Report;
    expect(report.imported + report.repaired).toBe(43);
    const stored = await areasOf(zone.id);
    expect(stored).toHaveLength(43);
    expect(stored.find((a) => a.code === '51000')?.name).toEqual({
      nl: 'Arrondissement Aat',
      fr: "Arrondissement d'Ath",
    });
  });

  it("converts Manchester's wards from British National Grid to WGS84 and codes them by wd22cd", async () => {
    const zone = await newZone();
    const content = readShared('manchester-wards.geojson');
    const file = JSON.parse(content) as {
      features: {
        properties: { wd22cd: string; wd22nm: string };
        geometry: { type: string; coordinates: unknown };
      }[];
    };
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'manchester-wards.geojson',
      content,
      kind: 'neighbourhood',
      nameLanguage: 'en',
    });
    expect(response.statusCode).toBe(201);
    const report = response.json() as Report;
    expect(report.sourceCrs).toBe('EPSG:27700');
    expect(report.imported + report.repaired).toBe(32);

    const stored = await areasOf(zone.id);
    expect(stored.map((a) => a.code).sort()).toEqual(file.features.map((f) => f.properties.wd22cd).sort());
    for (const area of stored) {
      expectValidMultiPolygon(area.boundary);
      // The city of Manchester, in degrees (not metres).
      expect(area.min_lon).toBeGreaterThan(-2.4);
      expect(area.max_lon).toBeLessThan(-2.1);
      expect(area.min_lat).toBeGreaterThan(53.3);
      expect(area.max_lat).toBeLessThan(53.6);
    }
    // Manchester Town Hall: OS grid reference SJ 8386 9810 in the file's own metres,
    // (-2.2446, 53.4794) in WGS84. The ward that holds the one must hold the other.
    const ward = file.features.find((f) => inGeometry(f.geometry, 383_865, 398_103));
    expect(ward).toBeDefined();
    const located = await t.anonymous().get(`/api/zones/${zone.slug}/areas/locate?lon=-2.2446&lat=53.4794`);
    expect(located.json().area?.code).toBe(ward?.properties.wd22cd);
  });
});

describe('repairs and refusals, feature by feature', () => {
  const bowTie = [
    [3.7, 51.1],
    [3.71, 51.11],
    [3.71, 51.1],
    [3.7, 51.11],
    [3.7, 51.1],
  ];
  const unclosed = square(3.72, 51.1).slice(0, 4);
  const mixed = collection(
    feature({ name: 'Goed', code: 'good' }, { type: 'Polygon', coordinates: [square(3.68, 51.1)] }),
    feature({ name: 'Strik', code: 'bowtie' }, { type: 'Polygon', coordinates: [bowTie] }),
    feature({ name: 'Open', code: 'unclosed' }, { type: 'Polygon', coordinates: [unclosed] }),
    feature({ name: 'Punt', code: 'point' }, { type: 'Point', coordinates: [3.7, 51.1] }),
    feature({ code: 'nameless' }, { type: 'Polygon', coordinates: [square(3.74, 51.1)] }),
    feature({ name: 'Dubbel', code: 'good' }, { type: 'Polygon', coordinates: [square(3.76, 51.1)] }),
  );

  it('a dry run reports every line, answers 200 and writes nothing', async () => {
    const zone = await newZone();
    const before = await areasOf(zone.id);
    const auditBefore = await auditActions(zone.id);
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'mixed.geojson',
      content: mixed,
      kind: 'neighbourhood',
      dryRun: true,
    });
    expect(response.statusCode).toBe(200);
    const report = response.json() as Report;
    expect(report).toMatchObject({ dryRun: true, importId: null, imported: 1, repaired: 2, refused: 3 });
    expect(report.features.every((f) => f.areaId === undefined)).toBe(true);
    expect(await areasOf(zone.id)).toEqual(before);
    expect(await importsOf(zone.id)).toEqual([]);
    expect(await auditActions(zone.id)).toEqual(auditBefore);
  });

  it('imports the usable features and says why the others were refused', async () => {
    const zone = await newZone();
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'mixed.geojson',
      content: mixed,
      kind: 'neighbourhood',
    });
    expect(response.statusCode).toBe(201);
    const report = response.json() as Report;
    const line = (index: number) => report.features.find((f) => f.index === index);
    expect(report).toMatchObject({ imported: 1, repaired: 2, refused: 3, skipped: 0 });
    expect(line(0)).toMatchObject({ status: 'imported', code: 'good', warnings: [] });
    expect(line(1)?.status).toBe('repaired');
    expect(line(1)?.warnings.map((w) => w.code)).toContain('self_intersection_repaired');
    expect(line(2)?.status).toBe('repaired');
    expect(line(2)?.warnings.map((w) => w.code)).toEqual(['ring_closed']);
    expect(line(3)).toMatchObject({ status: 'refused', reason: 'not_a_polygon' });
    expect(line(4)).toMatchObject({ status: 'refused', reason: 'missing_name' });
    expect(line(5)).toMatchObject({ status: 'refused', reason: 'duplicate_code', code: 'good' });

    const stored = await areasOf(zone.id);
    expect(stored.map((a) => a.code)).toEqual(['bowtie', 'good', 'unclosed']);
    expect(stored.find((a) => a.code === 'good')?.name).toEqual({ nl: 'Goed' });
    const tie = stored.find((a) => a.code === 'bowtie');
    if (!tie) throw new Error('bow-tie not stored');
    expectValidMultiPolygon(tie.boundary);
    expect(tie.boundary.coordinates).toHaveLength(2); // the two triangles of the bow-tie
    const open = stored.find((a) => a.code === 'unclosed');
    if (!open) throw new Error('unclosed ring not stored');
    expectValidMultiPolygon(open.boundary);

    const [saved] = await importsOf(zone.id);
    expect(saved).toMatchObject({ imported: 1, repaired: 2, refused: 3, file_name: 'mixed.geojson' });
  });

  it('re-importing the same file updates the areas in place: same ids, no duplicates', async () => {
    const zone = await newZone();
    const content = readShared('gent-wijken.geojson');
    const body = { fileName: 'gent-wijken.geojson', content, kind: 'neighbourhood' };
    const first = (await importInto(zone.admin, zone.slug, body)).json() as Report;
    const idsBefore = (await areasOf(zone.id)).map((a) => a.id).sort();
    t.clock.advance(60_000);
    const again = await importInto(zone.admin, zone.slug, body);
    expect(again.statusCode).toBe(201);
    const second = again.json() as Report;
    expect(second.features.every((f) => f.updated === true)).toBe(true);
    expect(second.features.map((f) => f.areaId).sort()).toEqual(first.features.map((f) => f.areaId).sort());
    const after = await areasOf(zone.id);
    expect(after).toHaveLength(25);
    expect(after.map((a) => a.id).sort()).toEqual(idsBefore);
    expect(await importsOf(zone.id)).toHaveLength(2);
    const list = (await zone.admin.get(`/api/zones/${zone.slug}/area-imports`)).json().items as {
      id: string;
    }[];
    expect(list.map((i) => i.id)).toEqual([second.importId, first.importId]);
  });

  it('an import sent twice with one Idempotency-Key is written once and answered twice the same', async () => {
    const zone = await newZone();
    const body = {
      fileName: 'one.geojson',
      content: collection(
        feature({ name: 'Wijk', code: 'w' }, { type: 'Polygon', coordinates: [square(3.7, 51.1)] }),
      ),
      kind: 'neighbourhood',
    };
    const headers = { 'idempotency-key': 'area-import-0001' };
    const first = await zone.admin.post(`/api/zones/${zone.slug}/area-imports`, body, headers);
    expect(first.statusCode).toBe(201);
    const second = await zone.admin.post(`/api/zones/${zone.slug}/area-imports`, body, headers);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await importsOf(zone.id)).toHaveLength(1);
    expect((await auditActions(zone.id)).filter((a) => a === 'area.imported')).toHaveLength(1);
  });

  it('imports only the features matching `where`: Ghent out of 581 municipalities', async () => {
    const zone = await newZone();
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'belgium-municipalities.topo.json',
      content: readShared('belgium-municipalities.topo.json'),
      kind: 'district',
      topojsonObject: 'municipalities',
      where: { property: 'nis', values: ['44021'] },
    });
    expect(response.statusCode).toBe(201);
    const report = response.json() as Report;
    expect(report.features).toHaveLength(1);
    expect(report.skipped).toBe(580);
    const stored = await areasOf(zone.id);
    expect(stored.map((a) => [a.code, a.name.nl, a.population])).toEqual([['44021', 'Gent', 263927]]);
  });
});

describe('parents', () => {
  it('parentCode of a district sets the parent; of a non-district it is refused and nothing is written', async () => {
    const zone = await newZone();
    const district = await importInto(zone.admin, zone.slug, {
      fileName: 'district.geojson',
      content: collection(
        feature(
          { name: 'Wijkpost', code: 'post-1' },
          { type: 'Polygon', coordinates: [square(3.6, 51.0, 0.3)] },
        ),
      ),
      kind: 'district',
    });
    expect(district.statusCode).toBe(201);
    const child = await importInto(zone.admin, zone.slug, {
      fileName: 'child.geojson',
      content: collection(
        feature({ name: 'Wijk A', code: 'wijk-a' }, { type: 'Polygon', coordinates: [square(3.7, 51.1)] }),
        feature({ name: 'Wijk B', code: 'wijk-b' }, { type: 'Polygon', coordinates: [square(3.72, 51.1)] }),
      ),
      kind: 'neighbourhood',
      parentCode: 'post-1',
    });
    expect(child.statusCode).toBe(201);
    const stored = await areasOf(zone.id);
    const post = stored.find((a) => a.code === 'post-1');
    expect(stored.filter((a) => a.kind === 'neighbourhood').map((a) => a.parent_id)).toEqual([
      post?.id,
      post?.id,
    ]);

    const before = await areasOf(zone.id);
    const importsBefore = await importsOf(zone.id);
    const auditBefore = await auditActions(zone.id);
    const refused = await importInto(zone.admin, zone.slug, {
      fileName: 'grandchild.geojson',
      content: collection(
        feature(
          { name: 'Sector 1', code: 'sector-1' },
          { type: 'Polygon', coordinates: [square(3.7, 51.1, 0.005)] },
        ),
        feature({ name: 'Wijk B', code: 'wijk-b' }, { type: 'Polygon', coordinates: [square(3.9, 51.3)] }),
      ),
      kind: 'sector',
      parentCode: 'wijk-a',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('area_parent_invalid');
    expect(await areasOf(zone.id)).toEqual(before);
    expect(await importsOf(zone.id)).toEqual(importsBefore);
    expect(await auditActions(zone.id)).toEqual(auditBefore);

    const unknown = await importInto(zone.admin, zone.slug, {
      fileName: 'orphan.geojson',
      content: collection(
        feature({ name: 'Wijk C', code: 'wijk-c' }, { type: 'Polygon', coordinates: [square(3.74, 51.1)] }),
      ),
      kind: 'neighbourhood',
      parentCode: 'no-such-district',
    });
    expect(unknown.json().error.code).toBe('area_parent_invalid');
    expect(await areasOf(zone.id)).toEqual(before);
  });

  it('a dry run with an invalid parent says so, as the real import would', async () => {
    const zone = await newZone();
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'orphan.geojson',
      content: collection(
        feature({ name: 'Wijk C', code: 'wijk-c' }, { type: 'Polygon', coordinates: [square(3.74, 51.1)] }),
      ),
      kind: 'neighbourhood',
      parentCode: 'no-such-district',
      dryRun: true,
    });
    // A dry run that answers "all fine" for an import that will be refused misleads the administrator.
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('area_parent_invalid');
  });
});

describe('files that cannot be imported', () => {
  it('refuses an unknown coordinate system and lists the supported ones', async () => {
    const zone = await newZone();
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'lambert.geojson',
      content: JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::99999' } },
        features: [feature({ name: 'X' }, { type: 'Polygon', coordinates: [square(100_000, 200_000, 500)] })],
      }),
      kind: 'neighbourhood',
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error as { code: string; message: string };
    expect(error.code).toBe('area_import_unknown_crs');
    expect(error.message).toContain('99999');
    for (const code of ['EPSG:4326', 'EPSG:27700', 'EPSG:31370']) expect(error.message).toContain(code);
    expect(await areasOf(zone.id)).toEqual([]);
  });

  it('refuses a file that is not GeoJSON or TopoJSON', async () => {
    const zone = await newZone();
    for (const content of [
      '{"type": "FeatureCollection", "features": [',
      'name;code\nGent;44021',
      '{"type":"Nope"}',
    ]) {
      const response = await importInto(zone.admin, zone.slug, {
        fileName: 'garbage.txt',
        content,
        kind: 'neighbourhood',
      });
      expect(response.statusCode, content).toBe(400);
      expect(response.json().error.code, content).toBe('area_import_unreadable');
    }
    const missingObject = await importInto(zone.admin, zone.slug, {
      fileName: 'belgium-municipalities.topo.json',
      content: readShared('belgium-municipalities.topo.json'),
      kind: 'district',
      topojsonObject: 'communes',
    });
    expect(missingObject.json().error.code).toBe('area_import_unreadable');
    expect(missingObject.json().error.message).toContain('municipalities');
    expect(await areasOf(zone.id)).toEqual([]);
  });

  it('refuses a file whose every feature is refused, with the reasons, and writes nothing', async () => {
    const zone = await newZone();
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'useless.geojson',
      content: collection(
        feature({ name: 'Punt' }, { type: 'Point', coordinates: [3.7, 51.05] }),
        feature({}, { type: 'Polygon', coordinates: [square(3.7, 51.05)] }),
        feature(
          { name: 'Lijn' },
          {
            type: 'LineString',
            coordinates: [
              [3.7, 51.05],
              [3.71, 51.06],
            ],
          },
        ),
      ),
      kind: 'neighbourhood',
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error as { code: string; details: { path: string; code: string }[] };
    expect(error.code).toBe('area_import_nothing_usable');
    expect(error.details.map((d) => [d.path, d.code])).toEqual([
      ['features/0', 'not_a_polygon'],
      ['features/1', 'missing_name'],
      ['features/2', 'not_a_polygon'],
    ]);
    expect(await areasOf(zone.id)).toEqual([]);
    expect(await importsOf(zone.id)).toEqual([]);
    expect(await auditActions(zone.id)).not.toContain('area.imported');
  });

  it('a write that fails on the last feature rolls back the whole import', async () => {
    const zone = await newZone();
    const first = await importInto(zone.admin, zone.slug, {
      fileName: 'v1.geojson',
      content: collection(
        feature(
          { name: 'Wijk A', code: 'a', population: 1000 },
          { type: 'Polygon', coordinates: [square(3.7, 51.1)] },
        ),
      ),
      kind: 'neighbourhood',
    });
    expect(first.statusCode).toBe(201);
    const before = await areasOf(zone.id);
    const importsBefore = await importsOf(zone.id);
    const auditBefore = await auditActions(zone.id);
    t.clock.advance(60_000);
    // The first feature updates area "a", the second is new, and the database refuses the
    // last one (a trigger injects the fault): the whole write must be undone.
    await sql`
      create function refuse_area_c() returns trigger language plpgsql as $$
      begin
        if new.code = 'c' then raise exception 'injected fault'; end if;
        return new;
      end;
      $$;
      create trigger refuse_area_c before insert on areas for each row execute function refuse_area_c();
    `.execute(t.context.db);
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'v2.geojson',
      content: collection(
        feature(
          { name: 'Wijk A bis', code: 'a', population: 2000 },
          { type: 'Polygon', coordinates: [square(3.8, 51.2)] },
        ),
        feature(
          { name: 'Wijk B', code: 'b', population: 500 },
          { type: 'Polygon', coordinates: [square(3.72, 51.1)] },
        ),
        feature(
          { name: 'Wijk C', code: 'c', population: 700 },
          { type: 'Polygon', coordinates: [square(3.74, 51.1)] },
        ),
      ),
      kind: 'neighbourhood',
    });
    await sql`drop trigger refuse_area_c on areas; drop function refuse_area_c();`.execute(t.context.db);
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal');
    expect(await areasOf(zone.id)).toEqual(before);
    expect(await importsOf(zone.id)).toEqual(importsBefore);
    expect(await auditActions(zone.id)).toEqual(auditBefore);
  });

  it('an impossible population is refused with a reason, not answered as an internal error', async () => {
    const zone = await newZone();
    const response = await importInto(zone.admin, zone.slug, {
      fileName: 'huge.geojson',
      content: collection(
        feature(
          { name: 'Wijk A', code: 'a', population: 100 },
          { type: 'Polygon', coordinates: [square(3.7, 51.1)] },
        ),
        feature(
          { name: 'Wijk C', code: 'c', population: 3_000_000_000 },
          { type: 'Polygon', coordinates: [square(3.74, 51.1)] },
        ),
      ),
      kind: 'neighbourhood',
    });
    expect(response.statusCode).not.toBe(500);
    expect(response.json().error?.code).not.toBe('internal');
  });
});

describe('who may import', () => {
  it('refuses every non-administrator and an administrator of another zone', async () => {
    const zone = await newZone();
    const other = await newZone();
    const body = {
      fileName: 'one.geojson',
      content: collection(feature({ name: 'Wijk A' }, { type: 'Polygon', coordinates: [square(3.7, 51.1)] })),
      kind: 'neighbourhood',
    };
    for (const role of ['supervisor', 'officer', 'analyst'] as const) {
      const account = await t.createAccount({ grants: [{ zoneId: zone.id, role }], totp: true });
      const agent = await t.login(account);
      const response = await importInto(agent, zone.slug, body);
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code, role).toBe('forbidden');
      expect((await agent.get(`/api/zones/${zone.slug}/area-imports`)).statusCode, role).toBe(403);
    }
    const foreign = await importInto(other.admin, zone.slug, body);
    expect(foreign.statusCode).toBe(403);
    expect((await importInto(t.anonymous(), zone.slug, body)).statusCode).toBe(401);
    expect(await areasOf(zone.id)).toEqual([]);
  });
});
