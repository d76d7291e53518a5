import { describe, expect, it } from 'vitest';
import {
  expectBoundaryFileError,
  expectValidShape,
  polygon,
  usable,
  warningCodes as codes,
} from './geo-test-helpers.ts';
import { areaM2InCrs, boundingBox, ringSignedArea } from './measure.ts';
import { createProjection } from './projections.ts';
import { readBoundaryFile } from './read-boundary-file.ts';
import { type GeometryOutcome, normalizeFeatureGeometry } from './repair-polygon.ts';
import { readSharedBoundaryFile } from './shared-test-data.ts';
import type { Position } from './types.ts';

describe('the real boundary files in ../shared/data', () => {
  it('gent-wijken.geojson: 25 neighbourhoods, all usable', () => {
    const file = readSharedBoundaryFile('gent-wijken.geojson');
    expect(file.format).toBe('geojson');
    expect(file.crs).toBe('EPSG:4326');
    expect(file.features).toHaveLength(25);
    let total = 0;
    for (const feature of file.features) {
      expect(typeof feature.properties.name).toBe('string');
      const multi = usable(normalizeFeatureGeometry(feature.geometry));
      expectValidShape(multi);
      total += areaM2InCrs(multi, 'EPSG:31370');
    }
    // The city of Ghent covers about 156 km².
    expect(total / 1e6).toBeGreaterThan(150);
    expect(total / 1e6).toBeLessThan(162);
  });

  it('belgium-municipalities.topo.json: 581 municipalities, all usable, Koksijde repaired', () => {
    const file = readSharedBoundaryFile('belgium-municipalities.topo.json', 'municipalities');
    expect(file.format).toBe('topojson');
    expect(file.objectNames).toEqual(['municipalities', 'arrondissements', 'provinces']);
    expect(file.features).toHaveLength(581);
    const repaired: string[] = [];
    const toLambert72 = createProjection('EPSG:31370').fromWgs84;
    let population = 0;
    for (const feature of file.features) {
      const outcome = normalizeFeatureGeometry(feature.geometry);
      expectValidShape(usable(outcome));
      population += Number(feature.properties.population);
      if (outcome.ok && outcome.warnings.some((warning) => warning.code === 'self_intersection_repaired')) {
        repaired.push(String(feature.properties.name_nl));
      }
      if (feature.properties.name_nl === 'Koksijde' && outcome.ok) {
        // The repair splits off a sliver and keeps the area (50.7 km² in this file, beach included).
        const exterior = (feature.geometry as { coordinates: Position[][] }).coordinates[0] ?? [];
        const before = Math.abs(ringSignedArea(exterior.map(([lon, lat]) => toLambert72(lon, lat))));
        const after = areaM2InCrs(outcome.multipolygon, 'EPSG:31370');
        expect(outcome.multipolygon.length).toBeGreaterThan(1);
        expect(Math.abs(after - before) / before).toBeLessThan(0.001);
        expect(after / 1e6).toBeGreaterThan(44);
        expect(after / 1e6).toBeLessThan(52);
      }
    }
    expect(repaired).toContain('Koksijde');
    expect(population).toBeGreaterThan(11_000_000);
    const ghent = file.features.find((feature) => feature.properties.name_nl === 'Gent');
    expect(ghent?.properties.population).toBe(263927);
  });

  it.each([
    ['arrondissements', 43],
    ['provinces', 11],
  ])('belgium-municipalities.topo.json: object %s has %i usable features', (object, count) => {
    const file = readSharedBoundaryFile('belgium-municipalities.topo.json', object);
    expect(file.features).toHaveLength(count);
    for (const feature of file.features) expectValidShape(usable(normalizeFeatureGeometry(feature.geometry)));
  });

  it('reads the first TopoJSON object when none is named', () => {
    const file = readSharedBoundaryFile('belgium-municipalities.topo.json');
    expect(file.features).toHaveLength(581);
  });

  it('manchester-wards.geojson: 32 wards in British National Grid, converted into Greater Manchester', () => {
    const file = readSharedBoundaryFile('manchester-wards.geojson');
    expect(file.crs).toBe('EPSG:27700');
    expect(file.features).toHaveLength(32);
    const toWgs84 = createProjection(file.crs).toWgs84;
    let total = 0;
    for (const feature of file.features) {
      const multi = usable(normalizeFeatureGeometry(feature.geometry, toWgs84));
      expectValidShape(multi);
      const [minLon, minLat, maxLon, maxLat] = boundingBox(multi);
      expect(minLon).toBeGreaterThan(-2.75);
      expect(maxLon).toBeLessThan(-1.9);
      expect(minLat).toBeGreaterThan(53.3);
      expect(maxLat).toBeLessThan(53.7);
      const km2 = areaM2InCrs(multi, 'EPSG:27700') / 1e6;
      expect(km2).toBeGreaterThan(0.5);
      expect(km2).toBeLessThan(15);
      total += km2;
    }
    expect(total).toBeGreaterThan(115.6 * 0.95);
    expect(total).toBeLessThan(115.6 * 1.05);
  });
});

describe('repairs', () => {
  it('closes an unclosed ring', () => {
    const outcome = normalizeFeatureGeometry(
      polygon([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
    );
    expect(codes(outcome)).toEqual(['ring_closed']);
    expect(usable(outcome)).toEqual([
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    ]);
  });

  it('reorients a clockwise exterior and a counter-clockwise hole', () => {
    const outcome = normalizeFeatureGeometry(
      polygon(
        [
          [0, 0],
          [0, 10],
          [10, 10],
          [10, 0],
          [0, 0],
        ],
        [
          [2, 2],
          [4, 2],
          [4, 4],
          [2, 4],
          [2, 2],
        ],
      ),
    );
    expect(outcome.ok && outcome.warnings).toEqual([{ code: 'ring_reoriented', count: 2 }]);
    expectValidShape(usable(outcome));
  });

  it('splits a bow-tie into its two triangles', () => {
    const outcome = normalizeFeatureGeometry(
      polygon([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
    );
    expect(codes(outcome)).toContain('self_intersection_repaired');
    const multi = usable(outcome);
    expectValidShape(multi);
    expect(multi).toHaveLength(2);
    const area = multi.reduce((sum, part) => sum + ringSignedArea(part[0] ?? []), 0);
    expect(area).toBeCloseTo(2, 12);
  });
});

describe('refusals', () => {
  const refusal = (outcome: GeometryOutcome): string => (outcome.ok ? 'accepted' : outcome.reason);

  it.each([
    ['no geometry', null, 'missing_geometry'],
    ['a Point', { type: 'Point', coordinates: [3.7, 51] }, 'not_a_polygon'],
    [
      'a LineString',
      {
        type: 'LineString',
        coordinates: [
          [3.7, 51],
          [3.8, 51],
        ],
      },
      'not_a_polygon',
    ],
    [
      'a GeometryCollection with a Point',
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }] },
      'not_a_polygon',
    ],
    [
      'NaN',
      polygon([
        [0, 0],
        [1, Number.NaN],
        [1, 1],
        [0, 0],
      ]),
      'invalid_coordinates',
    ],
    [
      'Infinity',
      polygon([
        [0, 0],
        [1, Number.POSITIVE_INFINITY],
        [1, 1],
        [0, 0],
      ]),
      'invalid_coordinates',
    ],
    [
      'a string coordinate',
      polygon([[0, 0], [1, '2'] as unknown as Position, [1, 1], [0, 0]]),
      'invalid_coordinates',
    ],
    [
      'wrong nesting',
      {
        type: 'Polygon',
        coordinates: [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      },
      'invalid_coordinates',
    ],
    [
      'projected coordinates without a CRS',
      polygon([
        [386317, 391493],
        [386400, 391493],
        [386400, 391600],
        [386317, 391493],
      ]),
      'outside_wgs84_range',
    ],
    [
      'two points',
      polygon([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
      'too_few_points',
    ],
    [
      'collinear points',
      polygon([
        [0, 0],
        [1, 1],
        [2, 2],
        [0, 0],
      ]),
      'zero_area',
    ],
  ])('%s → %s', (_name, geometry, reason) => {
    expect(refusal(normalizeFeatureGeometry(geometry))).toBe(reason);
  });
});

describe('readBoundaryFile', () => {
  const square = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  };

  it('accepts a single Feature and a bare geometry', () => {
    const single = readBoundaryFile(
      JSON.stringify({ type: 'Feature', properties: { name: 'A' }, geometry: square }),
    );
    expect(single.features).toEqual([{ index: 0, properties: { name: 'A' }, geometry: square }]);
    const bare = readBoundaryFile(JSON.stringify(square));
    expect(bare.features).toEqual([{ index: 0, properties: {}, geometry: square }]);
    expect(bare.crs).toBe('EPSG:4326');
  });

  it('reads the legacy crs member in its forms', () => {
    const named = (name: string): string =>
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name } },
        features: [{ type: 'Feature', properties: {}, geometry: square }],
      });
    expect(readBoundaryFile(named('urn:ogc:def:crs:EPSG::31370')).crs).toBe('EPSG:31370');
    expect(readBoundaryFile(named('urn:ogc:def:crs:OGC:1.3:CRS84')).crs).toBe('EPSG:4326');
    const epsgStyle = JSON.stringify({
      type: 'Feature',
      crs: { type: 'EPSG', properties: { code: 28992 } },
      properties: {},
      geometry: square,
    });
    expect(readBoundaryFile(epsgStyle).crs).toBe('EPSG:28992');
    const unknown = expectBoundaryFileError(() => readBoundaryFile(named('EPSG:9999')), 'unknown_crs');
    expect(unknown.params.crs).toBe('EPSG:9999');
    expect(unknown.params.supported).toContain('EPSG:31370');
    expectBoundaryFileError(() => readBoundaryFile(named('Lambert 72')), 'unknown_crs');
  });

  it('refuses an empty FeatureCollection', () => {
    expectBoundaryFileError(() => readBoundaryFile('{"type":"FeatureCollection","features":[]}'), 'empty');
  });

  it('refuses garbage, saying where', () => {
    const error = expectBoundaryFileError(
      () => readBoundaryFile('{"type": "FeatureCollection",\n  "features": [oops]}'),
      'unreadable',
    );
    expect(error.params.reason).toMatch(/not valid JSON/);
    expect(error.params.reason).toMatch(/line 2/);
    expectBoundaryFileError(() => readBoundaryFile(''), 'unreadable');
    expectBoundaryFileError(() => readBoundaryFile('[1, 2, 3]'), 'unreadable');
  });

  it('refuses JSON that is neither GeoJSON nor TopoJSON', () => {
    const error = expectBoundaryFileError(() => readBoundaryFile('{"type": "Shapefile"}'), 'unreadable');
    expect(error.params.reason).toMatch(/not GeoJSON or TopoJSON/);
    expectBoundaryFileError(() => readBoundaryFile('{"type": "FeatureCollection"}'), 'unreadable');
  });

  it('refuses an unknown TopoJSON object, listing the available ones', () => {
    const topology = JSON.stringify({
      type: 'Topology',
      arcs: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
      objects: { a: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]] }] } },
    });
    expect(readBoundaryFile(topology).features).toHaveLength(1);
    const error = expectBoundaryFileError(
      () => readBoundaryFile(topology, { topojsonObject: 'b' }),
      'unreadable',
    );
    expect(error.params).toMatchObject({ object: 'b', available: ['a'] });
  });
});
