/**
 * Which area contains this point? For one point or a million.
 *
 * Why: every located record gets its area_id on write, and imports and analyses assign
 * millions of points (DESIGN.md, "Geography and tenancy"; target: ≥ 20× a naive loop over
 * polygons). Three layers, each exact:
 * 1. A uniform grid over all areas. A cell that no edge's bounding box reaches lies wholly in
 *    one area (or in none), so its answer is stored and a lookup there is one array read.
 * 2. For the other cells: a flatbush R-tree over the bounding boxes of all polygon parts
 *    finds the candidate parts,
 * 3. and each part answers with its horizontal-band edge index (edge-bands.ts), testing only
 *    the edges near the point's latitude.
 * The crossing rule is point-in-polygon.ts's (half-open, canonical edge order, exact
 * orientation): a point on a boundary shared by several areas belongs to exactly one of them
 * (the one just west/north of it), and the answer never depends on the order of the areas.
 */
import Flatbush from 'flatbush';
import { PartEdgeBands } from './edge-bands.ts';
import type { MultiPolygonCoords, Position } from './types.ts';

export type IndexedArea = { id: string; multipolygon: MultiPolygonCoords };

export type AreaIndexOptions = {
  /** Grid cells (about; 0 disables the grid). Default: 32 per edge, between 2¹² and 2²⁰. */
  gridCells?: number;
};

const OUTSIDE = -1;
const NEEDS_TEST = -2;

export class AreaIndex {
  /** Area ids, in the order given; locateIndices returns positions in this array. */
  readonly ids: readonly string[];
  private readonly partArea: Int32Array;
  private readonly partBands: PartEdgeBands[];
  private readonly partTree: Flatbush | null;
  private readonly minX: number;
  private readonly minY: number;
  private readonly maxX: number;
  private readonly maxY: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly colsPerUnit: number;
  private readonly rowsPerUnit: number;
  private readonly grid: Int32Array;
  // State of the current slow lookup, read by the R-tree filter (kept to avoid a closure per call).
  private queryX = 0;
  private queryY = 0;
  private found = OUTSIDE;
  private readonly testPart: (part: number) => boolean;

  constructor(areas: readonly IndexedArea[], options: AreaIndexOptions = {}) {
    this.ids = areas.map((area) => area.id);
    const partArea: number[] = [];
    const partBoxes: number[] = [];
    this.partBands = [];
    let edgeCount = 0;
    areas.forEach((area, areaIndex) => {
      for (const part of area.multipolygon) {
        const exterior = part[0];
        if (!exterior || exterior.length < 3) continue;
        let minX = Infinity,
          minY = Infinity,
          maxX = -Infinity,
          maxY = -Infinity;
        for (const [x, y] of exterior) {
          if (x < minX) minX = x;
          if (y < minY) minY = y;
          if (x > maxX) maxX = x;
          if (y > maxY) maxY = y;
        }
        partArea.push(areaIndex);
        partBoxes.push(minX, minY, maxX, maxY);
        this.partBands.push(new PartEdgeBands(part));
        for (const ring of part) edgeCount += ring.length;
      }
    });
    this.partArea = Int32Array.from(partArea);
    const partCount = partArea.length;

    this.minX = Infinity;
    this.minY = Infinity;
    this.maxX = -Infinity;
    this.maxY = -Infinity;
    let tree: Flatbush | null = null;
    if (partCount > 0) {
      tree = new Flatbush(partCount);
      for (let p = 0; p < partCount; p++) {
        const [x0, y0, x1, y1] = partBoxes.slice(p * 4, p * 4 + 4) as [number, number, number, number];
        tree.add(x0, y0, x1, y1);
        this.minX = Math.min(this.minX, x0);
        this.minY = Math.min(this.minY, y0);
        this.maxX = Math.max(this.maxX, x1);
        this.maxY = Math.max(this.maxY, y1);
      }
      tree.finish();
    }
    this.partTree = tree;
    this.testPart = (part: number): boolean => {
      if (!(this.partBands[part] as PartEdgeBands).contains(this.queryX, this.queryY)) return false;
      this.found = this.partArea[part] as number;
      return true;
    };

    const targetCells =
      partCount === 0 ? 0 : (options.gridCells ?? Math.min(1 << 20, Math.max(1 << 12, edgeCount * 32)));
    const width = this.maxX - this.minX;
    const height = this.maxY - this.minY;
    if (targetCells > 0 && width > 0 && height > 0) {
      this.cols = Math.max(1, Math.round(Math.sqrt((targetCells * width) / height)));
      this.rows = Math.max(1, Math.round(targetCells / this.cols));
    } else {
      this.cols = 1;
      this.rows = 1;
    }
    this.colsPerUnit = width > 0 ? this.cols / width : 0;
    this.rowsPerUnit = height > 0 ? this.rows / height : 0;
    this.grid = new Int32Array(this.cols * this.rows).fill(NEEDS_TEST);
    if (targetCells > 0) this.fillGrid(areas);
  }

  /** The id of the area containing (lon, lat), or null. */
  locate(lon: number, lat: number): string | null {
    const index = this.locateIndex(lon, lat);
    return index < 0 ? null : (this.ids[index] as string);
  }

  /** The position in `ids` of the area containing (lon, lat), or −1. */
  locateIndex(lon: number, lat: number): number {
    if (!(lon >= this.minX && lon <= this.maxX && lat >= this.minY && lat <= this.maxY)) return OUTSIDE;
    const cell = this.grid[this.row(lat) * this.cols + this.col(lon)] as number;
    return cell !== NEEDS_TEST ? cell : this.locateWithTree(lon, lat);
  }

  /**
   * For interleaved coordinates [lon0, lat0, lon1, lat1, …]: the position in `ids` of each
   * point's area, −1 for none. Pass `out` (length ≥ points) to reuse a buffer.
   */
  locateIndices(coords: Float64Array, out?: Int32Array): Int32Array {
    const count = coords.length >> 1;
    const result = out ?? new Int32Array(count);
    const { minX, minY, maxX, maxY, cols, rows, colsPerUnit, rowsPerUnit, grid } = this;
    for (let i = 0; i < count; i++) {
      const lon = coords[2 * i] as number;
      const lat = coords[2 * i + 1] as number;
      if (!(lon >= minX && lon <= maxX && lat >= minY && lat <= maxY)) {
        result[i] = OUTSIDE;
        continue;
      }
      // Same arithmetic as col() and row(): the grid's guarantee depends on it.
      let col = Math.floor((lon - minX) * colsPerUnit);
      if (col >= cols) col = cols - 1;
      let row = Math.floor((lat - minY) * rowsPerUnit);
      if (row >= rows) row = rows - 1;
      const cell = grid[row * cols + col] as number;
      result[i] = cell !== NEEDS_TEST ? cell : this.locateWithTree(lon, lat);
    }
    return result;
  }

  /** For interleaved coordinates: each point's area id or null (see locateIndices). */
  locateMany(coords: Float64Array): (string | null)[] {
    const indices = this.locateIndices(coords);
    return Array.from(indices, (index) => (index < 0 ? null : (this.ids[index] as string)));
  }

  /** Layers 2 and 3 only (no grid): used to fill the grid, and by tests. */
  locateWithTree(lon: number, lat: number): number {
    if (!this.partTree) return OUTSIDE;
    this.queryX = lon;
    this.queryY = lat;
    this.found = OUTSIDE;
    this.partTree.collides(lon, lat, lon, lat, this.testPart);
    return this.found;
  }

  /** Share of grid cells answered without an edge test (for benchmarks and tuning). */
  gridCoverage(): number {
    let answered = 0;
    for (const cell of this.grid) if (cell !== NEEDS_TEST) answered++;
    return answered / this.grid.length;
  }

  /** Column of a longitude ≥ minX; monotone (floor of a positive scaling), clamped. */
  private col(x: number): number {
    const col = Math.floor((x - this.minX) * this.colsPerUnit);
    return col < 0 ? 0 : col >= this.cols ? this.cols - 1 : col;
  }

  private row(y: number): number {
    const row = Math.floor((y - this.minY) * this.rowsPerUnit);
    return row < 0 ? 0 : row >= this.rows ? this.rows - 1 : row;
  }

  /**
   * Marks every cell an edge's bounding box reaches (long edges in short pieces, each box
   * widened by far more than rounding error), then answers the untouched cells. Because col()
   * and row() are monotone, a point inside an edge's box falls in a marked cell; so the set of
   * points falling in an unmarked cell is a box that no edge touches, all in one area.
   * Consecutive unmarked cells of a row form one such box and share one lookup.
   */
  private fillGrid(areas: readonly IndexedArea[]): void {
    const unmarked = new Uint8Array(this.grid.length).fill(1);
    const marginX = 1e-6 / (this.colsPerUnit || 1);
    const marginY = 1e-6 / (this.rowsPerUnit || 1);
    const markBox = (x0: number, y0: number, x1: number, y1: number): void => {
      const c0 = this.col(Math.min(x0, x1) - marginX);
      const c1 = this.col(Math.max(x0, x1) + marginX);
      const r0 = this.row(Math.min(y0, y1) - marginY);
      const r1 = this.row(Math.max(y0, y1) + marginY);
      for (let r = r0; r <= r1; r++) unmarked.fill(0, r * this.cols + c0, r * this.cols + c1 + 1);
    };
    for (const area of areas) {
      for (const part of area.multipolygon) {
        for (const ring of part) {
          for (let i = 0; i < ring.length; i++) {
            const a = ring[i === 0 ? ring.length - 1 : i - 1] as Position;
            const b = ring[i] as Position;
            const pieces =
              Math.max(Math.abs(this.col(b[0]) - this.col(a[0])), Math.abs(this.row(b[1]) - this.row(a[1]))) +
              1;
            if (pieces <= 2) {
              markBox(a[0], a[1], b[0], b[1]);
              continue;
            }
            for (let k = 0; k < pieces; k++) {
              const t0 = k / pieces;
              const t1 = (k + 1) / pieces;
              markBox(
                a[0] + (b[0] - a[0]) * t0,
                a[1] + (b[1] - a[1]) * t0,
                a[0] + (b[0] - a[0]) * t1,
                a[1] + (b[1] - a[1]) * t1,
              );
            }
          }
        }
      }
    }
    const cellWidth = 1 / (this.colsPerUnit || 1);
    const cellHeight = 1 / (this.rowsPerUnit || 1);
    for (let r = 0; r < this.rows; r++) {
      let runAnswer: number | null = null;
      for (let c = 0; c < this.cols; c++) {
        const cell = r * this.cols + c;
        if (!unmarked[cell]) {
          runAnswer = null;
          continue;
        }
        if (runAnswer === null) {
          // A probe point that provably falls in this cell, else leave the cell to the tree.
          const x = this.minX + (c + 0.5) * cellWidth;
          const y = this.minY + (r + 0.5) * cellHeight;
          if (this.col(x) !== c || this.row(y) !== r || x > this.maxX || y > this.maxY) continue;
          runAnswer = this.locateWithTree(x, y);
        }
        this.grid[cell] = runAnswer;
      }
    }
  }
}
