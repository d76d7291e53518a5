/**
 * Kernel density of points on a grid with the quartic (biweight) kernel: the hotspot surface
 * of crime mapping.
 *
 * Formula (ArcGIS "How Kernel Density works", after Silverman 1986, eq. 4.5): at the centre c
 * of every grid cell,
 *
 *     density(c) = (1/r²) · Σ_{i : dᵢ < r} (3/π) · wᵢ · (1 − (dᵢ/r)²)²
 *
 * where dᵢ is the Euclidean distance in metres from point i to c, r the search radius
 * (bandwidth) in metres and wᵢ the point's weight (1 without weights; ArcGIS's "population
 * field"). Each kernel integrates to wᵢ over the plane, so the surface is in events per m²;
 * with `units: 'per-square-kilometre'` (the default, as crime maps are read) it is multiplied
 * by 10⁶ and is events per km². Points farther than r (dᵢ ≥ r) add nothing.
 *
 * Defaults, as ArcGIS Pro's Kernel Density tool sets them:
 *  - cell size = the shorter side of the output extent / 250;
 *  - search radius r = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−0.2) (see defaultSearchRadius).
 * Both can be given in metres. The extent defaults to the points' bounding box.
 *
 * Speed without approximation: each point visits only the cells inside its disk, row by row,
 * each row's span found from the previous one by the exact test d² < r² at its two ends (see
 * spreadPoint); every cell gets the exact distance from the point to its centre. Large inputs
 * are first ordered by row (a counting sort) so that consecutive points touch neighbouring
 * memory. The result equals kernelDensityNaive (the loop over every cell and point) up to the
 * order of floating-point additions: the same cells, each term computed by the same
 * expression. Cost: about π·(r/cellSize)² cell updates per point, independent of the grid size.
 *
 * Coordinates must be projected to metres first (see projection.ts).
 */
import {
  assertGrid,
  columnCentres,
  extentOf,
  gridForExtent,
  rowCentres,
  type Extent,
  type GridSpec,
} from './grid.ts';

export type DensityUnits = 'per-square-kilometre' | 'per-square-metre';

export type KernelDensityOptions = {
  /** Weight per point (ArcGIS's population field); default 1 each. */
  weights?: Float64Array;
  /** Search radius (bandwidth) r in metres; default defaultSearchRadius(x, y, weights). */
  radius?: number;
  /** Cell size in metres; default the shorter side of the extent / 250. Ignored with `grid`. */
  cellSize?: number;
  /** Output extent in metres; default the points' bounding box. Ignored with `grid`. */
  extent?: Extent;
  /** The exact output grid (overrides extent and cellSize). */
  grid?: GridSpec;
  /** 'per-square-kilometre' (default) multiplies the per-m² density by 10⁶. */
  units?: DensityUnits;
};

export type KernelDensityResult = {
  /** The surface, one value per cell, index row·cols + col (row 0 south), in `units`. */
  density: Float64Array;
  grid: GridSpec;
  /** The search radius used, metres, and whether it was given or the ArcGIS default. */
  radius: number;
  radiusSource: 'given' | 'default';
  cellSizeSource: 'given' | 'default';
  units: DensityUnits;
  /** Points with finite coordinates (others are skipped), and the sum of their weights. */
  points: number;
  totalWeight: number;
};

/** 3/π: the quartic kernel's normalising constant in two dimensions. */
export const QUARTIC_CONSTANT = 3 / Math.PI;

/** The factor that turns Σ wᵢ(1 − dᵢ²/r²)² into density: (3/π)/r², × 10⁶ for per km². */
export function densityScale(radius: number, units: DensityUnits): number {
  return (QUARTIC_CONSTANT / (radius * radius)) * (units === 'per-square-kilometre' ? 1e6 : 1);
}

/**
 * ArcGIS Pro's default search radius (Kernel Density tool documentation, "Default search
 * radius (bandwidth)", a spatial variant of Silverman's rule of thumb):
 *
 *     r = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−0.2)
 *
 * SD: the standard distance, √(Σwᵢ((xᵢ − x̄)² + (yᵢ − ȳ)²) / Σwᵢ), metres; Dm: the median
 * distance from the (weighted) mean centre (x̄, ȳ), metres (weighted median with weights);
 * n: the number of points, or Σwᵢ when weights are given. Points with NaN coordinates are
 * skipped. Throws when the result is not > 0 (e.g. all points at one spot): give r then.
 */
export function defaultSearchRadius(
  x: Float64Array,
  y: Float64Array,
  weights?: Float64Array,
): { radius: number; standardDistance: number; medianDistance: number; n: number } {
  let sumW = 0;
  let sumX = 0;
  let sumY = 0;
  const ox = x[0] ?? 0;
  const oy = y[0] ?? 0;
  for (let i = 0; i < x.length; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (Number.isNaN(px) || Number.isNaN(py)) continue;
    const w = weights ? (weights[i] as number) : 1;
    sumW += w;
    sumX += w * (px - ox);
    sumY += w * (py - oy);
  }
  if (!(sumW > 0)) throw new RangeError('no points (or no positive weight) for a default search radius');
  const meanX = ox + sumX / sumW;
  const meanY = oy + sumY / sumW;
  const distances: number[] = [];
  const distanceWeights: number[] = [];
  let sumSquares = 0;
  for (let i = 0; i < x.length; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (Number.isNaN(px) || Number.isNaN(py)) continue;
    const w = weights ? (weights[i] as number) : 1;
    const d2 = (px - meanX) ** 2 + (py - meanY) ** 2;
    sumSquares += w * d2;
    distances.push(Math.sqrt(d2));
    distanceWeights.push(w);
  }
  const standardDistance = Math.sqrt(sumSquares / sumW);
  const medianDistance = weightedMedian(distances, weights ? distanceWeights : null);
  const radius = 0.9 * Math.min(standardDistance, Math.sqrt(1 / Math.LN2) * medianDistance) * sumW ** -0.2;
  if (!(radius > 0) || !Number.isFinite(radius)) {
    throw new RangeError('the default search radius is 0 (points coincide): give a radius');
  }
  return { radius, standardDistance, medianDistance, n: sumW };
}

/**
 * The median of `values`; with weights, the value where the cumulative weight (ascending)
 * reaches half the total, averaging with the next value when it reaches exactly half (so equal
 * weights give the ordinary median).
 */
function weightedMedian(values: number[], weights: number[] | null): number {
  if (!weights) {
    const sorted = Float64Array.from(values).sort();
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  }
  const order = Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number));
  let total = 0;
  for (const w of weights) total += w;
  let cumulative = 0;
  for (let k = 0; k < order.length; k++) {
    const index = order[k] as number;
    cumulative += weights[index] as number;
    if (cumulative === total / 2 && k + 1 < order.length) {
      return ((values[index] as number) + (values[order[k + 1] as number] as number)) / 2;
    }
    if (cumulative > total / 2) return values[index] as number;
  }
  return values[order[order.length - 1] as number] as number;
}

/** Resolves the output grid, radius and units from the options (shared with the naive version). */
export function resolveKernelDensity(
  x: Float64Array,
  y: Float64Array,
  options: KernelDensityOptions,
): {
  grid: GridSpec;
  radius: number;
  radiusSource: 'given' | 'default';
  cellSizeSource: 'given' | 'default';
} {
  if (y.length !== x.length) throw new RangeError('x and y differ in length');
  if (options.weights && options.weights.length !== x.length) {
    throw new RangeError('weights and x differ in length');
  }
  let grid: GridSpec;
  let cellSizeSource: 'given' | 'default' = 'given';
  if (options.grid) {
    grid = options.grid;
  } else {
    const extent = options.extent ?? extentOf(x, y);
    let cellSize = options.cellSize;
    if (cellSize === undefined) {
      cellSizeSource = 'default';
      const width = extent.maxX - extent.minX;
      const height = extent.maxY - extent.minY;
      const shorter = Math.min(width, height) > 0 ? Math.min(width, height) : Math.max(width, height);
      if (!(shorter > 0)) throw new RangeError('the extent has no size: give a cell size');
      cellSize = shorter / 250;
    }
    grid = gridForExtent(extent, cellSize);
  }
  assertGrid(grid);
  let radius = options.radius;
  let radiusSource: 'given' | 'default' = 'given';
  if (radius === undefined) {
    radius = defaultSearchRadius(x, y, options.weights).radius;
    radiusSource = 'default';
  }
  if (!(radius > 0) || !Number.isFinite(radius)) throw new RangeError(`radius must be > 0, got ${radius}`);
  return { grid, radius, radiusSource, cellSizeSource };
}

/** Below this many points the row ordering (for memory locality) is not worth its cost. */
const ORDER_BY_ROW_FROM = 20_000;

/**
 * Copies of the points with finite coordinates, ordered by grid row (a counting sort on the
 * row of y, clamped to the grid), so that consecutive points update neighbouring memory.
 * Ordering changes only the order of floating-point additions, never which cells a point
 * reaches or with what weight. Weights are copied along (null when there are none).
 */
function finitePointsByRow(
  x: Float64Array,
  y: Float64Array,
  weights: Float64Array | undefined,
  grid: GridSpec,
  sort: boolean,
): { x: Float64Array; y: Float64Array; w: Float64Array | null } {
  const { rows, originY } = grid;
  const invCell = 1 / grid.cellSize;
  const rowOf = new Int32Array(x.length);
  const next = new Int32Array(rows + 1);
  let finite = 0;
  for (let i = 0; i < x.length; i++) {
    const py = y[i] as number;
    if (!(Number.isFinite(x[i] as number) && Number.isFinite(py))) {
      rowOf[i] = -1;
      continue;
    }
    finite++;
    let row = sort ? Math.floor((py - originY) * invCell) : 0;
    if (row < 0) row = 0;
    if (row > rows - 1) row = rows - 1;
    rowOf[i] = row;
    next[row + 1] = (next[row + 1] as number) + 1;
  }
  for (let row = 0; row < rows; row++) next[row + 1] = (next[row + 1] as number) + (next[row] as number);
  const sx = new Float64Array(finite);
  const sy = new Float64Array(finite);
  const sw = weights ? new Float64Array(finite) : null;
  for (let i = 0; i < x.length; i++) {
    const row = rowOf[i] as number;
    if (row < 0) continue;
    const k = next[row] as number;
    next[row] = k + 1;
    sx[k] = x[i] as number;
    sy[k] = y[i] as number;
    if (sw) sw[k] = (weights as Float64Array)[i] as number;
  }
  return { x: sx, y: sy, w: sw };
}

/**
 * Adds w·(1 − d²/r²)² to every cell whose centre lies at d < r from (px, py) (not yet scaled).
 *
 * Row by row, outward from the row whose centre is nearest to py (up, then down), so that
 * |dy| grows and a row's span of cells inside the disk shrinks. The first row's span is found
 * from √(r² − dy²) and corrected by the exact test d² < r² at both ends; each next row only
 * moves the ends inward until they pass the test again. Cells between two ends that pass are
 * inside too (d² only grows with |dx|, also in floating point: the column centres increase
 * monotonically and rounding is monotone), so the inner loop needs no test.
 */
function spreadPoint(
  sums: Float64Array,
  colX: Float64Array,
  rowY: Float64Array,
  r2: number,
  invR2: number,
  invCell: number,
  originX: number,
  originY: number,
  px: number,
  py: number,
  w: number,
): void {
  const cols = colX.length;
  const rows = rowY.length;
  // The row nearest to py (clamped to the grid): its span is the widest.
  let middle = Math.round((py - originY) * invCell - 0.5);
  if (middle < 0) middle = 0;
  if (middle > rows - 1) middle = rows - 1;
  middle |= 0;
  const dvMiddle = (rowY[middle] as number) - py;
  const dv2Middle = dvMiddle * dvMiddle;
  if (!(dv2Middle < r2)) return;
  const fx = (px - originX) * invCell - 0.5;
  const half = Math.sqrt(r2 - dv2Middle) * invCell;
  let first = Math.floor(fx - half);
  let last = Math.ceil(fx + half);
  if (first < 0) first = 0;
  if (last > cols - 1) last = cols - 1;
  first |= 0;
  last |= 0;
  // Exact ends on the middle row: inward while outside, outward while the next one is inside.
  let du: number;
  for (; first <= last; first++) {
    du = (colX[first] as number) - px;
    if (du * du + dv2Middle < r2) break;
  }
  if (first > last) return; // the widest span misses the grid: so do all the others
  for (; first > 0; first--) {
    du = (colX[first - 1] as number) - px;
    if (!(du * du + dv2Middle < r2)) break;
  }
  for (; last > first; last--) {
    du = (colX[last] as number) - px;
    if (du * du + dv2Middle < r2) break;
  }
  for (; last < cols - 1; last++) {
    du = (colX[last + 1] as number) - px;
    if (!(du * du + dv2Middle < r2)) break;
  }
  for (let step = -1; step <= 1; step += 2) {
    let c0 = first;
    let c1 = last;
    // Down from the middle row, then the middle row and up.
    for (let row = step < 0 ? middle - 1 : middle; row >= 0 && row < rows; row += step) {
      const dv = (rowY[row] as number) - py;
      const dv2 = dv * dv;
      if (!(dv2 < r2)) break;
      for (; c0 <= c1; c0++) {
        du = (colX[c0] as number) - px;
        if (du * du + dv2 < r2) break;
      }
      for (; c1 > c0; c1--) {
        du = (colX[c1] as number) - px;
        if (du * du + dv2 < r2) break;
      }
      if (c0 > c1) break;
      const base = row * cols;
      for (let col = c0; col <= c1; col++) {
        du = (colX[col] as number) - px;
        const t = 1 - (du * du + dv2) * invR2;
        const cell = base + col;
        sums[cell] = (sums[cell] as number) + w * t * t;
      }
    }
  }
}

/** Kernel density on a grid (see the file comment for the formula, defaults and units). */
export function kernelDensity(
  x: Float64Array,
  y: Float64Array,
  options: KernelDensityOptions = {},
): KernelDensityResult {
  const { grid, radius, radiusSource, cellSizeSource } = resolveKernelDensity(x, y, options);
  const units = options.units ?? 'per-square-kilometre';
  const { cols, rows, originX, originY, cellSize } = grid;
  const colX = columnCentres(grid);
  const rowY = rowCentres(grid);
  const sums = new Float64Array(cols * rows);
  const r2 = radius * radius;
  const invR2 = 1 / r2;
  const invCell = 1 / cellSize;
  const sorted = finitePointsByRow(x, y, options.weights, grid, x.length >= ORDER_BY_ROW_FROM);
  const xs = sorted.x;
  const ys = sorted.y;
  const ws = sorted.w;
  let totalWeight = 0;

  for (let i = 0; i < xs.length; i++) {
    const px = xs[i] as number;
    const py = ys[i] as number;
    const w = ws ? (ws[i] as number) : 1;
    totalWeight += w;
    spreadPoint(sums, colX, rowY, r2, invR2, invCell, originX, originY, px, py, w);
  }

  const scale = densityScale(radius, units);
  for (let k = 0; k < sums.length; k++) sums[k] = (sums[k] as number) * scale;
  return { density: sums, grid, radius, radiusSource, cellSizeSource, units, points: xs.length, totalWeight };
}
