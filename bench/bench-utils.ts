/**
 * Small helpers for the benchmarks in bench/: a seeded random generator, timing, formatting.
 *
 * Why: DESIGN.md ("Measured targets") asks for speeds as ratios measured side by side in one
 * run; every benchmark needs the same reproducible inputs and the same way of timing them.
 */

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so runs are comparable. */
export { uniform as seededRandom } from '../src/analysis/random.ts';

/** Runs `work` `repeats` times (after one warm-up run) and returns the fastest time in ms. */
export function bestTimeMs(work: () => void, repeats = 3): number {
  work();
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

/** 12345678 → "12.3 M". */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(0);
}
