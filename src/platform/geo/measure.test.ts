import { describe, expect, it } from 'vitest';
import { areaM2InCrs, boundingBox, polygonAreaM2, representativePoint, ringSignedArea } from './measure.ts';
import { pointInRings } from './point-in-polygon.ts';
import { createProjection } from './projections.ts';
import { loadManchesterWards, loadSharedAreas } from './shared-test-data.ts';
import type { MultiPolygonCoords, Position } from './types.ts';

describe('measure', () => {
  it('signed area is positive counter-clockwise, for closed and open rings', () => {
    const square: Position[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ];
    expect(ringSignedArea(square)).toBe(4);
    expect(ringSignedArea([...square, [0, 0]])).toBe(4);
    expect(ringSignedArea([...square].reverse())).toBe(-4);
  });

  it('computes m² in a metric projection, holes subtracted', () => {
    const lambert = createProjection('EPSG:31370');
    const square = (x0: number, y0: number, size: number): Position[] =>
      [
        [x0, y0],
        [x0 + size, y0],
        [x0 + size, y0 + size],
        [x0, y0 + size],
        [x0, y0],
      ].map(([x, y]) => lambert.toWgs84(x as number, y as number));
    const multi: MultiPolygonCoords = [[square(104000, 193000, 1000), square(104400, 193400, 100).reverse()]];
    expect(areaM2InCrs(multi, 'EPSG:31370')).toBeCloseTo(1_000_000 - 10_000, 0);
    expect(polygonAreaM2(multi, lambert.fromWgs84)).toBeCloseTo(990_000, 0);
  });

  it('gives the bounding box of all parts', () => {
    const multi: MultiPolygonCoords = [
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
      [
        [
          [5, -2],
          [6, -2],
          [6, 3],
          [5, -2],
        ],
      ],
    ];
    expect(boundingBox(multi)).toEqual([0, -2, 6, 3]);
  });

  it('finds a representative point inside a concave shape whose centroid is outside', () => {
    const horseshoe: MultiPolygonCoords = [
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [8, 10],
          [8, 2],
          [2, 2],
          [2, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    ];
    const [x, y] = representativePoint(horseshoe);
    expect(pointInRings(horseshoe[0] as Position[][], x, y)).toBe(true);
  });

  it('finds a representative point inside every Belgian municipality and Manchester ward', () => {
    const areas = [
      ...loadSharedAreas('belgium-municipalities.topo.json', 'nis', 'municipalities'),
      ...loadManchesterWards(),
    ];
    for (const area of areas) {
      const [x, y] = representativePoint(area.multipolygon);
      expect(
        area.multipolygon.some((part) => pointInRings(part, x, y)),
        area.id,
      ).toBe(true);
    }
  });
});
