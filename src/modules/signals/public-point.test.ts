/**
 * DESIGN.md, "Privacy" rule 2: a published location is the centre of a cell
 * of the zone's metric grid (EPSG:31370 here) that holds at least k = 8
 * households: estimated from the neighbourhood's households and area, or
 * counted in the address list when the zone has a complete one. Checked
 * against the zone's own projection and addresses, not against fixed numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createProjection } from '../../platform/geo/projections.ts';
import { importAddresses } from '../addresses/import-addresses.ts';
import { importAreas } from '../areas/import-areas.ts';
import { CELL_SIZES_M } from './public-point.ts';

const K = 8;
const projection = createProjection('EPSG:31370');
let t: TestApp;
let slug = '';
let zoneId = '';
const areas = new Map<string, { id: string; households: number; areaM2: number; origin: [number, number] }>();

interface PublicPoint {
  lon: number;
  lat: number;
  cellM: number;
}

/** A rectangle of 0.02° × 0.01° (about 1.4 km × 1.1 km) with its south-west corner at lon, lat. */
function rectangle(lon: number, lat: number): number[][][] {
  return [
    [
      [lon, lat],
      [lon + 0.02, lat],
      [lon + 0.02, lat + 0.01],
      [lon, lat + 0.01],
      [lon, lat],
    ],
  ];
}

/** WGS84 of a point given in metres from a neighbourhood's south-west corner. */
function at(code: string, dx: number, dy: number): { lon: number; lat: number } {
  const origin = areas.get(code)?.origin;
  if (!origin) throw new Error(`no area ${code}`);
  const [lon, lat] = projection.toWgs84(origin[0] + dx, origin[1] + dy);
  return { lon, lat };
}

async function report(location: { lon: number; lat: number }): Promise<PublicPoint> {
  const response = await t.anonymous().post(`/api/zones/${slug}/signals`, {
    category: 'noise',
    description: 'Luide muziek uit een tuin tot diep in de nacht',
    location,
    anonymous: true,
  });
  expect(response.statusCode, response.body).toBe(201);
  const row = await t.context.db
    .selectFrom('signals')
    .select(['public_lon', 'public_lat', 'public_cell_m'])
    .where('id', '=', response.json().id)
    .executeTakeFirstOrThrow();
  return { lon: row.public_lon, lat: row.public_lat, cellM: row.public_cell_m };
}

/** The grid cell (in metres) the published point is the centre of, checked to be one. */
function cellOf(point: PublicPoint): { x0: number; y0: number; size: number } {
  const [x, y] = projection.fromWgs84(point.lon, point.lat);
  const size = point.cellM;
  const i = Math.round((x - size / 2) / size);
  const j = Math.round((y - size / 2) / size);
  // Six decimals of a degree are about 0.1 m: the point is a cell centre to within that.
  expect(Math.abs(x - (i * size + size / 2))).toBeLessThan(0.5);
  expect(Math.abs(y - (j * size + size / 2))).toBeLessThan(0.5);
  return { x0: i * size, y0: j * size, size };
}

function holds(cell: { x0: number; y0: number; size: number }, location: { lon: number; lat: number }) {
  const [x, y] = projection.fromWgs84(location.lon, location.lat);
  return x >= cell.x0 && x < cell.x0 + cell.size && y >= cell.y0 && y < cell.y0 + cell.size;
}

async function addressesIn(cell: { x0: number; y0: number; size: number }): Promise<number> {
  const rows = await t.context.db
    .selectFrom('addresses')
    .select(['lon', 'lat'])
    .where('zone_id', '=', zoneId)
    .execute();
  return rows.filter((a) => holds(cell, a)).length;
}

beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' } });
  const zone = await t.createZone();
  slug = zone.slug;
  zoneId = zone.id;
  const zoneRow = await t.context.db
    .selectFrom('zones')
    .selectAll()
    .where('id', '=', zone.id)
    .executeTakeFirstOrThrow();
  const specs = [
    { code: 'dense', households: 20_000, lon: 3.7 },
    { code: 'sparse', households: 40, lon: 3.74 },
    { code: 'listed', households: 400, lon: 3.78 },
  ];
  const report = await importAreas(t.context, zoneRow, null, {
    fileName: 'wijken.geojson',
    kind: 'neighbourhood',
    content: JSON.stringify({
      type: 'FeatureCollection',
      features: specs.map((s) => ({
        type: 'Feature',
        properties: { name: `Wijk ${s.code}`, code: s.code, households: s.households },
        geometry: { type: 'Polygon', coordinates: rectangle(s.lon, 51.0) },
      })),
    }),
  });
  expect(report.imported + report.repaired).toBe(3);
  for (const spec of specs) {
    const row = await t.context.db
      .selectFrom('areas')
      .select(['id', 'households', 'area_m2'])
      .where('zone_id', '=', zone.id)
      .where('code', '=', spec.code)
      .executeTakeFirstOrThrow();
    // Work well inside the rectangle: its south-west corner, moved 100 m in.
    const [x, y] = projection.fromWgs84(spec.lon, 51.0);
    areas.set(spec.code, {
      id: row.id,
      households: row.households ?? 0,
      areaM2: row.area_m2,
      origin: [x + 100, y + 100],
    });
  }
});
afterAll(async () => t.close());

describe('public points estimated from households', () => {
  it('publishes the centre of a grid cell of at least 50 m that holds the exact point', async () => {
    for (const [code, dx, dy] of [
      ['dense', 17, 33],
      ['dense', 611, 402],
      ['sparse', 250, 140],
      ['listed', 820, 760],
    ] as const) {
      const exact = at(code, dx, dy);
      const point = await report(exact);
      expect(point.cellM).toBeGreaterThanOrEqual(50);
      const cell = cellOf(point);
      expect(holds(cell, exact)).toBe(true);
      expect(point).not.toMatchObject({ lon: exact.lon, lat: exact.lat });
    }
  });

  it('gives every signal in the same cell the same point, and another cell another point', async () => {
    const first = await report(at('dense', 300, 300));
    const cell = cellOf(first);
    const inside = projection.toWgs84(cell.x0 + 3, cell.y0 + cell.size - 3);
    const same = await report({ lon: inside[0], lat: inside[1] });
    expect(same).toEqual(first);
    const outside = projection.toWgs84(cell.x0 + cell.size + 3, cell.y0 + 3);
    const other = await report({ lon: outside[0], lat: outside[1] });
    expect(other).not.toEqual(first);
  });

  it('uses the smallest cell whose estimated households (households / area × cell area) reach k', async () => {
    for (const code of ['dense', 'sparse']) {
      const area = areas.get(code);
      if (!area) throw new Error(code);
      const density = area.households / area.areaM2;
      const point = await report(at(code, 500, 500));
      expect(density * point.cellM ** 2).toBeGreaterThanOrEqual(K);
      if (point.cellM > 50) expect(density * (point.cellM / 2) ** 2).toBeLessThan(K);
    }
  });

  it('grows the cell in a sparse neighbourhood', async () => {
    const dense = await report(at('dense', 400, 200));
    const sparse = await report(at('sparse', 400, 200));
    expect(sparse.cellM).toBeGreaterThan(dense.cellM);
  });
});

describe('public points counted in a complete address list', () => {
  const cluster = { dx: 220, dy: 230 };
  const few = { dx: 1100, dy: 40 };
  const far = { dx: 1150, dy: 880 };

  beforeAll(async () => {
    const lines: string[] = [];
    const add = (code: string, dx: number, dy: number, n: number) => {
      for (let i = 0; i < n; i += 1) {
        const location = at(code, dx + (i % 5) * 2, dy + Math.floor(i / 5) * 2);
        lines.push(`Teststraat,${lines.length + 1},9000,Gent,${location.lon},${location.lat}`);
      }
    };
    // 'listed' (400 households) gets 212 addresses: a complete list (at least half).
    add('listed', cluster.dx, cluster.dy, 200);
    add('listed', few.dx, few.dy, 5);
    add('listed', 20, 900, 7);
    // 'dense' gets three landmarks: a partial list, which must not make its cells look empty.
    add('dense', 40, 40, 3);
    const result = await importAddresses(
      t.context,
      await t.context.db.selectFrom('zones').selectAll().where('id', '=', zoneId).executeTakeFirstOrThrow(),
      null,
      ['street,house_number,postcode,municipality,lon,lat', ...lines].join('\n'),
    );
    expect(result.imported).toBe(lines.length);
  });

  it('uses a 50 m cell where the addresses in it reach k, whatever the estimate says', async () => {
    const area = areas.get('listed');
    if (!area) throw new Error('listed');
    const estimated = area.households / area.areaM2;
    expect(estimated * 50 ** 2).toBeLessThan(K);
    const exact = at('listed', cluster.dx + 3, cluster.dy + 3);
    const point = await report(exact);
    expect(point.cellM).toBe(50);
    const cell = cellOf(point);
    expect(holds(cell, exact)).toBe(true);
    expect(await addressesIn(cell)).toBeGreaterThanOrEqual(K);
  });

  it('never uses a cell with fewer than k addresses: it grows until the count reaches k', async () => {
    for (const spot of [few, far]) {
      const exact = at('listed', spot.dx + 1, spot.dy + 1);
      const point = await report(exact);
      const [x, y] = projection.fromWgs84(exact.lon, exact.lat);
      const aligned = (size: number) => ({
        x0: Math.floor(x / size) * size,
        y0: Math.floor(y / size) * size,
        size,
      });
      if (point.cellM === 0) {
        // No cell reached k: the neighbourhood's own point is published instead.
        for (const size of CELL_SIZES_M) expect(await addressesIn(aligned(size))).toBeLessThan(K);
        continue;
      }
      const cell = cellOf(point);
      expect(holds(cell, exact)).toBe(true);
      expect(await addressesIn(cell)).toBeGreaterThanOrEqual(K);
      expect(await addressesIn(aligned(point.cellM / 2))).toBeLessThan(K);
    }
    // The cell with five addresses is not enough on its own.
    const fewPoint = await report(at('listed', few.dx + 1, few.dy + 1));
    expect(fewPoint.cellM).toBeGreaterThan(50);
  });

  it('keeps the household estimate where the address list is only partial', async () => {
    const area = areas.get('dense');
    if (!area) throw new Error('dense');
    const point = await report(at('dense', 41, 41));
    expect(point.cellM).toBe(50);
    expect((area.households / area.areaM2) * 50 ** 2).toBeGreaterThanOrEqual(K);
  });
});
