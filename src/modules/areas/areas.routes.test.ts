/**
 * The public area routes (list, one area, boundaries, locate) and the
 * administrator's corrections (PATCH), on Ghent's real neighbourhoods. Point
 * lookups are checked against an independent ray cast over the raw file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';

const SHARED_DATA = path.resolve(import.meta.dirname, '../../../../shared/data');
const ghentText = readFileSync(path.join(SHARED_DATA, 'gent-wijken.geojson'), 'utf8');
const ghent = JSON.parse(ghentText) as {
  features: { properties: { name: string }; geometry: { type: string; coordinates: unknown } }[];
};

interface PublicArea {
  id: string;
  code: string;
  kind: string;
  parentId: string | null;
  name: Record<string, string>;
  population: number | null;
  households: number | null;
  areaKm2: number;
  bbox: number[];
  isDemo: boolean;
}
interface BoundaryFeature {
  type: string;
  id: string;
  properties: { id: string; code: string; kind: string; parentId: string | null; labelPoint: number[] };
  geometry: { type: string; coordinates: number[][][][] };
}

/** Even-odd ray casting over raw coordinates (independent of the app's geo code). */
function inRing(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function inPolygons(polygons: number[][][][], x: number, y: number): boolean {
  return polygons.some((p) => inRing(p[0] ?? [], x, y) && !p.slice(1).some((hole) => inRing(hole, x, y)));
}
function inGeometry(geometry: { type: string; coordinates: unknown }, x: number, y: number): boolean {
  return inPolygons(
    (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][],
    x,
    y,
  );
}
/** Shoelace: positive for a counter-clockwise ring. */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}
/** The neighbourhood of the raw file that holds the point (exactly one expected). */
function ghentNeighbourhoodAt(lon: number, lat: number): string {
  const holders = ghent.features.filter((f) => inGeometry(f.geometry, lon, lat));
  expect(holders).toHaveLength(1);
  return holders[0]?.properties.name ?? '';
}

const square = (lon: number, lat: number, size = 0.01): number[][] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];
const squareFile = (...items: { name: string; code: string; ring: number[][] }[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: items.map((i) => ({
      type: 'Feature',
      properties: { name: i.name, code: i.code },
      geometry: { type: 'Polygon', coordinates: [i.ring] },
    })),
  });

let t: TestApp;
let zone: { id: string; slug: string };
let other: { id: string; slug: string };
let admin: Agent;
let otherAdmin: Agent;

async function importAreas(agent: Agent, slug: string, body: Record<string, unknown>) {
  const response = await agent.post(`/api/zones/${slug}/area-imports`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { importId: string };
}

async function locate(slug: string, lon: number, lat: number): Promise<PublicArea | null> {
  const response = await t.anonymous().get(`/api/zones/${slug}/areas/locate?lon=${lon}&lat=${lat}`);
  expect(response.statusCode).toBe(200);
  return (response.json() as { area: PublicArea | null }).area;
}

beforeAll(async () => {
  t = await createTestApp();
  zone = await t.createZone();
  other = await t.createZone();
  admin = await t.login(
    await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
  );
  otherAdmin = await t.login(
    await t.createAccount({ grants: [{ zoneId: other.id, role: 'administrator' }], totp: true }),
  );
  await importAreas(admin, zone.slug, {
    fileName: 'gent-wijken.geojson',
    content: ghentText,
    kind: 'neighbourhood',
    nameLanguage: 'nl',
  });
  await importAreas(admin, zone.slug, {
    fileName: 'posts.geojson',
    content: squareFile(
      { name: 'Wijkpost Centrum', code: 'post-centrum', ring: square(3.7, 51.03, 0.05) },
      { name: 'Wijkpost Noord', code: 'post-noord', ring: square(3.7, 51.08, 0.05) },
    ),
    kind: 'district',
  });
  await importAreas(otherAdmin, other.slug, {
    fileName: 'posts.geojson',
    content: squareFile({ name: 'Elders', code: 'post-elders', ring: square(4.3, 50.8, 0.05) }),
    kind: 'district',
  });
});
afterAll(async () => t.close());

async function listAreas(slug = zone.slug): Promise<PublicArea[]> {
  const response = await t.anonymous().get(`/api/zones/${slug}/areas`);
  expect(response.statusCode).toBe(200);
  return response.json() as PublicArea[];
}
async function areaNamed(name: string): Promise<PublicArea> {
  const found = (await listAreas()).find((a) => a.name.nl === name);
  if (!found) throw new Error(`no area ${name}`);
  return found;
}

describe('public area routes', () => {
  it('lists the districts and neighbourhoods with their figures, to anyone', async () => {
    const areas = await listAreas();
    expect(areas.filter((a) => a.kind === 'neighbourhood')).toHaveLength(25);
    expect(areas.filter((a) => a.kind === 'district').map((a) => a.code)).toEqual([
      'post-centrum',
      'post-noord',
    ]);
    const binnenstad = areas.find((a) => a.name.nl === 'Binnenstad');
    expect(binnenstad).toMatchObject({ kind: 'neighbourhood', parentId: null, isDemo: false });
    expect(binnenstad?.areaKm2).toBeGreaterThan(1);
    expect(binnenstad?.areaKm2).toBeLessThan(10);
    // The bbox encloses the raw boundary.
    const raw = ghent.features.find((f) => f.properties.name === 'Binnenstad');
    const positions = (raw?.geometry.coordinates as number[][][])[0] ?? [];
    const [minLon, minLat, maxLon, maxLat] = binnenstad?.bbox ?? [];
    for (const [lon, lat] of positions as [number, number][]) {
      expect(lon).toBeGreaterThanOrEqual(minLon ?? Infinity);
      expect(lon).toBeLessThanOrEqual(maxLon ?? -Infinity);
      expect(lat).toBeGreaterThanOrEqual(minLat ?? Infinity);
      expect(lat).toBeLessThanOrEqual(maxLat ?? -Infinity);
    }
    // Zones do not see each other's areas.
    expect((await listAreas(other.slug)).map((a) => a.code)).toEqual(['post-elders']);
  });

  it('answers one area, and 404 for an unknown id or an id of another zone', async () => {
    const binnenstad = await areaNamed('Binnenstad');
    const one = await t.anonymous().get(`/api/zones/${zone.slug}/areas/${binnenstad.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(binnenstad);
    const unknown = await t
      .anonymous()
      .get(`/api/zones/${zone.slug}/areas/0190a000-0000-7000-8000-000000000000`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('area_not_found');
    const foreign = (await listAreas(other.slug))[0];
    const crossed = await t.anonymous().get(`/api/zones/${zone.slug}/areas/${foreign?.id}`);
    expect(crossed.json().error.code).toBe('area_not_found');
  });

  it('serves boundaries as valid RFC 7946 MultiPolygons with a label point inside each area', async () => {
    const response = await t.anonymous().get(`/api/zones/${zone.slug}/areas/boundaries`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('max-age');
    const body = response.json() as { type: string; features: BoundaryFeature[] };
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(27);
    for (const f of body.features) {
      expect(f.type).toBe('Feature');
      expect(f.id).toBe(f.properties.id);
      expect(f.geometry.type).toBe('MultiPolygon');
      for (const polygon of f.geometry.coordinates) {
        polygon.forEach((ring, r) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          // Exterior counter-clockwise, holes clockwise.
          if (r === 0) expect(signedArea(ring)).toBeGreaterThan(0);
          else expect(signedArea(ring)).toBeLessThan(0);
        });
      }
      const [x, y] = f.properties.labelPoint as [number, number];
      expect(inPolygons(f.geometry.coordinates, x, y), f.properties.code).toBe(true);
    }
    // Each neighbourhood's label point is located in that same neighbourhood.
    for (const f of body.features.filter((g) => g.properties.kind === 'neighbourhood')) {
      const [x, y] = f.properties.labelPoint as [number, number];
      expect((await locate(zone.slug, x, y))?.id, f.properties.code).toBe(f.id);
    }
    const districts = (
      await t.anonymous().get(`/api/zones/${zone.slug}/areas/boundaries?kind=district`)
    ).json() as { features: BoundaryFeature[] };
    expect(districts.features.map((f) => f.properties.code).sort()).toEqual(['post-centrum', 'post-noord']);
  });

  it('locates known places in the neighbourhood that holds them, and nothing outside the zone', async () => {
    // Korenmarkt, in the historic centre.
    expect(ghentNeighbourhoodAt(3.7215, 51.0545)).toBe('Binnenstad');
    expect((await locate(zone.slug, 3.7215, 51.0545))?.name.nl).toBe('Binnenstad');
    // Gent-Sint-Pieters station lies on the edge of two neighbourhoods: the file decides which.
    const station = ghentNeighbourhoodAt(3.7105, 51.0357);
    expect(['Stationsbuurt Noord', 'Stationsbuurt Zuid']).toContain(station);
    expect((await locate(zone.slug, 3.7105, 51.0357))?.name.nl).toBe(station);
    // Gent-Dampoort station.
    const dampoort = ghentNeighbourhoodAt(3.7405, 51.0561);
    expect((await locate(zone.slug, 3.7405, 51.0561))?.name.nl).toBe(dampoort);
    // A district never answers a locate while neighbourhoods exist (post-centrum holds this point).
    expect((await locate(zone.slug, 3.72, 51.04))?.kind).toBe('neighbourhood');
    // Brussels, and the middle of the sea.
    expect(await locate(zone.slug, 4.3517, 50.8503)).toBeNull();
    expect(await locate(zone.slug, 2.5, 51.5)).toBeNull();
    const bad = await t.anonymous().get(`/api/zones/${zone.slug}/areas/locate?lon=200&lat=51`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });
});

describe('the locate cache', () => {
  it('reflects a re-import in the same process at the next locate', async () => {
    const cacheZone = await t.createZone();
    const cacheAdmin = await t.login(
      await t.createAccount({ grants: [{ zoneId: cacheZone.id, role: 'administrator' }], totp: true }),
    );
    await importAreas(cacheAdmin, cacheZone.slug, {
      fileName: 'v1.geojson',
      content: squareFile(
        { name: 'West', code: 'west', ring: square(3.6, 51.0) },
        { name: 'Oost', code: 'oost', ring: square(3.62, 51.0) },
      ),
      kind: 'neighbourhood',
    });
    expect((await locate(cacheZone.slug, 3.605, 51.005))?.code).toBe('west');
    expect(await locate(cacheZone.slug, 3.645, 51.005)).toBeNull();

    // West moves east; a third neighbourhood appears.
    await importAreas(cacheAdmin, cacheZone.slug, {
      fileName: 'v2.geojson',
      content: squareFile(
        { name: 'West', code: 'west', ring: square(3.64, 51.0) },
        { name: 'Zuid', code: 'zuid', ring: square(3.6, 50.98) },
      ),
      kind: 'neighbourhood',
    });
    expect(await locate(cacheZone.slug, 3.605, 51.005)).toBeNull();
    expect((await locate(cacheZone.slug, 3.645, 51.005))?.code).toBe('west');
    expect((await locate(cacheZone.slug, 3.605, 50.985))?.code).toBe('zuid');
    expect((await locate(cacheZone.slug, 3.625, 51.005))?.code).toBe('oost');
  });

  it('picks up boundaries changed by another process once the recheck interval has passed', async () => {
    const cacheZone = await t.createZone();
    const cacheAdmin = await t.login(
      await t.createAccount({ grants: [{ zoneId: cacheZone.id, role: 'administrator' }], totp: true }),
    );
    await importAreas(cacheAdmin, cacheZone.slug, {
      fileName: 'v1.geojson',
      content: squareFile({ name: 'Enig', code: 'enig', ring: square(3.6, 51.0) }),
      kind: 'neighbourhood',
    });
    expect((await locate(cacheZone.slug, 3.605, 51.005))?.code).toBe('enig');
    // Another process moves the boundary (it cannot reach this process's cache).
    await t.context.db
      .updateTable('areas')
      .set({
        boundary: JSON.stringify({ type: 'MultiPolygon', coordinates: [[square(3.7, 51.0)]] }),
        min_lon: 3.7,
        max_lon: 3.71,
        updated_at: new Date(t.clock.now().getTime() + 1000),
      })
      .where('zone_id', '=', cacheZone.id)
      .execute();
    const realNow = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(realNow + 10_000);
    try {
      expect(await locate(cacheZone.slug, 3.605, 51.005)).toBeNull();
      expect((await locate(cacheZone.slug, 3.705, 51.005))?.code).toBe('enig');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('correcting an area', () => {
  it('changes names, population, households and parent, and audits it', async () => {
    const binnenstad = await areaNamed('Binnenstad');
    const post = (await listAreas()).find((a) => a.code === 'post-centrum');
    const response = await admin.patch(`/api/zones/${zone.slug}/areas/${binnenstad.id}`, {
      name: { nl: 'Binnenstad', fr: 'Centre-ville', en: 'City centre' },
      population: 18_500,
      households: 11_200,
      parentId: post?.id,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: binnenstad.id,
      name: { nl: 'Binnenstad', fr: 'Centre-ville', en: 'City centre' },
      population: 18_500,
      households: 11_200,
      parentId: post?.id,
    });
    expect(await areaNamed('Binnenstad')).toMatchObject({ population: 18_500, parentId: post?.id });
    const audit = await t.context.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'area.updated')
      .where('subject_id', '=', binnenstad.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ zone_id: zone.id, subject_type: 'area' });
  });

  it('clears a figure with null (unknown), rather than storing 0 inhabitants', async () => {
    const ledeberg = await areaNamed('Ledeberg');
    const url = `/api/zones/${zone.slug}/areas/${ledeberg.id}`;
    expect((await admin.patch(url, { population: 9_000, households: 4_000 })).statusCode).toBe(200);
    const cleared = await admin.patch(url, { households: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ households: null, population: 9_000 });
    const row = await t.context.db
      .selectFrom('areas')
      .select(['households', 'population'])
      .where('id', '=', ledeberg.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ households: null, population: 9_000 });
  });

  it('refuses invalid figures with the path of the field', async () => {
    const binnenstad = await areaNamed('Binnenstad');
    for (const [body, field] of [
      [{ population: -1 }, 'body/population'],
      [{ households: 1.5 }, 'body/households'],
      [{ name: { xx: 'Nope' } }, 'body/name'],
      [{ parentId: 'not-a-uuid' }, 'body/parentId'],
    ] as const) {
      const response = await admin.patch(`/api/zones/${zone.slug}/areas/${binnenstad.id}`, body);
      expect(response.statusCode, field).toBe(400);
      const error = response.json().error as { code: string; details: { path: string }[] };
      expect(error.code).toBe('validation_failed');
      expect(
        error.details.map((d) => d.path).some((p) => p.startsWith(field)),
        field,
      ).toBe(true);
    }
    const empty = await admin.patch(`/api/zones/${zone.slug}/areas/${binnenstad.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect((await areaNamed('Binnenstad')).population).toBe(18_500);
  });

  it('accepts as parent only a district of the same zone', async () => {
    const areas = await listAreas();
    const ledeberg = areas.find((a) => a.name.nl === 'Ledeberg');
    const dampoort = areas.find((a) => a.name.nl === 'Dampoort');
    const postNoord = areas.find((a) => a.code === 'post-noord');
    const foreignDistrict = (await listAreas(other.slug))[0];
    const url = `/api/zones/${zone.slug}/areas/${ledeberg?.id}`;
    for (const parentId of [dampoort?.id, foreignDistrict?.id, ledeberg?.id]) {
      const response = await admin.patch(url, { parentId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('area_parent_invalid');
    }
    // A district has no district parent.
    const districtUnderDistrict = await admin.patch(`/api/zones/${zone.slug}/areas/${postNoord?.id}`, {
      parentId: areas.find((a) => a.code === 'post-centrum')?.id,
    });
    expect(districtUnderDistrict.json().error.code).toBe('area_parent_invalid');
    expect((await listAreas()).find((a) => a.name.nl === 'Ledeberg')?.parentId).toBeNull();

    const ok = await admin.patch(url, { parentId: postNoord?.id });
    expect(ok.json().parentId).toBe(postNoord?.id);
    const detached = await admin.patch(url, { parentId: null });
    expect(detached.json().parentId).toBeNull();
  });

  it('is for administrators of the zone only', async () => {
    const binnenstad = await areaNamed('Binnenstad');
    const supervisor = await t.login(
      await t.createAccount({ grants: [{ zoneId: zone.id, role: 'supervisor' }] }),
    );
    const url = `/api/zones/${zone.slug}/areas/${binnenstad.id}`;
    expect((await supervisor.patch(url, { population: 1 })).statusCode).toBe(403);
    expect((await otherAdmin.patch(url, { population: 1 })).statusCode).toBe(403);
    expect((await t.anonymous().patch(url, { population: 1 })).statusCode).toBe(401);
    // Through another zone's URL the area does not exist.
    const crossed = await otherAdmin.patch(`/api/zones/${other.slug}/areas/${binnenstad.id}`, {
      population: 1,
    });
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().error.code).toBe('area_not_found');
    expect((await areaNamed('Binnenstad')).population).toBe(18_500);
  });
});
