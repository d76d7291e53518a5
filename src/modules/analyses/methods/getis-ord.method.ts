/**
 * Hot and cold spots: Getis-Ord Gi* over a grid of counts (src/analysis/getis-ord.ts), with
 * Benjamini–Hochberg false-discovery-rate control. Only cells in the study area are features,
 * so the empty land around a city does not make every street look hot.
 */
import { Type } from 'typebox';
import { countPointsPerCell, extentOf, gridForExtent, type GridSpec } from '../../../analysis/grid.ts';
import { getisOrdGrid, type GridNeighbourhood } from '../../../analysis/getis-ord.ts';
import { createProjection } from '../../../platform/geo/projections.ts';
import { literals } from '../../../platform/http/literals.ts';
import { kernelDensity } from '../../../analysis/kernel-density.ts';
import type { GiCell, GiResult } from '../method-results.ts';
import { defineMethod } from '../analysis-method.ts';
import { renderSurface } from '../render-surface.ts';

/** At most this many significant cells are listed (the strongest first). */
const MAX_CELLS = 5_000;

/** Default cell: the shorter side of the events' extent / 100, in whole tens of metres, at least 50 m. */
export function defaultGiCellSize(width: number, height: number): number {
  return Math.max(50, Math.round(Math.min(width, height) / 100 / 10) * 10);
}

export const getisOrdMethod = defineMethod({
  method: 'getis-ord',
  timeNeed: 'any',
  parameters: Type.Object(
    {
      cellSize: Type.Optional(
        Type.Number({
          minimum: 10,
          maximum: 5_000,
          description: 'Cell size in metres; default: shorter side / 100',
        }),
      ),
      neighbourhood: literals(['queen', 'rook', 'distance'] as const, {
        default: 'queen',
        description:
          'Neighbouring cells: the 8 around (queen), the 4 sharing an edge (rook), or a distance band',
      }),
      distance: Type.Optional(
        Type.Number({
          minimum: 10,
          maximum: 10_000,
          description: "Distance band in metres (neighbourhood 'distance')",
        }),
      ),
      q: Type.Number({
        exclusiveMinimum: 0,
        maximum: 0.2,
        default: 0.05,
        description: 'False discovery rate',
      }),
    },
    { additionalProperties: false },
  ),
  async run(events, parameters, setting) {
    const used = events.x.length;
    if (used < 2) return { result: { empty: true }, limits: [], used };
    const extent = extentOf(events.x, events.y);
    const width = extent.maxX - extent.minX;
    const height = extent.maxY - extent.minY;
    const cellSize = parameters.cellSize ?? defaultGiCellSize(width, height);
    // One empty cell of margin on every side, so edge events have neighbours.
    const base = gridForExtent(extent, cellSize);
    const grid: GridSpec = {
      originX: base.originX - cellSize,
      originY: base.originY - cellSize,
      cellSize,
      cols: base.cols + 2,
      rows: base.rows + 2,
    };
    if (grid.cols * grid.rows > 4_000_000)
      throw new RangeError(`${grid.cols} × ${grid.rows} cells is too many: choose larger cells`);
    const { counts } = countPointsPerCell(grid, events.x, events.y);
    const mask = studyMask(grid, counts, setting.inStudyArea);
    const neighbourhood: GridNeighbourhood =
      parameters.neighbourhood === 'distance'
        ? { distance: parameters.distance ?? 2 * cellSize }
        : parameters.neighbourhood;
    const gi = getisOrdGrid(counts, grid, { neighbourhood, mask, q: parameters.q });
    const projection = setting.projection ? createProjection(setting.projection) : null;
    const significant: number[] = [];
    for (let i = 0; i < gi.hotCold.length; i++) if (gi.hotCold[i] !== 0) significant.push(i);
    significant.sort((a, b) => Math.abs(gi.z[b] ?? 0) - Math.abs(gi.z[a] ?? 0));
    const cells = significant.slice(0, MAX_CELLS).map((index): GiCell => {
      const col = index % grid.cols;
      const row = Math.floor(index / grid.cols);
      const x0 = grid.originX + col * cellSize;
      const y0 = grid.originY + row * cellSize;
      const sw = projection?.toWgs84(x0, y0);
      const ne = projection?.toWgs84(x0 + cellSize, y0 + cellSize);
      return {
        x: x0 + cellSize / 2,
        y: y0 + cellSize / 2,
        // [[south, west], [north, east]] (Leaflet's order), as the density surface's bounds.
        bounds:
          sw && ne
            ? [
                [sw[1], sw[0]],
                [ne[1], ne[0]],
              ]
            : null,
        count: counts[index] ?? 0,
        z: gi.z[index] ?? 0,
        p: gi.p[index] ?? 1,
        kind: gi.hotCold[index] === 1 ? 'hot' : 'cold',
      };
    });
    return {
      result: {
        density: await densityBackdrop(events.x, events.y, setting.projection),
        cellSize,
        cellSizeSource: parameters.cellSize === undefined ? 'default' : 'given',
        neighbourhood: parameters.neighbourhood,
        distance: typeof neighbourhood === 'object' ? neighbourhood.distance : null,
        features: gi.n,
        mean: gi.mean,
        q: gi.q,
        pThreshold: gi.pThreshold,
        hot: significant.filter((i) => gi.hotCold[i] === 1).length,
        cold: significant.filter((i) => gi.hotCold[i] === -1).length,
        listed: cells.length,
        cells,
      } satisfies GiResult,
      limits: gi.n < 30 ? [{ key: 'analysis.limit.few_cells', params: { n: gi.n } }] : [],
      used,
    };
  },
});

/** Cells in the study area (their centre, or any event, in it); null: every cell. */
function studyMask(
  grid: GridSpec,
  counts: Float64Array,
  inStudyArea: ((x: number, y: number) => boolean) | null,
): Uint8Array | undefined {
  if (!inStudyArea) return undefined;
  const mask = new Uint8Array(grid.cols * grid.rows);
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const cell = row * grid.cols + col;
      const x = grid.originX + (col + 0.5) * grid.cellSize;
      const y = grid.originY + (row + 0.5) * grid.cellSize;
      if ((counts[cell] ?? 0) > 0 || inStudyArea(x, y)) mask[cell] = 1;
    }
  }
  return mask;
}

/**
 * The kernel density surface of the same events (default radius and cell), drawn under the
 * Gi* cells so the map shows both the smooth picture and what is significant; null without a
 * map projection or when the events allow no default radius (all at one spot).
 */
async function densityBackdrop(x: Float64Array, y: Float64Array, projection: string | null) {
  if (!projection) return null;
  try {
    const surface = kernelDensity(x, y);
    const drawn = await renderSurface(surface.density, surface.grid, projection);
    return {
      image: drawn.image,
      bounds: drawn.bounds,
      radius: surface.radius,
      cellSize: surface.grid.cellSize,
    };
  } catch {
    return null;
  }
}
