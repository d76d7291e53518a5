/**
 * Point-in-polygon for one polygon part in time proportional to the edges near the point's
 * latitude, not to all of the part's edges.
 *
 * Why: a real neighbourhood boundary has hundreds to thousands of edges, and a crossing test
 * only needs those whose y-range contains the point's y. The part's y-range is cut into
 * horizontal bands; each band keeps a contiguous copy of the (canonically ordered) edges that
 * reach into it, so a lookup is one division, one band read and a handful of edge tests.
 * The test itself is point-in-polygon.ts's rule, so results are bit-identical to it.
 */
import { crossingForCanonicalEdge } from './point-in-polygon.ts';
import type { Position } from './types.ts';

/** About this many edges per band on average (before long edges are counted in several). */
const EDGES_PER_BAND = 2;
/** Never store more than this many edge copies per edge (long edges span many bands). */
const MAX_COPIES_PER_EDGE = 12;

export class PartEdgeBands {
  private readonly minY: number;
  private readonly maxY: number;
  private readonly bandCount: number;
  private readonly bandsPerUnit: number;
  /** Edge copies of band b are entries bandStart[b] … bandStart[b + 1] − 1. */
  private readonly bandStart: Int32Array;
  /** x0, y0, x1, y1 per entry, with y0 < y1 (lower endpoint first). */
  private readonly edges: Float64Array;

  /** `rings`: the part's exterior ring and holes (closed or open). */
  constructor(rings: readonly Position[][]) {
    const canonical: number[] = [];
    for (const ring of rings) {
      const n = ring.length;
      for (let i = 0; i < n; i++) {
        const a = ring[i === 0 ? n - 1 : i - 1] as Position;
        const b = ring[i] as Position;
        if (a[1] < b[1]) canonical.push(a[0], a[1], b[0], b[1]);
        else if (a[1] > b[1]) canonical.push(b[0], b[1], a[0], a[1]);
        // Horizontal edges (and repeated points) never count as crossings.
      }
    }
    const edgeCount = canonical.length / 4;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let e = 0; e < edgeCount; e++) {
      minY = Math.min(minY, canonical[e * 4 + 1] as number);
      maxY = Math.max(maxY, canonical[e * 4 + 3] as number);
    }
    this.minY = minY;
    this.maxY = maxY;

    let bandCount = Math.max(1, Math.ceil(edgeCount / EDGES_PER_BAND));
    let counts: Int32Array;
    for (;;) {
      counts = this.countPerBand(canonical, bandCount, minY, maxY);
      let total = 0;
      for (const count of counts) total += count;
      if (bandCount === 1 || total <= MAX_COPIES_PER_EDGE * edgeCount) break;
      bandCount = Math.max(1, Math.floor(bandCount / 2));
    }
    this.bandCount = bandCount;
    this.bandsPerUnit = maxY > minY ? bandCount / (maxY - minY) : 0;
    this.bandStart = new Int32Array(bandCount + 1);
    for (let b = 0; b < bandCount; b++) {
      this.bandStart[b + 1] = (this.bandStart[b] as number) + (counts[b] as number);
    }
    this.edges = new Float64Array((this.bandStart[bandCount] as number) * 4);
    const cursor = this.bandStart.slice(0, bandCount);
    for (let e = 0; e < edgeCount; e++) {
      const first = this.bandOf(canonical[e * 4 + 1] as number);
      const last = this.bandOf(canonical[e * 4 + 3] as number);
      for (let b = first; b <= last; b++) {
        const slot = (cursor[b] as number) * 4;
        cursor[b] = (cursor[b] as number) + 1;
        this.edges[slot] = canonical[e * 4] as number;
        this.edges[slot + 1] = canonical[e * 4 + 1] as number;
        this.edges[slot + 2] = canonical[e * 4 + 2] as number;
        this.edges[slot + 3] = canonical[e * 4 + 3] as number;
      }
    }
  }

  /** Inside the part (holes excluded), by the half-open crossing rule of point-in-polygon.ts. */
  contains(px: number, py: number): boolean {
    if (!(py >= this.minY && py < this.maxY)) return false;
    const band = this.bandOf(py);
    const edges = this.edges;
    const end = (this.bandStart[band + 1] as number) * 4;
    let inside = false;
    for (let i = (this.bandStart[band] as number) * 4; i < end; i += 4) {
      if (
        crossingForCanonicalEdge(
          edges[i] as number,
          edges[i + 1] as number,
          edges[i + 2] as number,
          edges[i + 3] as number,
          px,
          py,
        )
      ) {
        inside = !inside;
      }
    }
    return inside;
  }

  /**
   * The band of a y value. Monotone in y (subtraction, multiplication by a positive constant
   * and floor are monotone in floating point), so an edge stored in the bands of its two
   * endpoints' y is found for every y between them.
   */
  private bandOf(y: number): number {
    const band = Math.floor((y - this.minY) * this.bandsPerUnit);
    return band < 0 ? 0 : band >= this.bandCount ? this.bandCount - 1 : band;
  }

  private countPerBand(canonical: number[], bandCount: number, minY: number, maxY: number): Int32Array {
    const counts = new Int32Array(bandCount);
    const perUnit = maxY > minY ? bandCount / (maxY - minY) : 0;
    const bandOf = (y: number): number => {
      const band = Math.floor((y - minY) * perUnit);
      return band < 0 ? 0 : band >= bandCount ? bandCount - 1 : band;
    };
    for (let e = 0; e < canonical.length; e += 4) {
      const first = bandOf(canonical[e + 1] as number);
      const last = bandOf(canonical[e + 3] as number);
      for (let b = first; b <= last; b++) counts[b] = (counts[b] as number) + 1;
    }
    return counts;
  }
}
