/**
 * Near repeats: the Knox test as the Near Repeat Calculator computes it (src/analysis/knox.ts).
 * Times in whole local days, so events known only to the month are left out.
 */
import { Type } from 'typebox';
import { TooManyPairsError } from '../../../analysis/close-pairs.ts';
import { knoxTest } from '../../../analysis/knox.ts';
import { localTimes } from '../../../analysis/local-time.ts';
import { literals } from '../../../platform/http/literals.ts';
import type { KnoxResult } from '../method-results.ts';
import { defineMethod } from '../analysis-method.ts';

/** Band edges as the Calculator's dialogue gives them: an optional leading 0, then upper edges. */
export function upperEdges(edges: readonly number[]): number[] {
  return edges[0] === 0 ? edges.slice(1) : [...edges];
}

/** Close pairs held in memory at most (16 bytes each, plus the test's own 8: about 0.5 GB). */
const MAX_CLOSE_PAIRS = 16_000_000;

/** Cells with p ≤ this are marked significant (the Calculator's usual reading). */
const SIGNIFICANT = 0.05;

export const nearRepeatMethod = defineMethod({
  method: 'near-repeat',
  timeNeed: 'day',
  parameters: Type.Object(
    {
      spatialBands: Type.Array(Type.Number({ minimum: 0, maximum: 50_000 }), {
        minItems: 1,
        maxItems: 20,
        default: [0, 100, 200, 300, 400, 500, 600],
        description: 'Spatial band edges in metres, increasing (a leading 0 is allowed)',
      }),
      temporalBands: Type.Array(Type.Integer({ minimum: 0, maximum: 3_650 }), {
        minItems: 1,
        maxItems: 20,
        default: [0, 7, 14, 21, 28],
        description: 'Temporal band edges in whole days, increasing (a leading 0 is allowed)',
      }),
      distance: literals(['manhattan', 'euclidean'] as const, { default: 'manhattan' }),
      permutations: Type.Integer({ minimum: 19, maximum: 999, default: 99 }),
      seed: Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 1 }),
      singlePrecision: Type.Boolean({
        default: false,
        description: 'Round coordinates to 32-bit floats as the Near Repeat Calculator does',
      }),
    },
    { additionalProperties: false },
  ),
  run(events, parameters, setting) {
    const used = events.x.length;
    if (used < 2) return { result: { empty: true }, limits: [], used };
    const { day } = localTimes(events.t, setting.timeZone);
    const spatialBands = upperEdges(parameters.spatialBands);
    let knox;
    try {
      knox = knoxTest(events.x, events.y, day, {
        spatialBands,
        temporalBands: upperEdges(parameters.temporalBands),
        metric: parameters.distance,
        permutations: parameters.permutations,
        seed: parameters.seed,
        singlePrecision: parameters.singlePrecision,
        maxPairs: MAX_CLOSE_PAIRS,
      });
    } catch (error) {
      if (!(error instanceof TooManyPairsError)) throw error;
      throw new RangeError(
        `more than ${MAX_CLOSE_PAIRS.toLocaleString('en')} pairs of events lie within ${spatialBands.at(-1)} m of each other: choose fewer neighbourhoods, a shorter period or a smaller largest band`,
        { cause: error },
      );
    }
    const finite = (v: number) => (Number.isFinite(v) ? v : null);
    const table = knox.spatialLabels.map((label, row) => ({
      label,
      cells: knox.temporalLabels.map((_, col) => {
        const cell = row * knox.cols + col;
        const pValue = knox.pValue[cell] ?? 1;
        return {
          observed: knox.observed[cell] ?? 0,
          expected: knox.expected[cell] ?? 0,
          ratio: finite(knox.ratio[cell] ?? Number.NaN),
          p: pValue,
          significant: pValue <= SIGNIFICANT && (knox.ratio[cell] ?? 0) > 1,
        };
      }),
    }));
    return {
      result: {
        spatialLabels: knox.spatialLabels,
        temporalLabels: knox.temporalLabels,
        table,
        permutations: knox.permutations,
        seed: knox.seed,
        distance: knox.metric,
        singlePrecision: knox.singlePrecision,
        pairs: knox.pairs,
        closePairs: knox.closePairs,
        significance: SIGNIFICANT,
        minimumP: 1 / (1 + knox.permutations),
      } satisfies KnoxResult,
      limits: [{ key: 'analysis.limit.knox_not_causal' }],
      used,
    };
  },
});
