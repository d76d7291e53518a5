import { describe, expect, it } from 'vitest';
import {
  concentration,
  generalizedGini,
  gini,
  lorenzCurve,
  placeIdsFromCoordinates,
} from './concentration.ts';
import { uniform } from './random.ts';

describe('Gini and the generalised Gini by hand', () => {
  it('Gini of [0, 0, 0, 10] = 0.75, the maximum (N − 1)/N for 4 places', () => {
    // Ascending c = 0, 0, 0, 10; N = 4, n = 10: G = Σ(2i − N − 1)c₍ᵢ₎/(N·n) = (2·4 − 5)·10/40 = 30/40.
    expect(gini([0, 0, 0, 10])).toBe(0.75);
    // The same with the empty places implied by placeCount.
    expect(gini([10], 4)).toBe(0.75);
    expect(gini([1, 1, 1, 1])).toBe(0);
    // [1, 2, 3, 4]: (−3·1 − 1·2 + 1·3 + 3·4)/(4·10) = 10/40 = 0.25.
    expect(gini([4, 1, 3, 2])).toBe(0.25);
  });

  it("Bernasco & Steenbeek's examples (lorenzgini package)", () => {
    // 20 crimes at 10 places, [10, 8, 2, 0 × 7]: n ≥ N, G' = G.
    // Ascending: 2 at i = 8, 8 at i = 9, 10 at i = 10: (5·2 + 7·8 + 9·10)/(10·20) = 156/200 = 0.78.
    const dense = [10, 8, 2, 0, 0, 0, 0, 0, 0, 0];
    expect(gini(dense)).toBeCloseTo(0.78, 12);
    expect(generalizedGini(dense)).toBeCloseTo(0.78, 12);
    // 8 crimes at 10 places, [5, 2, 1, 0 × 7]: G = (5·1 + 7·2 + 9·5)/(10·8) = 64/80 = 0.8;
    // n < N: G' = (N/n)(G − 1) + 1 = 1.25·(−0.2) + 1 = 0.75.
    const sparse = [5, 2, 1, 0, 0, 0, 0, 0, 0, 0];
    expect(gini(sparse)).toBeCloseTo(0.8, 12);
    expect(generalizedGini(sparse)).toBeCloseTo(0.75, 12);
    // The most even spread of 5 crimes over 10 places (five places with 1) has G = 1 − n/N = 0.5
    // but G' = 2·(0.5 − 1) + 1 = 0: no concentration beyond what sparseness forces.
    expect(gini([1, 1, 1, 1, 1], 10)).toBeCloseTo(0.5, 12);
    expect(generalizedGini([1, 1, 1, 1, 1], 10)).toBeCloseTo(0, 12);
  });

  it('the generalised Gini is near 0 for sparse events spread at random, where G is near 1', () => {
    const random = uniform(4);
    const counts = new Float64Array(10_000);
    for (let e = 0; e < 500; e++) {
      const place = Math.floor(random() * 10_000);
      counts[place] = (counts[place] as number) + 1;
    }
    expect(gini(counts)).toBeGreaterThan(0.94);
    expect(generalizedGini(counts)).toBeLessThan(0.05);
  });

  it('Lorenz curve vertices', () => {
    // [0, 0, 0, 10]: flat to (0.75, 0), then straight to (1, 1).
    const curve = lorenzCurve([10, 0, 0, 0]);
    expect(Array.from(curve.placeShare)).toEqual([0, 0.75, 1]);
    expect(Array.from(curve.eventShare)).toEqual([0, 0, 1]);
    // [1, 1, 2] over 4 places: (0,0) (0.25,0) (0.75,0.5) (1,1).
    const other = lorenzCurve([2, 1, 1], 4);
    expect(Array.from(other.placeShare)).toEqual([0, 0.25, 0.75, 1]);
    expect(Array.from(other.eventShare)).toEqual([0, 0, 0.5, 1]);
  });
});

describe('concentration of events at places and victims', () => {
  it('counts, repeat places, repeat victims and top shares', () => {
    // Places 1 ×3, 2 ×2, 3, 4, 5; 10 places at risk.
    const placeIds = Int32Array.of(1, 1, 2, 3, 1, 2, 4, 5);
    const victimIds = Int32Array.of(7, 7, -1, 8, 9, 9, 9, -1);
    const result = concentration(placeIds, { placeCount: 10, topPercents: [10, 15, 100], victimIds });
    expect(Array.from(result.placeIds)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(result.counts)).toEqual([3, 2, 1, 1, 1]);
    expect(result.repeatPlaces).toBe(2);
    expect(result.eventsAtRepeatPlaces).toBe(5);
    // Top 10 % of 10 places = 1 place = 3/8; 15 % = 1.5 places = (3 + 0.5·2)/8 = 0.5; 100 % = 1.
    expect(result.topShares.map((t) => t.eventShare)).toEqual([3 / 8, 0.5, 1]);
    expect(result.victims).toEqual({ victims: 3, repeatVictims: 2, eventsToRepeatVictims: 5, unknown: 2 });
    // G over [3, 2, 1, 1, 1, 0 × 5]: (1·1 + 3·1 + 5·1 + 7·2 + 9·3)/(10·8) = 50/80 = 0.625.
    expect(result.gini).toBeCloseTo(0.625, 12);
    // n = 8 < N = 10: G' = 1.25·(0.625 − 1) + 1 = 0.53125.
    expect(result.generalizedGini).toBeCloseTo(0.53125, 12);
    expect(() => concentration(placeIds, { placeCount: 3 })).toThrow(RangeError);
  });

  it('finds planted repeat places', () => {
    // 2,000 events at 1,000 places: half at 20 "problem" places, half uniform.
    const random = uniform(12);
    const ids = new Int32Array(2000);
    for (let e = 0; e < 2000; e++)
      ids[e] = e < 1000 ? Math.floor(random() * 20) : Math.floor(random() * 1000);
    const planted = concentration(ids, { placeCount: 1000, topPercents: [2] });
    const problem = new Set(Array.from(planted.placeIds.subarray(0, 20)));
    for (let p = 0; p < 20; p++) expect(problem.has(p)).toBe(true);
    expect(planted.topShares[0]?.eventShare).toBeGreaterThan(0.5);
    const even = concentration(
      Int32Array.from({ length: 2000 }, () => Math.floor(random() * 1000)),
      { placeCount: 1000, topPercents: [2] },
    );
    expect(even.topShares[0]?.eventShare).toBeLessThan(0.1);
    expect(planted.gini).toBeGreaterThan(even.gini + 0.2);
  });

  it('place ids from coordinates within a tolerance', () => {
    const { placeIds, placeX } = placeIdsFromCoordinates(
      Float64Array.of(100.2, 99.9, 150, 100.4),
      Float64Array.of(200, 200.3, 200, 199.8),
      1,
    );
    expect(Array.from(placeIds)).toEqual([0, 0, 1, 0]);
    expect(Array.from(placeX)).toEqual([100, 150]);
  });
});
