/**
 * Measurements of WGS84 multipolygons: area in m², bounding box, a label point.
 *
 * Why: an area's size (for rates per km²), its extent (for maps and indexes) and a point to
 * put its name on are needed wherever areas are shown or compared. Areas are computed in a
 * metric projection (the zone's local one), never in degrees.
 */
import { pointInRings } from './point-in-polygon.ts';
import { createProjection } from './projections.ts';
import type { BoundingBox, MultiPolygonCoords, PolygonCoords, Position } from './types.ts';

/**
 * Planar signed area (shoelace) of a ring, closed or open: positive when counter-clockwise
 * (x east, y north). Computed relative to the first vertex to keep precision with large
 * projected coordinates.
 */
export function ringSignedArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const origin = ring[0] as Position;
  const ox = origin[0];
  const oy = origin[1];
  let twice = 0;
  for (let i = 1; i < n - 1; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    twice += (a[0] - ox) * (b[1] - oy) - (b[0] - ox) * (a[1] - oy);
  }
  return twice / 2;
}

/** [minLon, minLat, maxLon, maxLat]; all Infinity/−Infinity for an empty multipolygon. */
export function boundingBox(multi: MultiPolygonCoords): BoundingBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const part of multi) {
    // Holes lie inside the exterior ring: the exterior alone gives the box.
    for (const [x, y] of part[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Area in m² of a WGS84 multipolygon, each vertex projected with `project` (lon, lat → metres):
 * exterior rings add, holes subtract.
 */
export function polygonAreaM2(
  multi: MultiPolygonCoords,
  project: (lon: number, lat: number) => Position,
): number {
  let total = 0;
  for (const part of multi) {
    part.forEach((ring, index) => {
      const area = Math.abs(ringSignedArea(ring.map(([lon, lat]) => project(lon, lat))));
      total += index === 0 ? area : -area;
    });
  }
  return total;
}

/** Area in m² in the given metric CRS, e.g. a zone's 'EPSG:31370'. */
export function areaM2InCrs(multi: MultiPolygonCoords, metricCrs: string): number {
  return polygonAreaM2(multi, createProjection(metricCrs).fromWgs84);
}

/**
 * A point guaranteed inside the multipolygon (for a label or a marker): the centroid of the
 * largest part when it lies inside that part, else the middle of the widest inside interval on
 * a few horizontal scan lines. Falls back to the first vertex only for degenerate input.
 */
export function representativePoint(multi: MultiPolygonCoords): Position {
  let largest: PolygonCoords | undefined;
  let largestArea = -1;
  for (const part of multi) {
    const area = Math.abs(ringSignedArea(part[0] ?? []));
    if (area > largestArea) {
      largestArea = area;
      largest = part;
    }
  }
  const exterior = largest?.[0];
  if (!largest || !exterior || exterior.length === 0) throw new Error('empty multipolygon');
  const centroid = partCentroid(largest);
  if (centroid && pointInRings(largest, centroid[0], centroid[1])) return centroid;
  const scanned = widestScanlineMidpoint(largest);
  if (scanned) return scanned;
  return [...(exterior[0] as Position)];
}

/** Area-weighted centroid of a part (holes subtract), in the plane of its coordinates. */
function partCentroid(part: PolygonCoords): Position | null {
  let sumArea = 0;
  let sumX = 0;
  let sumY = 0;
  const origin = part[0]?.[0];
  if (!origin) return null;
  const [ox, oy] = origin;
  for (const ring of part) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const ax = a[0] - ox,
        ay = a[1] - oy,
        bx = b[0] - ox,
        by = b[1] - oy;
      const cross = ax * by - bx * ay;
      sumArea += cross;
      sumX += (ax + bx) * cross;
      sumY += (ay + by) * cross;
    }
  }
  if (sumArea === 0) return null;
  return [ox + sumX / (3 * sumArea), oy + sumY / (3 * sumArea)];
}

function widestScanlineMidpoint(part: PolygonCoords): Position | null {
  const [, minY, , maxY] = boundingBox([part]);
  let best: Position | null = null;
  let bestWidth = 0;
  for (let k = 1; k <= 15; k++) {
    const y = minY + ((maxY - minY) * k) / 16;
    const crossings: number[] = [];
    for (const ring of part) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as Position;
        const b = ring[i + 1] as Position;
        const [lo, hi] = a[1] < b[1] ? [a, b] : [b, a];
        if (lo[1] === hi[1] || y < lo[1] || y >= hi[1]) continue;
        crossings.push(lo[0] + ((y - lo[1]) * (hi[0] - lo[0])) / (hi[1] - lo[1]));
      }
    }
    crossings.sort((p, q) => p - q);
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      const left = crossings[i] as number;
      const right = crossings[i + 1] as number;
      const middle: Position = [(left + right) / 2, y];
      if (right - left > bestWidth && pointInRings(part, middle[0], middle[1])) {
        bestWidth = right - left;
        best = middle;
      }
    }
  }
  return best;
}
