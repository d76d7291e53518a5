import { describe, expect, it } from 'vitest';
import { countPointsPerCell, gridForExtent } from './grid.ts';
import { hotspotAccuracy } from './hotspot-evaluation.ts';
import { kernelDensity } from './kernel-density.ts';
import { eventsWithHotspots } from './synthetic-data.ts';

describe('PAI and PEI by hand', () => {
  it('equal cells', () => {
    // 10 cells of 1 km²; N = 30 events; flagged: the cells with 8 and 5 events.
    const counts = Float64Array.of(10, 8, 5, 3, 2, 1, 1, 0, 0, 0);
    const flagged = Uint8Array.of(0, 1, 1, 0, 0, 0, 0, 0, 0, 0);
    const result = hotspotAccuracy(counts, flagged, { cellAreas: 1 });
    // n = 13, a = 2, A = 10: PAI = (13/30)/(2/10) = 2.1667.
    expect(result.pai).toBeCloseTo(13 / 30 / 0.2, 12);
    // Best 2 cells hold 10 + 8 = 18: PAI* = (18/30)/(2/10) = 3; PEI = 2.1667/3 = 13/18 = 0.7222.
    expect(result.bestHits).toBe(18);
    expect(result.paiStar).toBeCloseTo(3, 12);
    expect(result.pei).toBeCloseTo(13 / 18, 12);
    expect(result.paiStarMethod).toBe('exact (equal cells)');
  });

  it('unequal areas: the best set by density, the last area in part', () => {
    // Areas 1, 2, 4 km² with 4, 6, 4 events: densities 4, 3, 1. Flagged: the 2 km² area (6 events).
    // a = 2: best = all of area 0 (1 km², 4 events) + half of area 1 (1 km², 3 events) = 7.
    const result = hotspotAccuracy(Float64Array.of(4, 6, 4), Uint8Array.of(0, 1, 0), {
      cellAreas: Float64Array.of(1, 2, 4),
    });
    // PAI = (6/14)/(2/7) = 1.5; PAI* = (7/14)/(2/7) = 1.75; PEI = 6/7.
    expect(result.pai).toBeCloseTo(1.5, 12);
    expect(result.paiStar).toBeCloseTo(1.75, 12);
    expect(result.pei).toBeCloseTo(6 / 7, 12);
  });
});

describe('a stable planted hotspot', () => {
  it('last period’s kernel-density hotspots capture this period’s events (PAI ≫ 1)', () => {
    const spot = { x: 2500, y: 1500, sigma: 200, count: 400 };
    const before = eventsWithHotspots(1, 5000, 365, 1500, [spot]);
    const after = eventsWithHotspots(2, 5000, 365, 1500, [spot]);
    const grid = gridForExtent({ minX: 0, minY: 0, maxX: 5000, maxY: 5000 }, 100);
    const surface = kernelDensity(before.x, before.y, { grid, radius: 300 });
    // Flag the top 2 % of cells.
    const threshold = Float64Array.from(surface.density).sort()[
      Math.floor(0.98 * surface.density.length)
    ] as number;
    const flagged = Uint8Array.from(surface.density, (v) => (v >= threshold ? 1 : 0));
    const { counts } = countPointsPerCell(grid, after.x, after.y);
    const result = hotspotAccuracy(counts, flagged, { cellAreas: 100 * 100 });
    expect(result.pai).toBeGreaterThan(5);
    expect(result.pei).toBeGreaterThan(0.5);
    expect(result.pei).toBeLessThanOrEqual(1);
  });
});
