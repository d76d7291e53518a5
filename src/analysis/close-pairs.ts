/**
 * Every pair of points closer than a distance, found without looking at all n(n−1)/2 pairs:
 * the shared enumeration behind the Knox test (pairs inside the largest spatial band) and
 * distance-band neighbours for Getis-Ord Gi*.
 *
 * Method: points are bucketed in a grid of square cells of side g > maxDistance. A pair at
 * distance d ≤ maxDistance has |dx| ≤ d < g and |dy| < g (for Manhattan and Euclidean
 * distance alike), so its points lie in the same or in adjacent cells. Each cell is paired
 * with itself and with four of its eight neighbours (east, north-west, north, north-east), so
 * every unordered pair is seen exactly once; then the exact distance decides. g is widened
 * when needed so that the grid has at most about 4n + 1024 cells (correctness only needs
 * g > maxDistance). Coordinates in metres.
 */

export type DistanceMetric = 'manhattan' | 'euclidean';

/** Distance between two points: |dx| + |dy| (Manhattan) or √(dx² + dy²) (Euclidean). */
export function pairDistance(x1: number, y1: number, x2: number, y2: number, metric: DistanceMetric): number {
  const dx = x1 - x2;
  const dy = y1 - y2;
  return metric === 'manhattan' ? Math.abs(dx) + Math.abs(dy) : Math.sqrt(dx * dx + dy * dy);
}

export type ClosePairs = {
  /** Indices of the two points of pair k: a[k] < b[k]. */
  a: Int32Array;
  b: Int32Array;
  /** pairDistance of pair k, metres. */
  distance: Float64Array;
  count: number;
};

/** More close pairs than a caller allows (each takes 16 bytes): the work would not fit in memory. */
export class TooManyPairsError extends RangeError {
  constructor(readonly maxPairs: number) {
    super(`more than ${maxPairs} pairs of events lie within the distance`);
    this.name = 'TooManyPairsError';
  }
}

/**
 * All pairs {i, j} with pairDistance(i, j) < maxDistance (or ≤ with `inclusive`). Points with
 * non-finite coordinates are never paired. Pair order is unspecified. Throws TooManyPairsError
 * beyond `maxPairs`.
 */
export function closePairs(
  x: Float64Array,
  y: Float64Array,
  maxDistance: number,
  metric: DistanceMetric,
  inclusive = false,
  maxPairs = Infinity,
): ClosePairs {
  if (y.length !== x.length) throw new RangeError('x and y differ in length');
  if (!(maxDistance >= 0) || !Number.isFinite(maxDistance)) {
    throw new RangeError(`maxDistance must be finite and ≥ 0, got ${maxDistance}`);
  }
  const n = x.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (!(Number.isFinite(px) && Number.isFinite(py))) continue;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  const out = new PairBuffer(maxPairs);
  if (minX > maxX) return out.result();

  const width = maxX - minX;
  const height = maxY - minY;
  // g > maxDistance with a relative margin far above rounding error, and not so small that
  // the grid has many more cells than points.
  let g = Math.max(maxDistance * (1 + 1e-8), (Math.max(width, height) + 1) * 1e-12, Number.MIN_VALUE);
  const cellBudget = 4 * n + 1024;
  if ((width / g + 1) * (height / g + 1) > cellBudget) {
    g = Math.max(g, Math.sqrt(((width + g) * (height + g)) / cellBudget) * 1.01);
  }
  const cols = Math.floor(width / g) + 1;
  const rows = Math.floor(height / g) + 1;

  // Counting sort of the points by cell.
  const cellOf = new Int32Array(n);
  const start = new Int32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (!(Number.isFinite(px) && Number.isFinite(py))) {
      cellOf[i] = -1;
      continue;
    }
    const cell =
      Math.min(rows - 1, Math.floor((py - minY) / g)) * cols +
      Math.min(cols - 1, Math.floor((px - minX) / g));
    cellOf[i] = cell;
    start[cell + 1] = (start[cell + 1] as number) + 1;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, cols * rows);
  const members = new Int32Array(start[cols * rows] as number);
  for (let i = 0; i < n; i++) {
    const cell = cellOf[i] as number;
    if (cell < 0) continue;
    const at = next[cell] as number;
    members[at] = i;
    next[cell] = at + 1;
  }

  const limit = maxDistance;
  const test = (i: number, j: number): void => {
    const d = pairDistance(x[i] as number, y[i] as number, x[j] as number, y[j] as number, metric);
    if (inclusive ? d <= limit : d < limit) {
      if (i < j) out.push(i, j, d);
      else out.push(j, i, d);
    }
  };
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const cell = row * cols + col;
      const from = start[cell] as number;
      const to = start[cell + 1] as number;
      if (from === to) continue;
      for (let p = from; p < to; p++) {
        const i = members[p] as number;
        for (let q = p + 1; q < to; q++) test(i, members[q] as number);
      }
      // Forward neighbours: (col+1, row), (col−1, row+1), (col, row+1), (col+1, row+1).
      const neighbours: number[] = [];
      if (col + 1 < cols) neighbours.push(cell + 1);
      if (row + 1 < rows) {
        if (col > 0) neighbours.push(cell + cols - 1);
        neighbours.push(cell + cols);
        if (col + 1 < cols) neighbours.push(cell + cols + 1);
      }
      for (const other of neighbours) {
        const oFrom = start[other] as number;
        const oTo = start[other + 1] as number;
        for (let p = from; p < to; p++) {
          const i = members[p] as number;
          for (let q = oFrom; q < oTo; q++) test(i, members[q] as number);
        }
      }
    }
  }
  return out.result();
}

/** Growable typed arrays for pairs. */
class PairBuffer {
  constructor(private readonly maxPairs: number) {}
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private d = new Float64Array(1024);
  private size = 0;

  push(i: number, j: number, distance: number): void {
    if (this.size >= this.maxPairs) throw new TooManyPairsError(this.maxPairs);
    if (this.size === this.a.length) {
      const capacity = this.a.length * 2;
      const a = new Int32Array(capacity);
      const b = new Int32Array(capacity);
      const d = new Float64Array(capacity);
      a.set(this.a);
      b.set(this.b);
      d.set(this.d);
      this.a = a;
      this.b = b;
      this.d = d;
    }
    this.a[this.size] = i;
    this.b[this.size] = j;
    this.d[this.size] = distance;
    this.size++;
  }

  result(): ClosePairs {
    return {
      a: this.a.slice(0, this.size),
      b: this.b.slice(0, this.size),
      distance: this.d.slice(0, this.size),
      count: this.size,
    };
  }
}
