/**
 * Getis-Ord Gi* hot and cold spots over grid cells (counts per cell) or areas (values with
 * neighbour lists), with binary weights that include the feature itself.
 *
 * Formula (Getis & Ord 1992, "The analysis of spatial association by use of distance
 * statistics", Geogr Anal 24:189–206; Ord & Getis 1995, Geogr Anal 27:286–306, eq. 6.4):
 *
 *     Gi* = (Σⱼ wᵢⱼ xⱼ − X̄ Σⱼ wᵢⱼ) / (S · √[(n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1)])
 *
 * over the n features; X̄ = Σ xⱼ / n; S = √(Σ xⱼ² / n − X̄²) (computed as √(Σ(xⱼ − X̄)²/n));
 * wᵢⱼ = 1 when j = i or j is a neighbour of i, else 0 (so Σⱼ wᵢⱼ² = Σⱼ wᵢⱼ). Gi* is a
 * z-score: two-sided p = 2·P(Z ≥ |Gi*|) under the normal approximation. The hot and cold
 * spots are the features whose p is rejected by Benjamini–Hochberg at false discovery rate q
 * (default 0.05; fdr.ts), hot when Gi* > 0, cold when Gi* < 0 (as ArcGIS's Hot Spot Analysis
 * with its FDR correction). A feature whose Gi* is undefined (S = 0, or its neighbourhood is
 * every feature) gets NaN and is not tested.
 *
 * Grid neighbourhoods: 'rook' (the 4 cells sharing an edge), 'queen' (the 8 sharing an edge
 * or corner), or a distance band in metres (cells whose centres are within the distance,
 * inclusive). Cells outside the grid do not exist (edge cells have fewer neighbours); cells
 * outside `mask` are not features at all (neither counted in n nor neighbours).
 */
import { benjaminiHochberg } from './fdr.ts';
import { normalTwoSidedP } from './special-functions.ts';
import { closePairs } from './close-pairs.ts';

/** Neighbour lists in compressed form: the neighbours of i are indices[offsets[i] … offsets[i+1]). */
export type Neighbours = { offsets: Int32Array; indices: Int32Array };

export type GiStarOptions = {
  /** False discovery rate for the hot/cold classification (default 0.05). */
  q?: number;
};

export type GiStarResult = {
  /** Gi* z-score per feature (NaN where undefined or masked). */
  z: Float64Array;
  /** Two-sided normal p-value per feature (NaN where not tested). */
  p: Float64Array;
  /** +1 significant hot spot, −1 significant cold spot, 0 otherwise (after BH at q). */
  hotCold: Int8Array;
  /** Number of features n, their mean X̄ and S. */
  n: number;
  mean: number;
  standardDeviation: number;
  q: number;
  /** Largest p-value rejected by Benjamini–Hochberg (0 when none). */
  pThreshold: number;
};

/** Neighbour lists (arrays of indices, without the feature itself) in compressed form. */
export function neighboursFromLists(lists: readonly (readonly number[])[]): Neighbours {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (offsets[i + 1] = (offsets[i] as number) + list.length));
  const indices = new Int32Array(offsets[lists.length] as number);
  lists.forEach((list, i) => indices.set(list, offsets[i] as number));
  return { offsets, indices };
}

/** Neighbours within `distance` metres (Euclidean, inclusive) of each point, e.g. area centroids. */
export function distanceBandNeighbours(x: Float64Array, y: Float64Array, distance: number): Neighbours {
  const pairs = closePairs(x, y, distance, 'euclidean', true);
  const offsets = new Int32Array(x.length + 1);
  for (let k = 0; k < pairs.count; k++) {
    const a = (pairs.a[k] as number) + 1;
    const b = (pairs.b[k] as number) + 1;
    offsets[a] = (offsets[a] as number) + 1;
    offsets[b] = (offsets[b] as number) + 1;
  }
  for (let i = 0; i < x.length; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, x.length);
  const indices = new Int32Array(offsets[x.length] as number);
  for (let k = 0; k < pairs.count; k++) {
    const a = pairs.a[k] as number;
    const b = pairs.b[k] as number;
    const atA = fill[a] as number;
    const atB = fill[b] as number;
    indices[atA] = b;
    indices[atB] = a;
    fill[a] = atA + 1;
    fill[b] = atB + 1;
  }
  return { offsets, indices };
}

/**
 * Gi* from each feature's neighbourhood size W (Σⱼ wᵢⱼ, self included) and neighbourhood sum
 * (Σⱼ wᵢⱼ xⱼ); `active` marks the features (the others get NaN).
 */
function giStarFrom(
  values: Float64Array,
  active: Uint8Array | null,
  weightSums: Float64Array,
  localSums: Float64Array,
  q: number,
): GiStarResult {
  let n = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (active && !active[i]) continue;
    n++;
    total += values[i] as number;
  }
  const mean = n > 0 ? total / n : Number.NaN;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    if (active && !active[i]) continue;
    squares += ((values[i] as number) - mean) ** 2;
  }
  const s = Math.sqrt(squares / n);
  const z = new Float64Array(values.length).fill(Number.NaN);
  const p = new Float64Array(values.length).fill(Number.NaN);
  for (let i = 0; i < values.length; i++) {
    if (active && !active[i]) continue;
    const w = weightSums[i] as number;
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
    if (!(denominator > 0)) continue;
    z[i] = ((localSums[i] as number) - mean * w) / denominator;
    p[i] = normalTwoSidedP(z[i] as number);
  }
  const { rejected, threshold } = benjaminiHochberg(p, q);
  const hotCold = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) if (rejected[i]) hotCold[i] = (z[i] as number) > 0 ? 1 : -1;
  return { z, p, hotCold, n, mean, standardDeviation: s, q, pThreshold: threshold };
}

/** Gi* over areas: values per area and their neighbour lists (the area itself is added). */
export function getisOrdAreas(
  values: Float64Array,
  neighbours: Neighbours,
  options: GiStarOptions = {},
): GiStarResult {
  const n = values.length;
  if (neighbours.offsets.length !== n + 1) throw new RangeError('neighbours.offsets must have length n + 1');
  const weightSums = new Float64Array(n);
  const localSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let w = 1;
    let sum = values[i] as number;
    for (let k = neighbours.offsets[i] as number; k < (neighbours.offsets[i + 1] as number); k++) {
      const j = neighbours.indices[k] as number;
      if (j === i) continue; // the feature itself is already in
      if (!(j >= 0 && j < n)) throw new RangeError(`neighbour index ${j} out of range`);
      w++;
      sum += values[j] as number;
    }
    weightSums[i] = w;
    localSums[i] = sum;
  }
  return giStarFrom(values, null, weightSums, localSums, options.q ?? 0.05);
}

export type GridNeighbourhood = 'rook' | 'queen' | { distance: number };

/** The (row, col) offsets of a grid neighbourhood, the cell itself included. */
export function gridOffsets(neighbourhood: GridNeighbourhood, cellSize: number): [number, number][] {
  if (neighbourhood === 'rook')
    return [
      [0, 0],
      [-1, 0],
      [1, 0],
      [0, -1],
      [0, 1],
    ];
  if (neighbourhood === 'queen') {
    const offsets: [number, number][] = [];
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) offsets.push([dr, dc]);
    return offsets;
  }
  const reach = neighbourhood.distance / cellSize;
  if (!(reach >= 0) || !Number.isFinite(reach))
    throw new RangeError('the distance band must be finite and ≥ 0');
  const limit = reach * reach * (1 + 1e-12); // inclusive, forgiving rounding of distance/cellSize
  const h = Math.floor(reach + 1e-9);
  const offsets: [number, number][] = [];
  for (let dr = -h; dr <= h; dr++)
    for (let dc = -h; dc <= h; dc++) if (dr * dr + dc * dc <= limit) offsets.push([dr, dc]);
  return offsets;
}

/**
 * Gi* over grid cells: `counts` per cell (index row·cols + col, as grid.ts lays grids out),
 * neighbourhood 'queen' by default; `mask` (1 = in the study area) limits the features.
 */
export function getisOrdGrid(
  counts: Float64Array,
  grid: { cols: number; rows: number; cellSize: number },
  options: GiStarOptions & { neighbourhood?: GridNeighbourhood; mask?: Uint8Array } = {},
): GiStarResult {
  const { cols, rows } = grid;
  if (counts.length !== cols * rows) throw new RangeError('counts must have cols × rows values');
  const mask = options.mask ?? null;
  if (mask && mask.length !== counts.length) throw new RangeError('mask must have cols × rows values');
  const offsets = gridOffsets(options.neighbourhood ?? 'queen', grid.cellSize);
  const weightSums = new Float64Array(counts.length);
  const localSums = new Float64Array(counts.length);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const cell = row * cols + col;
      if (mask && !mask[cell]) continue;
      let w = 0;
      let sum = 0;
      for (const [dr, dc] of offsets) {
        const r = row + dr;
        const c = col + dc;
        if (r < 0 || r >= rows || c < 0 || c >= cols) continue;
        const other = r * cols + c;
        if (mask && !mask[other]) continue;
        w++;
        sum += counts[other] as number;
      }
      weightSums[cell] = w;
      localSums[cell] = sum;
    }
  }
  return giStarFrom(counts, mask, weightSums, localSums, options.q ?? 0.05);
}
