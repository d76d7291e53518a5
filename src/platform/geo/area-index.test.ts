import { describe, expect, it } from 'vitest';
import { AreaIndex, type IndexedArea } from './area-index.ts';
import { pointInMultiPolygon } from './point-in-polygon.ts';
import { loadGhentNeighbourhoods, loadManchesterWards } from './shared-test-data.ts';
import { boundingBox } from './measure.ts';
import type { BoundingBox, MultiPolygonCoords, Position } from './types.ts';
import { uniform as random } from '../../analysis/random.ts';

const boxes = new WeakMap<IndexedArea, BoundingBox>();

/**
 * The naive answer with the same crossing rule: every area that contains the point (a
 * bounding-box check first, which cannot change the answer, only saves time).
 */
function containingAreas(areas: readonly IndexedArea[], x: number, y: number): string[] {
  return areas
    .filter((area) => {
      let box = boxes.get(area);
      if (!box) boxes.set(area, (box = boundingBox(area.multipolygon)));
      return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
    })
    .filter((area) => pointInMultiPolygon(area.multipolygon, x, y))
    .map((area) => area.id);
}

/** A closed ring through the points, starting at `start`, clockwise or not. */
function ring(points: Position[], start: number, reverse: boolean): Position[] {
  const ordered = reverse ? [...points].reverse() : [...points];
  const rotated = [...ordered.slice(start % ordered.length), ...ordered.slice(0, start % ordered.length)];
  return [...rotated, rotated[0] as Position];
}

/** n × n unit squares; each walked from a different vertex and in alternating directions. */
function squareGrid(n: number, origin: Position = [0, 0], size = 1): IndexedArea[] {
  const areas: IndexedArea[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const x0 = origin[0] + col * size;
      const y0 = origin[1] + row * size;
      const corners: Position[] = [
        [x0, y0],
        [x0 + size, y0],
        [x0 + size, y0 + size],
        [x0, y0 + size],
      ];
      areas.push({ id: `r${row}c${col}`, multipolygon: [[ring(corners, row + col, (row + col) % 2 === 1)]] });
    }
  }
  return areas;
}

function expectExactlyOne(areas: IndexedArea[], index: AreaIndex, x: number, y: number): string {
  const naive = containingAreas(areas, x, y);
  expect(naive, `point ${x}, ${y}`).toHaveLength(1);
  expect(index.locate(x, y)).toBe(naive[0]);
  return naive[0] as string;
}

describe('AreaIndex on synthetic areas', () => {
  const areas = squareGrid(3);
  const withGrid = new AreaIndex(areas);
  const withoutGrid = new AreaIndex(areas, { gridCells: 0 });

  it('finds the square of interior points and null outside', () => {
    for (const index of [withGrid, withoutGrid]) {
      expect(index.locate(0.5, 0.5)).toBe('r0c0');
      expect(index.locate(2.5, 1.5)).toBe('r1c2');
      expect(index.locate(-0.5, 0.5)).toBeNull();
      expect(index.locate(1.5, 3.5)).toBeNull();
      expect(index.locate(Number.NaN, 1)).toBeNull();
    }
  });

  it('gives a point on a shared vertical edge to exactly one square (the west one)', () => {
    for (const y of [0.25, 0.5, 1 / 3, 1.7, 2.999]) {
      for (const x of [1, 2]) {
        const id = expectExactlyOne(areas, withGrid, x, y);
        expect(id).toBe(`r${Math.floor(y)}c${x - 1}`);
        expect(withoutGrid.locate(x, y)).toBe(id);
      }
    }
  });

  it('gives a point on a shared horizontal edge to exactly one square (the north one)', () => {
    for (const x of [0.25, 0.5, 1 / 3, 1.7, 2.999]) {
      for (const y of [1, 2]) {
        const id = expectExactlyOne(areas, withGrid, x, y);
        expect(id).toBe(`r${y}c${Math.floor(x)}`);
        expect(withoutGrid.locate(x, y)).toBe(id);
      }
    }
  });

  it('gives the shared corner of four squares to exactly one (the north-west one)', () => {
    for (const [x, y] of [
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ] as Position[]) {
      expect(expectExactlyOne(areas, withGrid, x, y)).toBe(`r${y}c${x - 1}`);
      expect(withoutGrid.locate(x, y)).toBe(`r${y}c${x - 1}`);
    }
  });

  it('gives a vertex shared by several slanted areas, and points on their shared edges, to exactly one', () => {
    // Seven slices of a heptagon around an off-grid centre: edges at awkward angles.
    const centre: Position = [0.3141592653589793, -0.2718281828459045];
    const corners: Position[] = [];
    for (let k = 0; k < 7; k++) {
      const angle = (2 * Math.PI * k) / 7 + 0.1;
      corners.push([centre[0] + Math.cos(angle) * 1.7, centre[1] + Math.sin(angle) * 1.3]);
    }
    const slices: IndexedArea[] = corners.map((corner, k) => ({
      id: `slice${k}`,
      multipolygon: [[ring([centre, corner, corners[(k + 1) % 7] as Position], k, k % 2 === 0)]],
    }));
    const index = new AreaIndex(slices);
    expectExactlyOne(slices, index, centre[0], centre[1]);
    for (const corner of corners) {
      for (const t of [0.1, 0.25, 0.5, 0.77, 0.999]) {
        // Floating-point points "on" a slanted spoke: usually just off it, identical for both sides.
        expectExactlyOne(
          slices,
          index,
          centre[0] + (corner[0] - centre[0]) * t,
          centre[1] + (corner[1] - centre[1]) * t,
        );
      }
    }
  });

  it('respects holes and islands in holes, and multipolygons', () => {
    const square = (x0: number, y0: number, x1: number, y1: number, clockwise: boolean): Position[] =>
      ring(
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
        ],
        0,
        clockwise,
      );
    const donut: MultiPolygonCoords = [[square(0, 0, 10, 10, false), square(3, 3, 7, 7, true)]];
    const island: MultiPolygonCoords = [[square(4, 4, 6, 6, false)]];
    const twoParts: MultiPolygonCoords = [[square(20, 0, 22, 2, false)], [square(30, 5, 31, 6, false)]];
    const areas: IndexedArea[] = [
      { id: 'donut', multipolygon: donut },
      { id: 'island', multipolygon: island },
      { id: 'twoParts', multipolygon: twoParts },
    ];
    for (const index of [new AreaIndex(areas), new AreaIndex(areas, { gridCells: 0 })]) {
      expect(index.locate(1, 1)).toBe('donut');
      expect(index.locate(3.5, 3.5)).toBeNull(); // in the hole
      expect(index.locate(6.5, 5)).toBeNull();
      expect(index.locate(5, 5)).toBe('island');
      expect(index.locate(21, 1)).toBe('twoParts');
      expect(index.locate(30.5, 5.5)).toBe('twoParts');
      expect(index.locate(25, 3)).toBeNull();
      // The hole's west edge belongs to the donut (west of it), the island's west edge to the hole.
      expect(index.locate(3, 5)).toBe('donut');
      expect(index.locate(4, 5)).toBeNull();
      expect(index.locate(6, 5)).toBe('island');
    }
  });

  it('returns indices and ids for many points at once', () => {
    const coords = new Float64Array([0.5, 0.5, 2.5, 2.5, 5, 5, 1, 1]);
    expect(Array.from(withGrid.locateIndices(coords))).toEqual([0, 8, -1, 3]);
    expect(withGrid.locateMany(coords)).toEqual(['r0c0', 'r2c2', null, 'r1c0']);
    expect(new AreaIndex([]).locateMany(coords)).toEqual([null, null, null, null]);
  });

  it('agrees with and without its grid on random points, including points on edges', () => {
    const next = random(7);
    const big = squareGrid(12, [-0.37, 0.11], 0.173);
    const a = new AreaIndex(big);
    const b = new AreaIndex(big, { gridCells: 0 });
    for (let i = 0; i < 20000; i++) {
      // Snap half the points to the lattice of shared edges.
      const snap = (value: number, origin: number): number =>
        next() < 0.5 ? origin + Math.round((value - origin) / 0.173) * 0.173 : value;
      const x = snap(-0.5 + next() * 2.4, -0.37);
      const y = snap(next() * 2.4, 0.11);
      expect(a.locateIndex(x, y)).toBe(b.locateIndex(x, y));
    }
  });
});

/** Segments and vertices that occur in two or more areas (identical coordinates). */
function sharedGeometry(areas: readonly IndexedArea[]): {
  edges: [Position, Position][];
  vertices: Position[];
} {
  const edgeOwners = new Map<string, { edge: [Position, Position]; owners: Set<number> }>();
  const vertexOwners = new Map<string, { vertex: Position; owners: Set<number> }>();
  areas.forEach((area, owner) => {
    for (const part of area.multipolygon) {
      for (const ringCoords of part) {
        for (let k = 0; k + 1 < ringCoords.length; k++) {
          const p = ringCoords[k] as Position;
          const q = ringCoords[k + 1] as Position;
          const key =
            p[0] < q[0] || (p[0] === q[0] && p[1] < q[1])
              ? `${p.join()}|${q.join()}`
              : `${q.join()}|${p.join()}`;
          const edge = edgeOwners.get(key) ?? {
            edge: [p, q] as [Position, Position],
            owners: new Set<number>(),
          };
          edge.owners.add(owner);
          edgeOwners.set(key, edge);
          const vertex = vertexOwners.get(p.join()) ?? { vertex: p, owners: new Set<number>() };
          vertex.owners.add(owner);
          vertexOwners.set(p.join(), vertex);
        }
      }
    }
  });
  return {
    edges: [...edgeOwners.values()].filter((entry) => entry.owners.size === 2).map((entry) => entry.edge),
    vertices: [...vertexOwners.values()]
      .filter((entry) => entry.owners.size >= 2)
      .map((entry) => entry.vertex),
  };
}

describe.each([
  ['Ghent neighbourhoods', loadGhentNeighbourhoods, [4.5, 50.5] as Position],
  ['Manchester wards (from EPSG:27700)', loadManchesterWards, [-1.5, 54.5] as Position],
])('AreaIndex on real boundaries: %s', (_name, load, farAway) => {
  const areas = load();
  const index = new AreaIndex(areas);
  const shared = sharedGeometry(areas);

  it('gives the midpoint of every edge shared by two areas to exactly one of them', () => {
    expect(shared.edges.length).toBeGreaterThan(100);
    for (const [p, q] of shared.edges) {
      expectExactlyOne(areas, index, (p[0] + q[0]) / 2, (p[1] + q[1]) / 2);
    }
  });

  it('gives every shared vertex to at most one area, and to exactly one when areas surround it', () => {
    expect(shared.vertices.length).toBeGreaterThan(100);
    const step = 1e-7;
    let surrounded = 0;
    for (const [x, y] of shared.vertices) {
      const owners = containingAreas(areas, x, y);
      expect(owners.length).toBeLessThanOrEqual(1);
      expect(index.locate(x, y)).toBe(owners[0] ?? null);
      const around = [
        [-step, -step],
        [0, -step],
        [step, -step],
        [-step, 0],
        [step, 0],
        [-step, step],
        [0, step],
        [step, step],
      ];
      if (around.every(([dx, dy]) => index.locate(x + (dx as number), y + (dy as number)) !== null)) {
        surrounded++;
        expect(owners, `vertex ${x}, ${y}`).toHaveLength(1);
      }
    }
    expect(surrounded).toBeGreaterThan(shared.vertices.length / 2);
  });

  it('agrees with a naive loop over all polygons on random points', () => {
    const next = random(42);
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const area of areas) {
      for (const [x, y] of area.multipolygon.flatMap((part) => part[0] ?? [])) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
    const count = 20000;
    const coords = new Float64Array(count * 2);
    for (let i = 0; i < count; i++) {
      coords[2 * i] = minX + (maxX - minX) * (next() * 1.1 - 0.05);
      coords[2 * i + 1] = minY + (maxY - minY) * (next() * 1.1 - 0.05);
    }
    const found = index.locateMany(coords);
    let inside = 0;
    for (let i = 0; i < count; i++) {
      const naive = containingAreas(areas, coords[2 * i] as number, coords[2 * i + 1] as number);
      expect(naive.length).toBeLessThanOrEqual(1);
      expect(found[i]).toBe(naive[0] ?? null);
      if (naive.length === 1) inside++;
    }
    expect(inside).toBeGreaterThan(count / 4);
  });

  it('returns null far outside', () => {
    expect(index.locate(farAway[0], farAway[1])).toBeNull();
    expect(index.locate(0, 0)).toBeNull();
  });
});
