import { describe, expect, it } from 'vitest';
import { closePairs, pairDistance } from './close-pairs.ts';
import { equalBands, knoxTest, type KnoxResult } from './knox.ts';
import { knoxTestReference } from './knox-reference.ts';
import { shuffleInPlace, mulberry32, uniform } from './random.ts';
import { nearRepeatEvents } from './synthetic-data.ts';

/** The table as rows of numbers, for readable comparisons. */
function table(result: KnoxResult, values: Float64Array = result.observed): number[][] {
  return Array.from({ length: result.rows }, (_, r) =>
    Array.from(values.subarray(r * result.cols, (r + 1) * result.cols)),
  );
}

describe('Knox test by hand: 5 events', () => {
  // Spatial bands (0, 100), [100, 200), then ≥ 200 m; temporal [0, 7), [7, 14), then ≥ 14 days.
  //   A (0, 0)     day 0
  //   B (0, 0)     day 3
  //   C (70, 60)   day 10
  //   D (150, 0)   day 1
  //   E (1000, 0)  day 30
  const x = Float64Array.of(0, 0, 70, 150, 1000);
  const y = Float64Array.of(0, 0, 60, 0, 0);
  const days = Int32Array.of(0, 3, 10, 1, 30);
  const options = { spatialBands: [100, 200], temporalBands: [7, 14], permutations: 0 };

  it('Manhattan distance (the default)', () => {
    // A–B d 0   Δt 3  → same location, [0, 7)
    // A–C d 130 Δt 10 → [100, 200), [7, 14)     B–C d 130 Δt 7 → [100, 200), [7, 14) (closed below)
    // A–D d 150 Δt 1  → [100, 200), [0, 7)      B–D d 150 Δt 2 → [100, 200), [0, 7)
    // C–D d 80 + 60 = 140, Δt 9 → [100, 200), [7, 14)
    // A–E, B–E, C–E (930 + 60), D–E (850): ≥ 200 m, Δt 30, 27, 20, 29 → ≥ 14 days.
    const result = knoxTest(x, y, days, options);
    expect(table(result)).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [2, 3, 0],
      [0, 0, 4],
    ]);
    expect(result.spatialLabels).toEqual(['same location', '(0, 100) m', '[100, 200) m', '≥ 200 m']);
    expect(result.temporalLabels).toEqual(['[0, 7) days', '[7, 14) days', '≥ 14 days']);
    expect(result.pairs).toBe(10);
  });

  it('Euclidean distance: a pair at exactly 100 m falls in [100, 200)', () => {
    // A–C, B–C: √(70² + 60²) = 92.2 → (0, 100); C–D: √(80² + 60²) = 100 exactly → [100, 200).
    const result = knoxTest(x, y, days, { ...options, metric: 'euclidean' });
    expect(table(result)).toEqual([
      [1, 0, 0],
      [0, 2, 0],
      [2, 1, 0],
      [0, 0, 4],
    ]);
  });

  it('single precision: coordinates rounded to float32 as the Calculator keeps them', () => {
    // 99.999999999 m is below 100 in double precision, but Math.fround rounds it to 100.
    const px = Float64Array.of(0, 99.999999999);
    const py = Float64Array.of(0, 0);
    const d = Int32Array.of(0, 0);
    expect(table(knoxTest(px, py, d, options))[1]).toEqual([1, 0, 0]);
    expect(table(knoxTest(px, py, d, { ...options, singlePrecision: true }))[2]).toEqual([1, 0, 0]);
  });

  it('expected counts, ratios and p-values from permutations', () => {
    // With 2 events there is one pair and permuting the 2 dates never changes Δt: E = O, ratio 1,
    // and every permutation ties the observed count: p = (1 + P)/(1 + P) = 1.
    const result = knoxTest(Float64Array.of(0, 10), Float64Array.of(0, 0), Int32Array.of(0, 20), {
      ...options,
      permutations: 9,
    });
    expect(result.observed[1 * 3 + 2]).toBe(1);
    expect(result.expected[1 * 3 + 2]).toBe(1);
    expect(result.ratio[1 * 3 + 2]).toBe(1);
    expect(result.pValue[1 * 3 + 2]).toBe(1);
    expect(result.ratio[0]).toBeNaN(); // 0 / 0
  });
});

describe('the fast Knox test equals the straightforward loop', () => {
  it('exactly, on random data with many ties, both metrics, with and without float32', () => {
    const random = uniform(99);
    for (let run = 0; run < 12; run++) {
      const n = 50 + Math.floor(random() * 250);
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      const days = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        // Lambert-like coordinates on a coarse lattice (many equal distances and same places),
        // some with fractions that float32 rounds; days in a short span (many equal Δt).
        const lattice = random() < 0.6;
        x[i] = 150_000 + (lattice ? Math.floor(random() * 12) * 50 : random() * 600 + 0.123456);
        y[i] = 170_000 + (lattice ? Math.floor(random() * 12) * 50 : random() * 600 + 0.654321);
        days[i] = 19_000 + Math.floor(random() * 60);
      }
      const options = {
        spatialBands: run % 3 === 0 ? [50, 100, 150] : equalBands(100, 6),
        temporalBands: run % 2 === 0 ? equalBands(7, 4) : [1, 3, 10],
        metric: run % 2 === 0 ? ('manhattan' as const) : ('euclidean' as const),
        singlePrecision: run % 4 < 2,
        permutations: 19,
        seed: run + 1,
      };
      const fast = knoxTest(x, y, days, options);
      const reference = knoxTestReference(x, y, days, options);
      expect(Array.from(fast.observed)).toEqual(Array.from(reference.observed));
      expect(Array.from(fast.expected)).toEqual(Array.from(reference.expected));
      expect(Array.from(fast.exceedances)).toEqual(Array.from(reference.exceedances));
      expect(fast.closePairs).toBe(reference.closePairs);
      // The observed table covers every pair once.
      expect(fast.observed.reduce((s, v) => s + v, 0)).toBe((n * (n - 1)) / 2);
    }
  });

  it('close pairs: the grid enumeration finds exactly the pairs a full loop finds', () => {
    const random = uniform(5);
    const n = 400;
    const x = Float64Array.from({ length: n }, () => Math.floor(random() * 40) * 25);
    const y = Float64Array.from({ length: n }, () => Math.floor(random() * 40) * 25);
    for (const metric of ['manhattan', 'euclidean'] as const) {
      for (const inclusive of [false, true]) {
        const found = closePairs(x, y, 100, metric, inclusive);
        const keys = new Set<string>();
        for (let k = 0; k < found.count; k++) keys.add(`${found.a[k]},${found.b[k]}`);
        expect(keys.size).toBe(found.count);
        let expected = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const d = pairDistance(x[i] as number, y[i] as number, x[j] as number, y[j] as number, metric);
            if (inclusive ? d <= 100 : d < 100) {
              expected++;
              expect(keys.has(`${i},${j}`)).toBe(true);
            }
          }
        }
        expect(found.count).toBe(expected);
      }
    }
  });
});

describe('planted near-repeat patterns', () => {
  const bands = { spatialBands: equalBands(100, 4), temporalBands: equalBands(7, 4), permutations: 99 };
  // Chains of burglaries: each next one within ±50 m (Manhattan ≤ 100 m) and 0–6 days later.
  const planted = (seed: number) =>
    nearRepeatEvents(seed, {
      seeds: 250,
      size: 4000,
      spanDays: 365,
      repeatChance: 0.5,
      radius: 50,
      maxLagDays: 6,
    });

  it('finds the near repeats: Knox ratio > 1 and p < 0.05 close in space and time', () => {
    const events = planted(1);
    const result = knoxTest(events.x, events.y, events.days, { ...bands, seed: 7 });
    // Rows: 0 same location, 1 (0, 100) m, 2 [100, 200) m; column 0: [0, 7) days.
    const near = 1 * result.cols + 0;
    expect(result.ratio[near]).toBeGreaterThan(2);
    expect(result.pValue[near]).toBeLessThan(0.05);
    // Far apart in time at the same distances: no excess.
    expect(result.ratio[1 * result.cols + 3]).toBeLessThan(1.5);
  });

  it('finds nothing when the dates are independent of the places', () => {
    let significant = 0;
    let tested = 0;
    let nearRatioSum = 0;
    for (let run = 0; run < 8; run++) {
      const events = planted(100 + run);
      // Break the space–time link: shuffle the dates over the events.
      shuffleInPlace(events.days, mulberry32(500 + run));
      const result = knoxTest(events.x, events.y, events.days, { ...bands, seed: run + 1 });
      for (let c = 0; c < result.pValue.length; c++) {
        tested++;
        if ((result.pValue[c] as number) < 0.05) significant++;
      }
      nearRatioSum += result.ratio[1 * result.cols + 0] as number;
    }
    // A valid permutation test gives p < 0.05 at most 5 % of the time: 0.05·8·30 = 12 expected at most.
    expect(significant).toBeLessThanOrEqual(Math.ceil(0.05 * tested) + 4);
    // The near cell's ratio averages about 1.
    expect(nearRatioSum / 8).toBeGreaterThan(0.75);
    expect(nearRatioSum / 8).toBeLessThan(1.3);
  });
});
