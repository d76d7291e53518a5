/**
 * The straightforward kernel density: for every grid cell, a loop over every point. The same
 * formula, defaults and units as kernelDensity (kernel-density.ts), at cost cells × points.
 *
 * Why it exists: it is the reference that tests compare the windowed kernelDensity against, and
 * the baseline of bench/kernel-density.bench.ts (DESIGN.md, "Measured targets"). Not for use.
 */
import { columnCentres, rowCentres } from './grid.ts';
import {
  densityScale,
  resolveKernelDensity,
  type KernelDensityOptions,
  type KernelDensityResult,
} from './kernel-density.ts';

/** Kernel density by the loop over every cell and every point (reference implementation). */
export function kernelDensityNaive(
  x: Float64Array,
  y: Float64Array,
  options: KernelDensityOptions = {},
): KernelDensityResult {
  const { grid, radius, radiusSource, cellSizeSource } = resolveKernelDensity(x, y, options);
  const units = options.units ?? 'per-square-kilometre';
  const weights = options.weights;
  const colX = columnCentres(grid);
  const rowY = rowCentres(grid);
  const density = new Float64Array(grid.cols * grid.rows);
  const r2 = radius * radius;
  const invR2 = 1 / r2;
  const scale = densityScale(radius, units);
  for (let row = 0; row < grid.rows; row++) {
    const cy = rowY[row] as number;
    for (let col = 0; col < grid.cols; col++) {
      const cx = colX[col] as number;
      let sum = 0;
      for (let i = 0; i < x.length; i++) {
        const px = x[i] as number;
        const py = y[i] as number;
        if (!(Number.isFinite(px) && Number.isFinite(py))) continue;
        const du = cx - px;
        const dv = cy - py;
        const d2 = du * du + dv * dv;
        if (d2 < r2) {
          const t = 1 - d2 * invR2;
          sum += (weights ? (weights[i] as number) : 1) * t * t;
        }
      }
      density[row * grid.cols + col] = sum * scale;
    }
  }
  let points = 0;
  let totalWeight = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(Number.isFinite(x[i] as number) && Number.isFinite(y[i] as number))) continue;
    points++;
    totalWeight += weights ? (weights[i] as number) : 1;
  }
  return { density, grid, radius, radiusSource, cellSizeSource, units, points, totalWeight };
}
