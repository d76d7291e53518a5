/**
 * Near-repeat analysis: the Knox test as the Near Repeat Calculator computes it (Ratcliffe
 * 2009, Near Repeat Calculator v1.3, Temple University; method: Knox 1964, "The detection of
 * space-time interactions", Applied Statistics 13:25–29; Johnson et al. 2007, "Space–time
 * patterns of risk", J Quant Criminol 23:201–219).
 *
 * Every unordered pair of events {i, j} is counted in one cell of a spatial × temporal table:
 *  - rows (distance dᵢⱼ in metres, Manhattan |dx| + |dy| by default, or Euclidean):
 *    "same location" (d = 0 exactly), then bands closed below and open above
 *    (0, e₁), [e₁, e₂), …, [e_{S−1}, e_S), then "more than" (d ≥ e_S): S + 2 rows;
 *  - columns (Δt = |tᵢ − tⱼ| in whole days, integer): [0, f₁), [f₁, f₂), …, [f_{T−1}, f_T),
 *    then "more than" (Δt ≥ f_T): T + 1 columns.
 * Observed counts O sum to n(n−1)/2. Expected counts E are the mean over P Monte Carlo
 * permutations of the dates over the events (mulberry32 seeded, Fisher–Yates, random.ts);
 * Knox ratio = O/E (NaN when E = O = 0, Infinity when only E = 0); p = (1 + #{permutations
 * with count ≥ O})/(1 + P), one-sided for excess (near-repeat), as the Calculator reports it.
 * With `singlePrecision`, coordinates are first rounded to 32-bit floats (Math.fround), as the
 * Calculator stores them, so that band assignments agree pair for pair; distances are then
 * computed in double precision from the rounded values.
 *
 * Speed: only pairs closer than e_S fall in the finite rows, and a pair's row never changes
 * when dates are permuted. So the close pairs are enumerated once (grid buckets,
 * close-pairs.ts), sorted by row, and each permutation only re-bands their Δt. The
 * "more than" row follows from totals: the number of pairs per temporal band is the same for
 * every permutation (it depends on the multiset of dates only) and is computed once from the
 * dates' histogram; the row is that total minus the close pairs' counts. Cost per permutation:
 * O(close pairs) instead of O(n²). knox-reference.ts is the straightforward loop over all
 * pairs; both give identical tables for the same seed.
 */
import { closePairs, type DistanceMetric } from './close-pairs.ts';
import { mulberry32, shuffleInPlace } from './random.ts';

export type KnoxOptions = {
  /** Upper edges e₁ < … < e_S of the spatial bands, metres (> 0). */
  spatialBands: readonly number[];
  /** Upper edges f₁ < … < f_T of the temporal bands, whole days (integers ≥ 1). */
  temporalBands: readonly number[];
  /** 'manhattan' (default, as the Calculator) or 'euclidean'. */
  metric?: DistanceMetric;
  /** Monte Carlo permutations P (default 99; 0 gives observed counts only). */
  permutations?: number;
  /** Seed of the permutations' generator (default 1). */
  seed?: number;
  /** Round coordinates to 32-bit floats first, as the Near Repeat Calculator does. */
  singlePrecision?: boolean;
  /** Refuse (TooManyPairsError) rather than hold more pairs within the last band than this. */
  maxPairs?: number;
};

export type KnoxResult = {
  /** S + 2 rows (same location, S bands, more than) × T + 1 columns; cell = row·cols + col. */
  rows: number;
  cols: number;
  spatialLabels: string[];
  temporalLabels: string[];
  observed: Float64Array;
  /** Mean permuted count per cell. */
  expected: Float64Array;
  /** observed / expected. */
  ratio: Float64Array;
  /** (1 + exceedances) / (1 + permutations). */
  pValue: Float64Array;
  /** Number of permutations whose count is ≥ the observed count, per cell. */
  exceedances: Int32Array;
  permutations: number;
  seed: number;
  metric: DistanceMetric;
  singlePrecision: boolean;
  /** n(n−1)/2, and how many of them are closer than the last spatial edge. */
  pairs: number;
  closePairs: number;
};

/** Equal bands: [width, 2·width, …, count·width]. */
export function equalBands(width: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => width * (k + 1));
}

/** Validated inputs shared by knoxTest and knoxTestReference. */
export type KnoxSetup = {
  x: Float64Array;
  y: Float64Array;
  days: Int32Array;
  spatialEdges: Float64Array;
  temporalEdges: Int32Array;
  /** Temporal column of Δt for Δt < lastDays; Δt ≥ lastDays is column T. */
  temporalOfDelta: Int32Array;
  lastDays: number;
  rows: number;
  cols: number;
  metric: DistanceMetric;
  permutations: number;
  seed: number;
  singlePrecision: boolean;
};

export function prepareKnox(
  x: Float64Array,
  y: Float64Array,
  days: Int32Array | Float64Array,
  options: KnoxOptions,
): KnoxSetup {
  const n = x.length;
  if (y.length !== n || days.length !== n) throw new RangeError('x, y and days differ in length');
  const spatial = options.spatialBands;
  const temporal = options.temporalBands;
  if (spatial.length === 0 || temporal.length === 0)
    throw new RangeError('give at least one spatial and one temporal band');
  spatial.forEach((edge, k) => {
    if (!(edge > 0) || !Number.isFinite(edge) || (k > 0 && !(edge > (spatial[k - 1] as number)))) {
      throw new RangeError('spatialBands must be finite, > 0 and strictly increasing');
    }
  });
  temporal.forEach((edge, k) => {
    if (!Number.isInteger(edge) || edge < 1 || (k > 0 && !(edge > (temporal[k - 1] as number)))) {
      throw new RangeError('temporalBands must be integers ≥ 1, strictly increasing');
    }
  });
  const permutations = options.permutations ?? 99;
  if (!Number.isInteger(permutations) || permutations < 0)
    throw new RangeError('permutations must be an integer ≥ 0');
  const singlePrecision = options.singlePrecision ?? false;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const dayValues = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    const day = days[i] as number;
    if (!(Number.isFinite(px) && Number.isFinite(py)))
      throw new RangeError(`event ${i} has no finite coordinates`);
    if (!Number.isInteger(day) || Math.abs(day) > 1e9)
      throw new RangeError(`event ${i}: day must be an integer`);
    xs[i] = singlePrecision ? Math.fround(px) : px;
    ys[i] = singlePrecision ? Math.fround(py) : py;
    dayValues[i] = day;
  }
  const lastDays = temporal[temporal.length - 1] as number;
  const temporalOfDelta = new Int32Array(lastDays);
  for (let dt = 0, col = 0; dt < lastDays; dt++) {
    while (dt >= (temporal[col] as number)) col++;
    temporalOfDelta[dt] = col;
  }
  return {
    x: xs,
    y: ys,
    days: dayValues,
    spatialEdges: Float64Array.from(spatial),
    temporalEdges: Int32Array.from(temporal),
    temporalOfDelta,
    lastDays,
    rows: spatial.length + 2,
    cols: temporal.length + 1,
    metric: options.metric ?? 'manhattan',
    permutations,
    seed: options.seed ?? 1,
    singlePrecision,
  };
}

/** Row of a pair at distance d: 0 same location, k for band k (1 … S), S + 1 more than. */
export function spatialRow(distance: number, edges: Float64Array): number {
  if (distance === 0) return 0;
  for (let k = 0; k < edges.length; k++) if (distance < (edges[k] as number)) return k + 1;
  return edges.length + 1;
}

/** The generator of successive permutations of the dates (each a Fisher–Yates shuffle of the last). */
export function datePermutations(days: Int32Array, seed: number): () => Int32Array {
  const next = mulberry32(seed);
  const permuted = days.slice();
  return () => {
    shuffleInPlace(permuted, next);
    return permuted;
  };
}

/** Expected counts, ratios and p-values from the observed table and the permutations' sums. */
export function finishKnox(
  setup: KnoxSetup,
  observed: Float64Array,
  permutedSum: Float64Array,
  exceedances: Int32Array,
  closePairCount: number,
): KnoxResult {
  const { permutations, spatialEdges, rows, cols } = setup;
  const expected = new Float64Array(observed.length);
  const ratio = new Float64Array(observed.length);
  const pValue = new Float64Array(observed.length);
  for (let c = 0; c < observed.length; c++) {
    const e = permutations > 0 ? (permutedSum[c] as number) / permutations : Number.NaN;
    expected[c] = e;
    ratio[c] = (observed[c] as number) / e;
    pValue[c] = permutations > 0 ? (1 + (exceedances[c] as number)) / (1 + permutations) : Number.NaN;
  }
  const edges = Array.from(spatialEdges);
  const tEdges = Array.from(setup.temporalEdges);
  const n = setup.x.length;
  return {
    rows,
    cols,
    spatialLabels: [
      'same location',
      ...edges.map((e, k) => (k === 0 ? `(0, ${e}) m` : `[${edges[k - 1]}, ${e}) m`)),
      `≥ ${edges[edges.length - 1]} m`,
    ],
    temporalLabels: [
      ...tEdges.map((f, k) => `[${k === 0 ? 0 : tEdges[k - 1]}, ${f}) days`),
      `≥ ${tEdges[tEdges.length - 1]} days`,
    ],
    observed,
    expected,
    ratio,
    pValue,
    exceedances,
    permutations,
    seed: setup.seed,
    metric: setup.metric,
    singlePrecision: setup.singlePrecision,
    pairs: (n * (n - 1)) / 2,
    closePairs: closePairCount,
  };
}

/**
 * Number of pairs per temporal column, over all n(n−1)/2 pairs: the same for every
 * permutation of the dates. From the sorted distinct days and their counts: pairs with
 * Δt = 0 are Σ c(c−1)/2, pairs with Δt = δ > 0 are Σ c_u · c_{u+δ}.
 */
function pairsPerTemporalColumn(setup: KnoxSetup): Float64Array {
  const { days, temporalOfDelta, lastDays, cols } = setup;
  const sorted = days.slice().sort();
  const unique: number[] = [];
  const counts: number[] = [];
  for (const day of sorted) {
    if (unique.length > 0 && unique[unique.length - 1] === day)
      counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    else {
      unique.push(day);
      counts.push(1);
    }
  }
  const totals = new Float64Array(cols);
  let finite = 0;
  for (let u = 0; u < unique.length; u++) {
    const cu = counts[u] as number;
    const same = (cu * (cu - 1)) / 2;
    const zeroColumn = temporalOfDelta[0] as number;
    totals[zeroColumn] = (totals[zeroColumn] as number) + same;
    finite += same;
    for (let v = u + 1; v < unique.length; v++) {
      const dt = (unique[v] as number) - (unique[u] as number);
      if (dt >= lastDays) break;
      const both = cu * (counts[v] as number);
      const column = temporalOfDelta[dt] as number;
      totals[column] = (totals[column] as number) + both;
      finite += both;
    }
  }
  const n = days.length;
  totals[cols - 1] = (n * (n - 1)) / 2 - finite;
  return totals;
}

/** The Knox test with the Near Repeat Calculator's table (see the file comment). */
export function knoxTest(
  x: Float64Array,
  y: Float64Array,
  days: Int32Array | Float64Array,
  options: KnoxOptions,
): KnoxResult {
  const setup = prepareKnox(x, y, days, options);
  const { rows, cols, spatialEdges, temporalOfDelta, lastDays, permutations } = setup;
  const bands = spatialEdges.length;
  const close = closePairs(
    setup.x,
    setup.y,
    spatialEdges[bands - 1] as number,
    setup.metric,
    false,
    options.maxPairs,
  );

  // Close pairs grouped by row (0 … S), each row a contiguous segment.
  const segment = new Int32Array(bands + 2);
  const rowOfPair = new Int32Array(close.count);
  for (let k = 0; k < close.count; k++) {
    const row = spatialRow(close.distance[k] as number, spatialEdges);
    rowOfPair[k] = row;
    segment[row + 1] = (segment[row + 1] as number) + 1;
  }
  for (let row = 0; row <= bands; row++)
    segment[row + 1] = (segment[row + 1] as number) + (segment[row] as number);
  // Within a row, pairs in order of their first event (a stable counting sort by a), so that
  // the per-permutation loop reads the dates in nearly increasing order.
  const n = setup.x.length;
  const nextOfA = new Int32Array(n + 1);
  for (let k = 0; k < close.count; k++) {
    const a = (close.a[k] as number) + 1;
    nextOfA[a] = (nextOfA[a] as number) + 1;
  }
  for (let i = 0; i < n; i++) nextOfA[i + 1] = (nextOfA[i + 1] as number) + (nextOfA[i] as number);
  const byA = new Int32Array(close.count);
  for (let k = 0; k < close.count; k++) {
    const a = close.a[k] as number;
    const at = nextOfA[a] as number;
    byA[at] = k;
    nextOfA[a] = at + 1;
  }
  const fill = segment.slice();
  const pairA = new Int32Array(close.count);
  const pairB = new Int32Array(close.count);
  for (let sorted = 0; sorted < close.count; sorted++) {
    const k = byA[sorted] as number;
    const row = rowOfPair[k] as number;
    const at = fill[row] as number;
    fill[row] = at + 1;
    pairA[at] = close.a[k] as number;
    pairB[at] = close.b[k] as number;
  }

  const totals = pairsPerTemporalColumn(setup);
  const beyondColumn = cols - 1;
  const perRow = new Int32Array(cols);
  // Fills the table for one assignment of dates. Per row, only pairs with Δt < f_T are
  // counted into their column; the row's "more than f_T days" cell is the row's pair count
  // (fixed) minus those. The "more than e_S metres" row is the fixed column totals minus the
  // close rows.
  const count = (dates: Int32Array, table: Float64Array): void => {
    for (let c = 0; c < cols; c++) table[(rows - 1) * cols + c] = totals[c] as number;
    for (let row = 0; row <= bands; row++) {
      perRow.fill(0);
      const begin = segment[row] as number;
      const end = segment[row + 1] as number;
      for (let k = begin; k < end; k++) {
        // Math.abs, not a branch on the sign: the sign is random and would be mispredicted.
        const dt = Math.abs((dates[pairA[k] as number] as number) - (dates[pairB[k] as number] as number));
        if (dt < lastDays) {
          const column = temporalOfDelta[dt] as number;
          perRow[column] = (perRow[column] as number) + 1;
        }
      }
      let finite = 0;
      for (let c = 0; c < beyondColumn; c++) finite += perRow[c] as number;
      perRow[beyondColumn] = end - begin - finite;
      for (let c = 0; c < cols; c++) {
        table[row * cols + c] = perRow[c] as number;
        const beyond = (rows - 1) * cols + c;
        table[beyond] = (table[beyond] as number) - (perRow[c] as number);
      }
    }
  };

  const observed = new Float64Array(rows * cols);
  count(setup.days, observed);
  const permutedSum = new Float64Array(rows * cols);
  const exceedances = new Int32Array(rows * cols);
  const table = new Float64Array(rows * cols);
  const nextPermutation = datePermutations(setup.days, setup.seed);
  for (let p = 0; p < permutations; p++) {
    count(nextPermutation(), table);
    for (let c = 0; c < table.length; c++) {
      const value = table[c] as number;
      permutedSum[c] = (permutedSum[c] as number) + value;
      if (value >= (observed[c] as number)) exceedances[c] = (exceedances[c] as number) + 1;
    }
  }
  return finishKnox(setup, observed, permutedSum, exceedances, close.count);
}
