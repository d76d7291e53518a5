/**
 * Finds where the rings of one polygon cross or touch themselves or each other.
 *
 * Why: a self-intersecting boundary (a "bow-tie", a hole crossing its exterior, a spike)
 * makes "inside" ambiguous and breaks area and point-in-area results, so imports must detect
 * it and repair it (repair-polygon.ts). Real boundaries have thousands of edges per ring, so
 * the edges go into a static R-tree (flatbush) and each edge is only compared with the edges
 * whose bounding boxes touch its own: about O(n log n) instead of O(n²).
 * Orientation signs are exact (orientation.ts): touching configurations are not missed.
 */
import Flatbush from 'flatbush';
import { orientation } from './orientation.ts';
import type { Position } from './types.ts';

export type RingIntersectionKind = 'crossing' | 'touching' | 'spike';

export type RingIntersection = {
  kind: RingIntersectionKind;
  /** An endpoint of one of the edges involved (for messages, not an exact intersection). */
  near: Position;
};

/**
 * The first intersection found between edges of the given rings, or null.
 * Rings must be closed (first = last) with no consecutive duplicate points. Edges that follow
 * each other in a ring may share their common vertex; anything else counts:
 * - 'crossing': two edges cross in their interiors;
 * - 'touching': an edge ends on another edge, two rings share a vertex, or collinear overlap;
 * - 'spike': an edge folds back onto the previous one (the ring goes out and back).
 */
export function findRingIntersection(rings: readonly Position[][]): RingIntersection | null {
  let edgeCount = 0;
  for (const ring of rings) edgeCount += Math.max(0, ring.length - 1);
  if (edgeCount === 0) return null;

  const coords = new Float64Array(edgeCount * 4);
  const ringFirstEdge = new Int32Array(edgeCount);
  const ringLastEdge = new Int32Array(edgeCount);
  const index = new Flatbush(edgeCount);
  let e = 0;
  for (const ring of rings) {
    const first = e;
    const last = e + ring.length - 2;
    for (let i = 0; i + 1 < ring.length; i++, e++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      coords[e * 4] = a[0];
      coords[e * 4 + 1] = a[1];
      coords[e * 4 + 2] = b[0];
      coords[e * 4 + 3] = b[1];
      ringFirstEdge[e] = first;
      ringLastEdge[e] = last;
      index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    }
  }
  index.finish();

  let found: RingIntersection | null = null;
  for (let i = 0; i < edgeCount && !found; i++) {
    const ax = coords[i * 4] as number;
    const ay = coords[i * 4 + 1] as number;
    const bx = coords[i * 4 + 2] as number;
    const by = coords[i * 4 + 3] as number;
    index.collides(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (j) => {
      if (j <= i) return false;
      const cx = coords[j * 4] as number;
      const cy = coords[j * 4 + 1] as number;
      const dx = coords[j * 4 + 2] as number;
      const dy = coords[j * 4 + 3] as number;
      const sameRing = ringFirstEdge[j] === ringFirstEdge[i];
      if (sameRing && j === i + 1) {
        // i = (a, b), j = (b, d): they share b; a spike when d lies back along b→a.
        if (foldsBack(ax, ay, bx, by, dx, dy)) found = { kind: 'spike', near: [bx, by] };
        return found !== null;
      }
      if (sameRing && i === ringFirstEdge[i] && j === ringLastEdge[i]) {
        // j = (c, a), i = (a, b): the ring's closing vertex a.
        if (foldsBack(cx, cy, ax, ay, bx, by)) found = { kind: 'spike', near: [ax, ay] };
        return found !== null;
      }
      const kind = segmentIntersection(ax, ay, bx, by, cx, cy, dx, dy);
      if (kind) found = { kind, near: [ax, ay] };
      return found !== null;
    });
  }
  return found;
}

/** For consecutive edges u→v→w: does w go back along v→u (the two edges overlap)? */
function foldsBack(ux: number, uy: number, vx: number, vy: number, wx: number, wy: number): boolean {
  if (orientation(ux, uy, vx, vy, wx, wy) !== 0) return false;
  return (ux - vx) * (wx - vx) + (uy - vy) * (wy - vy) > 0;
}

/** How the closed segments a–b and c–d meet: 'crossing', 'touching' or null when apart. */
export function segmentIntersection(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): RingIntersectionKind | null {
  const d1 = Math.sign(orientation(cx, cy, dx, dy, ax, ay));
  const d2 = Math.sign(orientation(cx, cy, dx, dy, bx, by));
  const d3 = Math.sign(orientation(ax, ay, bx, by, cx, cy));
  const d4 = Math.sign(orientation(ax, ay, bx, by, dx, dy));
  if (d1 * d2 < 0 && d3 * d4 < 0) return 'crossing';
  if (d1 === 0 && withinBox(cx, cy, dx, dy, ax, ay)) return 'touching';
  if (d2 === 0 && withinBox(cx, cy, dx, dy, bx, by)) return 'touching';
  if (d3 === 0 && withinBox(ax, ay, bx, by, cx, cy)) return 'touching';
  if (d4 === 0 && withinBox(ax, ay, bx, by, dx, dy)) return 'touching';
  return null;
}

/** For a point collinear with p–q: is it on the closed segment? */
function withinBox(px: number, py: number, qx: number, qy: number, x: number, y: number): boolean {
  return x >= Math.min(px, qx) && x <= Math.max(px, qx) && y >= Math.min(py, qy) && y <= Math.max(py, qy);
}
