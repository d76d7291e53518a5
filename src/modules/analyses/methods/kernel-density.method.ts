/** Hotspot surface: quartic kernel density (src/analysis/kernel-density.ts), drawn for the map. */
import { Type } from 'typebox';
import { kernelDensity } from '../../../analysis/kernel-density.ts';
import type { DensityResult } from '../method-results.ts';
import { defineMethod } from '../analysis-method.ts';
import { cellCentre, renderSurface } from '../render-surface.ts';

export const kernelDensityMethod = defineMethod({
  method: 'kernel-density',
  timeNeed: 'any',
  parameters: Type.Object(
    {
      radius: Type.Optional(
        Type.Number({
          minimum: 10,
          maximum: 20_000,
          description: 'Search radius in metres; default: the ArcGIS rule',
        }),
      ),
      cellSize: Type.Optional(
        Type.Number({
          minimum: 5,
          maximum: 5_000,
          description: 'Cell size in metres; default: the shorter side / 250',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  async run(events, parameters, setting) {
    const used = events.x.length;
    if (used < 2) return { result: { empty: true }, limits: [], used };
    const surface = kernelDensity(events.x, events.y, {
      ...(parameters.radius !== undefined ? { radius: parameters.radius } : {}),
      ...(parameters.cellSize !== undefined ? { cellSize: parameters.cellSize } : {}),
    });
    const order = Array.from(surface.density.keys())
      .sort((a, b) => (surface.density[b] ?? 0) - (surface.density[a] ?? 0))
      .slice(0, 10);
    const { grid } = surface;
    const peaks = order.map((index) => {
      const x = grid.originX + ((index % grid.cols) + 0.5) * grid.cellSize;
      const y = grid.originY + (Math.floor(index / grid.cols) + 0.5) * grid.cellSize;
      const lonLat = setting.projection ? cellCentre(grid, index, setting.projection) : null;
      return {
        x,
        y,
        lon: lonLat?.[0] ?? null,
        lat: lonLat?.[1] ?? null,
        density: surface.density[index] ?? 0,
      };
    });
    const drawn = setting.projection ? await renderSurface(surface.density, grid, setting.projection) : null;
    return {
      result: {
        radius: surface.radius,
        radiusSource: surface.radiusSource,
        cellSize: grid.cellSize,
        cellSizeSource: surface.cellSizeSource,
        units: surface.units,
        grid: { ...grid, crs: setting.projection },
        image: drawn?.image ?? null,
        bounds: drawn?.bounds ?? null,
        max: drawn?.max ?? Math.max(0, ...order.map((i) => surface.density[i] ?? 0)),
        peaks,
        points: surface.points,
      } satisfies DensityResult,
      limits: [],
      used,
    };
  },
});
