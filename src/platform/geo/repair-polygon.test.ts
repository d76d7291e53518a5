import { describe, expect, it } from 'vitest';
import { expectValidShape, polygon, usable, warningCodes as codes } from './geo-test-helpers.ts';
import { areaM2InCrs, boundingBox, ringSignedArea } from './measure.ts';
import { createProjection } from './projections.ts';
import { normalizeFeatureGeometry } from './repair-polygon.ts';

describe('more repairs', () => {
  it('removes consecutive duplicate points', () => {
    const outcome = normalizeFeatureGeometry(
      polygon([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 1],
        [0, 0],
        [0, 0],
      ]),
    );
    expect(outcome.ok && outcome.warnings).toEqual([{ code: 'duplicate_points_removed', count: 3 }]);
    expectValidShape(usable(outcome));
  });

  it('repairs a spike and a hole that crosses its exterior', () => {
    const spike = normalizeFeatureGeometry(
      polygon([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 4],
        [2, 8],
        [2, 4],
        [0, 4],
        [0, 0],
      ]),
    );
    expect(codes(spike)).toContain('self_intersection_repaired');
    expectValidShape(usable(spike));
    const crossingHole = normalizeFeatureGeometry(
      polygon(
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [3, 1],
          [3, 3],
          [5, 3],
          [5, 1],
          [3, 1],
        ],
      ),
    );
    expect(codes(crossingHole)).toContain('self_intersection_repaired');
    const multi = usable(crossingHole);
    expectValidShape(multi);
    // The part of the hole inside the square is cut out: 16 − 2.
    expect(multi.reduce((sum, part) => sum + ringSignedArea(part[0] ?? []), 0)).toBeCloseTo(14, 12);
  });

  it('drops degenerate holes and parts but keeps the rest', () => {
    const outcome = normalizeFeatureGeometry({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 4],
            [0, 0],
          ],
          [
            [1, 1],
            [2, 2],
            [1, 1],
          ],
        ],
        [
          [
            [10, 10],
            [11, 11],
            [12, 12],
            [10, 10],
          ],
        ],
      ],
    });
    expect(outcome.ok && outcome.warnings).toEqual([{ code: 'degenerate_ring_dropped', count: 2 }]);
    expect(usable(outcome)).toEqual([
      [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
      ],
    ]);
  });

  it('drops a hole lying outside its exterior', () => {
    const outcome = normalizeFeatureGeometry(
      polygon(
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [6, 1],
          [6, 2],
          [7, 2],
          [7, 1],
          [6, 1],
        ],
      ),
    );
    expect(codes(outcome)).toEqual(['holes_outside_dropped']);
    expect(usable(outcome)).toHaveLength(1);
    expect(usable(outcome)[0]).toHaveLength(1);
  });

  it('flattens a GeometryCollection of polygons', () => {
    const outcome = normalizeFeatureGeometry({
      type: 'GeometryCollection',
      geometries: [
        polygon([
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ]),
        polygon([
          [5, 5],
          [6, 5],
          [6, 6],
          [5, 5],
        ]),
      ],
    });
    expect(codes(outcome)).toEqual(['geometry_collection_flattened']);
    expect(usable(outcome)).toHaveLength(2);
  });

  it('converts with the given projection', () => {
    const toWgs84 = createProjection('EPSG:31370').toWgs84;
    const outcome = normalizeFeatureGeometry(
      polygon([
        [104000, 193000],
        [105000, 193000],
        [105000, 194000],
        [104000, 194000],
        [104000, 193000],
      ]),
      toWgs84,
    );
    const multi = usable(outcome);
    expect(areaM2InCrs(multi, 'EPSG:31370')).toBeCloseTo(1_000_000, -1);
    const [minLon, minLat] = boundingBox(multi);
    expect(minLon).toBeGreaterThan(3.6);
    expect(minLat).toBeGreaterThan(51);
  });
});

describe('refusal details', () => {
  it('says which type is not a polygon and where a coordinate is wrong', () => {
    const point = normalizeFeatureGeometry({ type: 'Point', coordinates: [0, 0] });
    expect(!point.ok && point.detail).toBe('Point');
    const nan = normalizeFeatureGeometry(
      polygon([
        [0, 0],
        [1, Number.NaN],
        [1, 1],
        [0, 0],
      ]),
    );
    expect(!nan.ok && nan.detail).toMatch(/ring 0, position 1/);
    const projected = normalizeFeatureGeometry(
      polygon([
        [386317, 391493],
        [386400, 391493],
        [386400, 391600],
        [386317, 391493],
      ]),
    );
    expect(!projected.ok && projected.detail).toMatch(/does not declare/);
  });
});
