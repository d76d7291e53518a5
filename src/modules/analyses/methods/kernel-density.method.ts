/** Hotspot surface: quartic kernel density (src/analysis/kernel-density.ts), drawn for the map. */
import { Type } from 'typebox';
import { kernelDensity } from '../../../analysis/kernel-density.ts';
import { commonLimits, defineMethod } from '../analysis-method.ts';
import { cellCentre, renderSurface } from '../render-surface.ts';

export const kernelDensityMethod = defineMethod({
  method: 'kernel-density',
  needsExactTimes: false,
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
  async run(_context, zone, events, parameters) {
    const limits = commonLimits(events, events.x.length, false);
    if (events.x.length < 2) return { result: { empty: true }, limits };
    const surface = kernelDensity(events.x, events.y, {
      ...(parameters.radius !== undefined ? { radius: parameters.radius } : {}),
      ...(parameters.cellSize !== undefined ? { cellSize: parameters.cellSize } : {}),
    });
    const drawn = await renderSurface(surface.density, surface.grid, zone.projection);
    const order = Array.from(surface.density.keys()).sort(
      (a, b) => (surface.density[b] ?? 0) - (surface.density[a] ?? 0),
    );
    const peaks = order.slice(0, 10).map((index) => {
      const [lon, lat] = cellCentre(surface.grid, index, zone.projection);
      return { lon, lat, density: surface.density[index] ?? 0 };
    });
    return {
      result: {
        radius: surface.radius,
        radiusSource: surface.radiusSource,
        cellSize: surface.grid.cellSize,
        cellSizeSource: surface.cellSizeSource,
        units: surface.units,
        grid: { ...surface.grid, crs: zone.projection },
        image: drawn.image,
        bounds: drawn.bounds,
        max: drawn.max,
        peaks,
        points: surface.points,
      },
      limits,
    };
  },
});
