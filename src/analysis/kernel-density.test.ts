import { describe, expect, it } from 'vitest';
import { gridForExtent, type GridSpec } from './grid.ts';
import { defaultSearchRadius, kernelDensity } from './kernel-density.ts';
import { kernelDensityNaive } from './kernel-density-naive.ts';
import { uniform } from './random.ts';
import { eventsWithHotspots } from './synthetic-data.ts';

/** Largest |a − b| / max(|a|, |b|) over the cells (0 where both are 0). */
function maxRelativeDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    const u = a[k] as number;
    const v = b[k] as number;
    const scale = Math.max(Math.abs(u), Math.abs(v));
    if (scale > 0) worst = Math.max(worst, Math.abs(u - v) / scale);
  }
  return worst;
}

describe('kernelDensity: hand-computed values', () => {
  // 30 × 30 cells of 10 m from (0, 0); one point at (55, 55), the centre of cell (row 5, col 5).
  const grid: GridSpec = { originX: 0, originY: 0, cellSize: 10, cols: 30, rows: 30 };
  const x = Float64Array.of(55);
  const y = Float64Array.of(55);
  const r = 100;
  const at = (density: Float64Array, row: number, col: number): number => density[row * 30 + col] as number;

  it('gives (1/r²)(3/π)(1 − (d/r)²)² per m² at the cell centres', () => {
    const { density } = kernelDensity(x, y, { grid, radius: r, units: 'per-square-metre' });
    // d = 0 (own cell): (1/100²)(3/π)(1 − 0)² = 3/(π·10⁴) = 9.5493e-5.
    expect(at(density, 5, 5)).toBeCloseTo(3 / (Math.PI * 1e4), 15);
    // d = 50 = r/2 (cell col 10, centre x = 105): (1/r²)(3/π)(1 − 0.25)² = 0.5625·3/(π·10⁴) = 5.3715e-5.
    expect(at(density, 5, 10)).toBeCloseTo((1 / r ** 2) * (3 / Math.PI) * (1 - 0.25) ** 2, 15);
    // d = 90 (row 14, centre y = 145): (1 − 0.81)² = 0.0361 → 0.0361·3/(π·10⁴).
    expect(at(density, 14, 5)).toBeCloseTo(0.0361 * (3 / (Math.PI * 1e4)), 15);
    // d = √(30² + 40²) = 50 (row 9, col 8): again r/2.
    expect(at(density, 9, 8)).toBeCloseTo(0.5625 * (3 / (Math.PI * 1e4)), 15);
    // d = 100 = r exactly (col 15): outside, the kernel is open at r.
    expect(at(density, 5, 15)).toBe(0);
    expect(at(density, 5, 25)).toBe(0);
  });

  it('scales to events per km² by default and multiplies by the weight', () => {
    const perKm2 = kernelDensity(x, y, { grid, radius: r });
    expect(perKm2.units).toBe('per-square-kilometre');
    // 0.5625 · 3/(π·10⁴) per m² · 10⁶ m²/km² = 53.715 per km².
    expect(at(perKm2.density, 5, 10)).toBeCloseTo(0.5625 * (3 / Math.PI) * 100, 9);
    const weighted = kernelDensity(x, y, { grid, radius: r, weights: Float64Array.of(2) });
    expect(at(weighted.density, 5, 10)).toBeCloseTo(2 * at(perKm2.density, 5, 10), 9);
    expect(weighted.totalWeight).toBe(2);
  });

  it('integrates to the total weight (the kernel is normalised)', () => {
    // Fine cells (2 m) against r = 100: the Riemann sum Σ density·cell area ≈ Σw = 3.
    const fine: GridSpec = { originX: -200, originY: -200, cellSize: 2, cols: 400, rows: 400 };
    const { density } = kernelDensity(Float64Array.of(0, 3.3, -40), Float64Array.of(0, 7.1, 20), {
      grid: fine,
      radius: 100,
      units: 'per-square-metre',
    });
    const integral = density.reduce((s, v) => s + v, 0) * 4;
    expect(integral).toBeCloseTo(3, 3);
  });
});

describe('ArcGIS defaults', () => {
  it('default radius: square of 4 points (SD branch)', () => {
    // Corners of a 2 m square: mean centre (1, 1), every distance √2, so SD = √2, Dm = √2.
    // √(1/ln 2)·Dm = 1.2011·1.4142 = 1.6986 > SD → r = 0.9 · √2 · 4^(−0.2) = 0.9·1.41421·0.757858 = 0.964601.
    const result = defaultSearchRadius(Float64Array.of(0, 2, 0, 2), Float64Array.of(0, 0, 2, 2));
    expect(result.standardDistance).toBeCloseTo(Math.SQRT2, 12);
    expect(result.medianDistance).toBeCloseTo(Math.SQRT2, 12);
    expect(result.radius).toBeCloseTo(0.9 * Math.SQRT2 * 4 ** -0.2, 12);
    expect(result.radius).toBeCloseTo(0.964601, 5);
  });

  it('default radius: the median-distance branch, and weights as population', () => {
    // (−1, 0), (1, 0), (0, 100): mean centre (0, 33.333); distances 33.348, 33.348, 66.667.
    // SD = √((33.348² + 33.348² + 66.667²)/3) = 47.15; Dm = 33.348; √(1/ln2)·Dm = 40.055 < SD.
    // r = 0.9 · 40.055 · 3^(−0.2) = 0.9·40.055·0.802742 = 28.939.
    const x = Float64Array.of(-1, 1, 0);
    const y = Float64Array.of(0, 0, 100);
    const result = defaultSearchRadius(x, y);
    const dm = Math.hypot(1, 100 / 3);
    expect(result.medianDistance).toBeCloseTo(dm, 9);
    expect(result.radius).toBeCloseTo(0.9 * Math.sqrt(1 / Math.LN2) * dm * 3 ** -0.2, 9);
    // Weights 1, 1, 2 equal the point (0, 100) listed twice.
    const weighted = defaultSearchRadius(x, y, Float64Array.of(1, 1, 2));
    const doubled = defaultSearchRadius(Float64Array.of(-1, 1, 0, 0), Float64Array.of(0, 0, 100, 100));
    expect(weighted.radius).toBeCloseTo(doubled.radius, 9);
    expect(weighted.n).toBe(4);
  });

  it('default cell size: the shorter side / 250', () => {
    const x = Float64Array.of(0, 1000, 300);
    const y = Float64Array.of(0, 500, 100);
    const result = kernelDensity(x, y, { radius: 50 });
    expect(result.grid.cellSize).toBe(2);
    expect([result.grid.cols, result.grid.rows]).toEqual([500, 250]);
    expect(result.cellSizeSource).toBe('default');
    expect(result.radiusSource).toBe('given');
    expect(() => kernelDensity(Float64Array.of(5, 5), Float64Array.of(5, 5))).toThrow(RangeError);
  });
});

describe('kernelDensity equals the naive loop over every cell and point', () => {
  it('on random small cases (weights, points off the grid, NaN, radii below a cell to beyond the grid)', () => {
    const random = uniform(7);
    for (let run = 0; run < 40; run++) {
      const n = 1 + Math.floor(random() * 60);
      const grid: GridSpec = {
        originX: 150_000 + random() * 100,
        originY: 170_000 + random() * 100,
        cellSize: 1 + random() * 20,
        cols: 1 + Math.floor(random() * 25),
        rows: 1 + Math.floor(random() * 25),
      };
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      const weights = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        // Some points beyond the grid's edge, some on cell centres and edges (ties).
        const snap = random() < 0.3;
        const fx = snap ? Math.floor(random() * 30) / 2 : random() * 30 - 3;
        const fy = snap ? Math.floor(random() * 30) / 2 : random() * 30 - 3;
        x[i] = grid.originX + fx * grid.cellSize;
        y[i] = grid.originY + fy * grid.cellSize;
        weights[i] = random() * 3;
      }
      if (n > 3) x[2] = Number.NaN;
      const radius = grid.cellSize * (0.3 + random() * 12);
      const options = { grid, radius, ...(run % 2 === 0 ? { weights } : {}) };
      const fast = kernelDensity(x, y, options);
      const naive = kernelDensityNaive(x, y, options);
      expect(maxRelativeDifference(fast.density, naive.density)).toBeLessThan(1e-9);
      expect(fast.points).toBe(naive.points);
    }
  });

  it('with the row ordering used for large inputs (20,000 points)', () => {
    const random = uniform(11);
    const n = 20_000;
    const x = Float64Array.from({ length: n }, () => random() * 1000);
    const y = Float64Array.from({ length: n }, () => random() * 1000);
    const grid = gridForExtent({ minX: 0, minY: 0, maxX: 1000, maxY: 1000 }, 40);
    const fast = kernelDensity(x, y, { grid, radius: 90 });
    const naive = kernelDensityNaive(x, y, { grid, radius: 90 });
    expect(maxRelativeDifference(fast.density, naive.density)).toBeLessThan(1e-9);
  });
});

describe('a planted hotspot', () => {
  it('puts the peak of the surface at the planted centre', () => {
    // 3,000 events uniform over 10 km × 10 km, 300 more around (3,000, 7,000) with σ = 150 m.
    const events = eventsWithHotspots(3, 10_000, 365, 3000, [{ x: 3000, y: 7000, sigma: 150, count: 300 }]);
    const surface = kernelDensity(events.x, events.y); // ArcGIS defaults
    let peak = 0;
    surface.density.forEach((v, k) => {
      if (v > (surface.density[peak] as number)) peak = k;
    });
    const { cols, originX, originY, cellSize } = surface.grid;
    const px = originX + ((peak % cols) + 0.5) * cellSize;
    const py = originY + (Math.floor(peak / cols) + 0.5) * cellSize;
    expect(Math.hypot(px - 3000, py - 7000)).toBeLessThan(150);
    expect(surface.radiusSource).toBe('default');
  });
});
