/**
 * Turns a grid surface (row 0 south) into a transparent PNG for the map
 * (Leaflet image overlay), with the grid's bounds in WGS84. Zero cells are
 * transparent; others go from pale yellow to dark red by their share of the
 * maximum. The grid lives in the zone's metric projection; over a city the
 * small rotation against lon/lat is invisible at the scale of a cell.
 */
import sharp from 'sharp';
import { createProjection } from '../../platform/geo/projections.ts';

export interface SurfaceGrid {
  originX: number;
  originY: number;
  cellSize: number;
  cols: number;
  rows: number;
}

const ramp: [number, number, number][] = [
  [255, 255, 178],
  [254, 204, 92],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

function colour(share: number): [number, number, number] {
  const position = Math.min(0.9999, Math.max(0, share)) * (ramp.length - 1);
  const i = Math.floor(position);
  const f = position - i;
  const a = ramp[i] as [number, number, number];
  const b = ramp[i + 1] as [number, number, number];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export async function renderSurface(
  values: Float64Array | Float32Array,
  grid: SurfaceGrid,
  projectionCode: string,
) {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const pixels = Buffer.alloc(grid.cols * grid.rows * 4);
  for (let row = 0; row < grid.rows; row += 1) {
    const imageRow = grid.rows - 1 - row; // image rows run north to south
    for (let col = 0; col < grid.cols; col += 1) {
      const value = values[row * grid.cols + col] ?? 0;
      if (!(value > 0) || max === 0) continue;
      const [r, g, b] = colour(value / max);
      const o = (imageRow * grid.cols + col) * 4;
      pixels[o] = r;
      pixels[o + 1] = g;
      pixels[o + 2] = b;
      pixels[o + 3] = Math.round(90 + 140 * Math.min(1, value / max));
    }
  }
  const png = await sharp(pixels, { raw: { width: grid.cols, height: grid.rows, channels: 4 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return {
    image: `data:image/png;base64,${png.toString('base64')}`,
    max,
    bounds: gridBounds(grid, projectionCode),
  };
}

/** [[south, west], [north, east]] of the grid in WGS84 (Leaflet's order). */
export function gridBounds(grid: SurfaceGrid, projectionCode: string): [[number, number], [number, number]] {
  const projection = createProjection(projectionCode);
  const corners = [
    projection.toWgs84(grid.originX, grid.originY),
    projection.toWgs84(grid.originX + grid.cols * grid.cellSize, grid.originY),
    projection.toWgs84(grid.originX, grid.originY + grid.rows * grid.cellSize),
    projection.toWgs84(grid.originX + grid.cols * grid.cellSize, grid.originY + grid.rows * grid.cellSize),
  ];
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  return [
    [Math.min(...lats), Math.min(...lons)],
    [Math.max(...lats), Math.max(...lons)],
  ];
}

/** The centre of a grid cell in WGS84 ([lon, lat]). */
export function cellCentre(grid: SurfaceGrid, index: number, projectionCode: string): [number, number] {
  const row = Math.floor(index / grid.cols);
  const col = index % grid.cols;
  return createProjection(projectionCode).toWgs84(
    grid.originX + (col + 0.5) * grid.cellSize,
    grid.originY + (row + 0.5) * grid.cellSize,
  );
}
