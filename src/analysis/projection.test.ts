import { describe, expect, it } from 'vitest';
import { createProjection } from '../platform/geo/projections.ts';
import { kernelDensity } from './kernel-density.ts';
import { projectToMetres } from './projection.ts';

describe('projection to metres', () => {
  it('projects WGS84 to Belgian Lambert 72 and refuses degrees', () => {
    // Ghent's Korenmarkt and a point 0.01° east (≈ 700 m at 51° N).
    const { x, y } = projectToMetres(
      Float64Array.of(3.7205, 3.7305, Number.NaN),
      Float64Array.of(51.0545, 51.0545, 0),
      'EPSG:31370',
    );
    const [lon, lat] = createProjection('EPSG:31370').toWgs84(x[0] as number, y[0] as number);
    expect(lon).toBeCloseTo(3.7205, 7);
    expect(lat).toBeCloseTo(51.0545, 7);
    expect(x[0]).toBeGreaterThan(100_000);
    expect(x[0]).toBeLessThan(110_000);
    expect((x[1] as number) - (x[0] as number)).toBeGreaterThan(690);
    expect((x[1] as number) - (x[0] as number)).toBeLessThan(710);
    expect(x[2]).toBeNaN();
    expect(() => projectToMetres(Float64Array.of(3.7), Float64Array.of(51), 'EPSG:4326')).toThrow();
  });

  it('gives kernel density a surface in metres', () => {
    const { x, y } = projectToMetres(
      Float64Array.of(3.7205, 3.7215, 3.7305),
      Float64Array.of(51.0545, 51.0549, 51.06),
      'EPSG:31370',
    );
    const surface = kernelDensity(x, y, { radius: 300, cellSize: 50 });
    expect(surface.grid.cellSize).toBe(50);
    expect(Math.max(...surface.density)).toBeGreaterThan(0);
  });
});
