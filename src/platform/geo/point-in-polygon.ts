/**
 * The one crossing test that decides whether a point lies in a polygon.
 *
 * Why: when neighbourhoods share boundaries, a point exactly on a shared edge or vertex must
 * belong to exactly one of them, whichever polygon is tested first and whatever direction
 * each polygon walks the shared edge. The index (area-index.ts), tests and repairs all use
 * this rule, so their answers are bit-identical.
 *
 * The rule (a symbolic perturbation): a point P is treated as P' = P + (−ε, +δ) with
 * 0 < δ ≪ ε infinitesimal, and we count how often a ray from P' towards +x crosses the
 * boundary (odd = inside). P' lies on no edge, so the parity is exactly "P' is inside", and
 * since areas that tile the plane do not overlap, P' (hence P) is in exactly one of them.
 * Per edge, written from its lower endpoint (x0, y0) to its upper endpoint (x1, y1) — the
 * canonical order, so two polygons sharing the edge evaluate identical arithmetic:
 *   - horizontal edges (y0 = y1) never count (P' is just above them);
 *   - the edge counts only when y0 ≤ py < y1 (half-open: P' is just above py);
 *   - and when P is left of or on the upward edge: orientation(x0, y0, x1, y1, px, py) ≥ 0
 *     (on the edge, P' is just to its left).
 * The orientation sign is exact (orientation.ts), so the rule holds for every double input.
 * Consequences: a point on a shared vertical edge goes to the area on the left (west), on a
 * shared horizontal edge to the area above (north), on a corner to the area up-left of it.
 * A point on the outer boundary of all areas may be in none (null) on the east/south sides.
 */
import { orientation } from './orientation.ts';
import type { MultiPolygonCoords, Position } from './types.ts';

/** Does the edge a–b count as a crossing for the point (px, py)? See the rule above. */
export function edgeCountsAsCrossing(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  px: number,
  py: number,
): boolean {
  let x0: number, y0: number, x1: number, y1: number;
  if (ay < by) {
    x0 = ax;
    y0 = ay;
    x1 = bx;
    y1 = by;
  } else if (ay > by) {
    x0 = bx;
    y0 = by;
    x1 = ax;
    y1 = ay;
  } else {
    return false;
  }
  return crossingForCanonicalEdge(x0, y0, x1, y1, px, py);
}

/** The same test for an edge already in canonical order (y0 < y1). */
export function crossingForCanonicalEdge(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  px: number,
  py: number,
): boolean {
  if (!(py >= y0 && py < y1)) return false;
  // Strictly left of both endpoints: left of the edge; strictly right of both: right of it.
  if (px < x0 && px < x1) return true;
  if (px > x0 && px > x1) return false;
  return orientation(x0, y0, x1, y1, px, py) >= 0;
}

/** Inside one polygon part (exterior ring and holes, closed or open rings). */
export function pointInRings(rings: readonly Position[][], px: number, py: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    if (n < 2) continue;
    let previous = ring[n - 1] as Position;
    for (let i = 0; i < n; i++) {
      const current = ring[i] as Position;
      if (edgeCountsAsCrossing(previous[0], previous[1], current[0], current[1], px, py)) {
        inside = !inside;
      }
      previous = current;
    }
  }
  return inside;
}

/** Inside any part of a multipolygon. */
export function pointInMultiPolygon(multi: MultiPolygonCoords, px: number, py: number): boolean {
  for (const part of multi) {
    if (pointInRings(part, px, py)) return true;
  }
  return false;
}
