/**
 * The straightforward Knox test: for the observed dates and then for every permutation, a loop
 * over all n(n−1)/2 pairs that computes each pair's distance, spatial row and temporal
 * column. Same options, same permutations (same seed) and same table as knoxTest (knox.ts).
 *
 * Why it exists: it is the reference the tests compare knoxTest against, exactly, and the
 * baseline of bench/knox.bench.ts (DESIGN.md, "Measured targets"). Cost O(n² · (P + 1)).
 */
import { pairDistance } from './close-pairs.ts';
import {
  datePermutations,
  finishKnox,
  prepareKnox,
  spatialRow,
  type KnoxOptions,
  type KnoxResult,
} from './knox.ts';

/** Knox test by the loop over all pairs for every permutation (reference implementation). */
export function knoxTestReference(
  x: Float64Array,
  y: Float64Array,
  days: Int32Array | Float64Array,
  options: KnoxOptions,
): KnoxResult {
  const setup = prepareKnox(x, y, days, options);
  const { rows, cols, spatialEdges, temporalOfDelta, lastDays, permutations, metric } = setup;
  const xs = setup.x;
  const ys = setup.y;
  const n = xs.length;
  let closeCount = 0;
  const count = (dates: Int32Array, table: Float64Array): void => {
    table.fill(0);
    closeCount = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = pairDistance(xs[i] as number, ys[i] as number, xs[j] as number, ys[j] as number, metric);
        const row = spatialRow(d, spatialEdges);
        if (row < rows - 1) closeCount++;
        const dt = Math.abs((dates[i] as number) - (dates[j] as number));
        const col = dt < lastDays ? (temporalOfDelta[dt] as number) : cols - 1;
        const cell = row * cols + col;
        table[cell] = (table[cell] as number) + 1;
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
  return finishKnox(setup, observed, permutedSum, exceedances, closeCount);
}
