/**
 * A regular square grid over projected coordinates (metres), shared by kernel density,
 * Getis-Ord Gi* on grid cells and hotspot evaluation.
 *
 * Layout: cell (row, col) covers [originX + col·cellSize, originX + (col+1)·cellSize) ×
 * [originY + row·cellSize, originY + (row+1)·cellSize); its centre is
 * (originX + (col + 0.5)·cellSize, originY + (row + 0.5)·cellSize). Row 0 is the southernmost
 * row (y grows with the row), and a cell's index in a grid array is row·cols + col.
 */

/** The geometry of a grid; every length in metres. */
export type GridSpec = {
  /** x of the grid's west edge, metres. */
  readonly originX: number;
  /** y of the grid's south edge, metres. */
  readonly originY: number;
  /** Side of a square cell, metres (> 0). */
  readonly cellSize: number;
  readonly cols: number;
  readonly rows: number;
};

/** An axis-aligned rectangle in metres. */
export type Extent = { minX: number; minY: number; maxX: number; maxY: number };

/** The bounding box of the points (NaN coordinates are skipped); throws when there are none. */
export function extentOf(x: Float64Array, y: Float64Array): Extent {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (Number.isNaN(px) || Number.isNaN(py)) continue;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  if (minX > maxX) throw new RangeError('no points with coordinates');
  return { minX, minY, maxX, maxY };
}

/**
 * The grid that covers `extent` with square cells of `cellSize` metres, anchored at the
 * extent's south-west corner: cols = max(1, ceil(width / cellSize)), rows likewise (a point on
 * the extent's east or north edge falls in the last column or row, see cellIndexOf).
 */
export function gridForExtent(extent: Extent, cellSize: number): GridSpec {
  if (!(cellSize > 0) || !Number.isFinite(cellSize))
    throw new RangeError(`cell size must be > 0, got ${cellSize}`);
  const width = extent.maxX - extent.minX;
  const height = extent.maxY - extent.minY;
  if (!(width >= 0) || !(height >= 0)) throw new RangeError('extent has negative width or height');
  return {
    originX: extent.minX,
    originY: extent.minY,
    cellSize,
    cols: Math.max(1, Math.ceil(width / cellSize)),
    rows: Math.max(1, Math.ceil(height / cellSize)),
  };
}

/** Checks a grid spec; throws a RangeError naming the bad field. */
export function assertGrid(grid: GridSpec): void {
  if (!(grid.cellSize > 0) || !Number.isFinite(grid.cellSize))
    throw new RangeError('grid.cellSize must be > 0');
  if (!Number.isInteger(grid.cols) || grid.cols < 1) throw new RangeError('grid.cols must be an integer ≥ 1');
  if (!Number.isInteger(grid.rows) || grid.rows < 1) throw new RangeError('grid.rows must be an integer ≥ 1');
  if (!Number.isFinite(grid.originX) || !Number.isFinite(grid.originY)) {
    throw new RangeError('grid origin must be finite');
  }
}

/** x of the centre of column `col`: originX + (col + 0.5)·cellSize (the one formula every method uses). */
export function columnCentres(grid: GridSpec): Float64Array {
  const centres = new Float64Array(grid.cols);
  for (let c = 0; c < grid.cols; c++) centres[c] = grid.originX + (c + 0.5) * grid.cellSize;
  return centres;
}

/** y of the centre of row `row`: originY + (row + 0.5)·cellSize. */
export function rowCentres(grid: GridSpec): Float64Array {
  const centres = new Float64Array(grid.rows);
  for (let r = 0; r < grid.rows; r++) centres[r] = grid.originY + (r + 0.5) * grid.cellSize;
  return centres;
}

/**
 * The index (row·cols + col) of the cell that holds (x, y), or −1 outside the grid. A point
 * exactly on the grid's east or north edge belongs to the last column or row, so that a grid
 * made by gridForExtent holds every point of its extent.
 */
export function cellIndexOf(grid: GridSpec, x: number, y: number): number {
  const inverse = 1 / grid.cellSize;
  const fx = (x - grid.originX) * inverse;
  const fy = (y - grid.originY) * inverse;
  let col = Math.floor(fx);
  let row = Math.floor(fy);
  if (col === grid.cols && fx === grid.cols) col--;
  if (row === grid.rows && fy === grid.rows) row--;
  if (!(col >= 0 && col < grid.cols && row >= 0 && row < grid.rows)) return -1;
  return row * grid.cols + col;
}

/**
 * One pass that adds each point (or its weight) to its own cell: counts[cell] = Σ wᵢ over the
 * points in the cell. Points outside the grid are skipped and counted in `outside`. Used for
 * Gi* on grid cells, for hotspot evaluation, and as the speed yardstick of kernel density.
 */
export function countPointsPerCell(
  grid: GridSpec,
  x: Float64Array,
  y: Float64Array,
  weights?: Float64Array,
): { counts: Float64Array; outside: number } {
  assertGrid(grid);
  if (y.length !== x.length) throw new RangeError('x and y differ in length');
  if (weights && weights.length !== x.length) throw new RangeError('weights and x differ in length');
  const { originX, originY, cols, rows } = grid;
  const inverse = 1 / grid.cellSize;
  const counts = new Float64Array(cols * rows);
  let outside = 0;
  for (let i = 0; i < x.length; i++) {
    const fx = ((x[i] as number) - originX) * inverse;
    const fy = ((y[i] as number) - originY) * inverse;
    let col = Math.floor(fx);
    let row = Math.floor(fy);
    if (col === cols && fx === cols) col--;
    if (row === rows && fy === rows) row--;
    if (!(col >= 0 && col < cols && row >= 0 && row < rows)) {
      outside++;
      continue;
    }
    const cell = row * cols + col;
    counts[cell] = (counts[cell] as number) + (weights ? (weights[i] as number) : 1);
  }
  return { counts, outside };
}
