import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './fdr.ts';
import { countPointsPerCell, gridForExtent } from './grid.ts';
import {
  distanceBandNeighbours,
  getisOrdAreas,
  getisOrdGrid,
  gridOffsets,
  neighboursFromLists,
} from './getis-ord.ts';
import { uniform } from './random.ts';
import { eventsWithHotspots, poissonDraw } from './synthetic-data.ts';

// A 3 × 3 grid, row 0 south:   row 2: 7 8 9
//                              row 1: 4 5 6
//                              row 0: 1 2 3
const counts = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
const grid3 = { cols: 3, rows: 3, cellSize: 100 };

describe('Gi* by hand on a 3 × 3 grid', () => {
  // n = 9, X̄ = 45/9 = 5, S = √(Σx²/n − X̄²) = √(285/9 − 25) = √6.6667 = 2.58199.
  const s = Math.sqrt(285 / 9 - 25);

  it('queen contiguity', () => {
    const result = getisOrdGrid(counts, grid3, { neighbourhood: 'queen' });
    expect(result.mean).toBe(5);
    expect(result.standardDeviation).toBeCloseTo(s, 12);
    // Corner (0, 0) = 1: itself and 2, 4, 5 → Σw = 4, Σwx = 12.
    // Gi* = (12 − 5·4) / (S·√((9·4 − 4²)/8)) = −8 / (2.58199·1.58114) = −8/4.08248 = −1.95959.
    expect(result.z[0]).toBeCloseTo(-8 / (s * Math.sqrt(20 / 8)), 12);
    expect(result.z[0]).toBeCloseTo(-1.95959, 5);
    // Corner (2, 2) = 9: 9, 8, 6, 5 → Σwx = 28 → +1.95959.
    expect(result.z[8]).toBeCloseTo(1.95959, 5);
    // Edge (0, 1) = 2: 1, 2, 3, 4, 5, 6 → Σw = 6, Σwx = 21.
    // Gi* = (21 − 30) / (S·√((54 − 36)/8)) = −9 / (2.58199·1.5) = −2.32379.
    expect(result.z[1]).toBeCloseTo(-9 / (s * 1.5), 12);
    expect(result.z[1]).toBeCloseTo(-2.32379, 5);
    // Centre: its neighbourhood is all 9 cells, Gi* = 0/0: undefined, not tested.
    expect(result.z[4]).toBeNaN();
    expect(result.p[4]).toBeNaN();
    // Two-sided p of z = −2.32379: 2·Φ(−2.32379) = 0.020136.
    expect(result.p[1]).toBeCloseTo(0.020136, 5);
  });

  it('rook contiguity', () => {
    const result = getisOrdGrid(counts, grid3, { neighbourhood: 'rook' });
    // Corner (0, 0): itself, 2 and 4 → Σw = 3, Σwx = 7; Gi* = (7 − 15)/(S·√((27 − 9)/8)) = −8/(S·1.5) = −2.06559.
    expect(result.z[0]).toBeCloseTo(-8 / (s * 1.5), 12);
    // Centre: 5, 2, 4, 6, 8 → Σw = 5, Σwx = 25 = X̄·Σw → Gi* = 0.
    expect(result.z[4]).toBeCloseTo(0, 12);
  });

  it('distance bands reproduce rook (d = cell) and queen (d = cell·√2), and areas agree with grids', () => {
    expect(gridOffsets({ distance: 100 }, 100)).toHaveLength(5);
    expect(gridOffsets({ distance: 100 * Math.SQRT2 }, 100)).toHaveLength(9);
    const queen = getisOrdGrid(counts, grid3, { neighbourhood: 'queen' });
    const band = getisOrdGrid(counts, grid3, { neighbourhood: { distance: 100 * Math.SQRT2 } });
    expect(Array.from(band.z)).toEqual(Array.from(queen.z));
    // The same cells as areas: centroids and a distance band of 141.5 m.
    const cx = Float64Array.from({ length: 9 }, (_, k) => (k % 3) * 100 + 50);
    const cy = Float64Array.from({ length: 9 }, (_, k) => Math.floor(k / 3) * 100 + 50);
    const areas = getisOrdAreas(counts, distanceBandNeighbours(cx, cy, 141.5));
    for (let k = 0; k < 9; k++) {
      if (Number.isNaN(queen.z[k] as number)) expect(areas.z[k]).toBeNaN();
      else expect(areas.z[k]).toBeCloseTo(queen.z[k] as number, 12);
    }
  });

  it('areas with explicit neighbour lists; a mask removes cells from n', () => {
    // Three areas in a line, values 1, 2, 6: n = 3, X̄ = 3, S = √((4 + 1 + 9)/3) = √(14/3) = 2.16025.
    // Area 2 (value 6), neighbours {1}: Σw = 2, Σwx = 8; Gi* = (8 − 6)/(S·√((6 − 4)/2)) = 2/2.16025 = 0.92582.
    const result = getisOrdAreas(Float64Array.of(1, 2, 6), neighboursFromLists([[1], [0, 2], [1]]));
    expect(result.z[2]).toBeCloseTo(2 / Math.sqrt(14 / 3), 12);
    // Masking the top row leaves the 6 cells 1…6: n = 6, X̄ = 3.5.
    const mask = Uint8Array.of(1, 1, 1, 1, 1, 1, 0, 0, 0);
    const masked = getisOrdGrid(counts, grid3, { neighbourhood: 'rook', mask });
    expect(masked.n).toBe(6);
    expect(masked.mean).toBe(3.5);
    expect(masked.z[7]).toBeNaN();
  });
});

describe('Benjamini–Hochberg', () => {
  it('rejects by the step-up rule', () => {
    // Sorted 0.005 ≤ 1/5·0.05, 0.01 ≤ 2/5·0.05, 0.03 ≤ 3/5·0.05, 0.04 ≤ 4/5·0.05, 0.2 > 0.05 → k = 4.
    const a = benjaminiHochberg(Float64Array.of(0.01, 0.04, 0.03, 0.005, 0.2), 0.05);
    expect(Array.from(a.rejected)).toEqual([1, 1, 1, 1, 0]);
    expect(a.threshold).toBe(0.04);
    // 0.02 > 1/3·0.05 but 0.03 ≤ 2/3·0.05: step-up rejects both.
    const b = benjaminiHochberg(Float64Array.of(0.02, 0.03, 0.5), 0.05);
    expect(Array.from(b.rejected)).toEqual([1, 1, 0]);
    const none = benjaminiHochberg(Float64Array.of(0.2, Number.NaN, 0.9), 0.05);
    expect(Array.from(none.rejected)).toEqual([0, 0, 0]);
    expect(none.tested).toBe(2);
  });
});

describe('planted patterns', () => {
  it('finds a planted hotspot among Poisson noise, with few false hot spots', () => {
    const random = uniform(21);
    const cols = 40;
    const rows = 40;
    const grid = new Float64Array(cols * rows);
    for (let k = 0; k < grid.length; k++) grid[k] = poissonDraw(2, random);
    for (let r = 19; r <= 21; r++)
      for (let c = 19; c <= 21; c++) grid[r * cols + c] = (grid[r * cols + c] as number) + 6;
    const result = getisOrdGrid(grid, { cols, rows, cellSize: 50 });
    expect(result.hotCold[20 * cols + 20]).toBe(1);
    let hot = 0;
    let farHot = 0;
    for (let k = 0; k < grid.length; k++) {
      if (result.hotCold[k] !== 1) continue;
      hot++;
      const r = Math.floor(k / cols);
      const c = k % cols;
      if (Math.abs(r - 20) > 2 || Math.abs(c - 20) > 2) farHot++;
    }
    expect(hot).toBeGreaterThanOrEqual(9);
    expect(farHot).toBeLessThanOrEqual(Math.ceil(0.05 * hot) + 1);
  });

  it('from points: a planted cluster of events is a significant hot spot', () => {
    const events = eventsWithHotspots(5, 5000, 365, 2000, [{ x: 1200, y: 3800, sigma: 120, count: 150 }]);
    const grid = gridForExtent({ minX: 0, minY: 0, maxX: 5000, maxY: 5000 }, 250);
    const { counts: perCell } = countPointsPerCell(grid, events.x, events.y);
    const result = getisOrdGrid(perCell, grid, { neighbourhood: { distance: 250 } });
    const col = Math.floor(1200 / 250);
    const row = Math.floor(3800 / 250);
    expect(result.hotCold[row * grid.cols + col]).toBe(1);
    expect(result.p[row * grid.cols + col]).toBeLessThan(1e-6);
  });

  it('rarely flags anything in pure noise (FDR controls the family-wise rate under the global null)', () => {
    const random = uniform(33);
    let gridsWithAny = 0;
    for (let run = 0; run < 40; run++) {
      const grid = Float64Array.from({ length: 30 * 30 }, () => poissonDraw(5, random));
      const result = getisOrdGrid(grid, { cols: 30, rows: 30, cellSize: 1 });
      if (result.hotCold.some((v) => v !== 0)) gridsWithAny++;
    }
    // Under the global null, P(any rejection) ≤ q = 0.05: 2 of 40 expected; allow 6.
    expect(gridsWithAny).toBeLessThanOrEqual(6);
  });
});
