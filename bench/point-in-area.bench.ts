/**
 * Benchmark: point-in-area for 1,000,000 points over real neighbourhoods.
 * Target (DESIGN.md, "Measured targets"): ≥ 20× a naive loop over polygons.
 *
 * Run: npx tsx bench/point-in-area.bench.ts
 *
 * For Ghent's 25 wijken and, separately, Manchester's 32 wards (converted from British National
 * Grid), 1,000,000 uniformly random points over the areas' bounding box are assigned with
 * AreaIndex.locateIndices, and with a naive loop: every polygon in turn, a plain even-odd
 * crossing test (PNPOLY) over all of its edges, first match wins, no bounding-box shortcut.
 * The naive loop is too slow to run on all points: it runs on the first 100,000 points and its
 * time is scaled ×10 (the output says so). Both must give identical answers on that sample.
 * Exit code 0 whatever the result; the verdict is printed.
 */
import { AreaIndex, type IndexedArea } from '../src/platform/geo/area-index.ts';
import { boundingBox } from '../src/platform/geo/measure.ts';
import { loadGhentNeighbourhoods, loadManchesterWards } from '../src/platform/geo/shared-test-data.ts';
import { bestTimeMs, formatRate, seededRandom } from './bench-utils.ts';

const POINTS = 1_000_000;
const NAIVE_SAMPLE = 100_000;
const TARGET_RATIO = 20;

/** Each area as flat rings [x0, y0, x1, y1, …] per part: the naive loop's input. */
type NaiveArea = { parts: Float64Array[][] };

function toNaive(areas: readonly IndexedArea[]): NaiveArea[] {
  return areas.map((area) => ({
    parts: area.multipolygon.map((part) => part.map((ring) => Float64Array.from(ring.flat()))),
  }));
}

/** PNPOLY over every edge of every polygon, in order; the index of the first area that contains the point. */
function naiveLocate(areas: readonly NaiveArea[], px: number, py: number): number {
  for (let a = 0; a < areas.length; a++) {
    for (const part of (areas[a] as NaiveArea).parts) {
      let inside = false;
      for (const ring of part) {
        const n = ring.length >> 1;
        for (let i = 0, j = n - 1; i < n; j = i++) {
          const xi = ring[2 * i] as number;
          const yi = ring[2 * i + 1] as number;
          const xj = ring[2 * j] as number;
          const yj = ring[2 * j + 1] as number;
          if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
      if (inside) return a;
    }
  }
  return -1;
}

function runCase(name: string, areas: IndexedArea[]): boolean {
  const edges = areas.reduce(
    (sum, area) => sum + area.multipolygon.flat().reduce((s, ring) => s + ring.length - 1, 0),
    0,
  );
  console.log(`\n## ${name}: ${areas.length} areas, ${edges} edges`);

  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const area of areas) {
    const [x0, y0, x1, y1] = boundingBox(area.multipolygon);
    [minX, minY, maxX, maxY] = [
      Math.min(minX, x0),
      Math.min(minY, y0),
      Math.max(maxX, x1),
      Math.max(maxY, y1),
    ];
  }
  const random = seededRandom(20240601);
  const coords = new Float64Array(POINTS * 2);
  for (let i = 0; i < POINTS; i++) {
    coords[2 * i] = minX + (maxX - minX) * random();
    coords[2 * i + 1] = minY + (maxY - minY) * random();
  }

  const buildStart = process.hrtime.bigint();
  const index = new AreaIndex(areas);
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const result = new Int32Array(POINTS);
  const indexMs = bestTimeMs(() => index.locateIndices(coords, result));
  const indexRate = POINTS / (indexMs / 1000);

  // The same index without its grid (R-tree + edge bands only), for information.
  const treeOnly = new AreaIndex(areas, { gridCells: 0 });
  const treeMs = bestTimeMs(() => treeOnly.locateIndices(coords, result));

  const naive = toNaive(areas);
  const sample = coords.subarray(0, NAIVE_SAMPLE * 2);
  const naiveResult = new Int32Array(NAIVE_SAMPLE);
  const naiveSampleMs = bestTimeMs(() => {
    for (let i = 0; i < NAIVE_SAMPLE; i++) {
      naiveResult[i] = naiveLocate(naive, sample[2 * i] as number, sample[2 * i + 1] as number);
    }
  }, 1);
  const naiveScaledMs = naiveSampleMs * (POINTS / NAIVE_SAMPLE);
  const naiveRate = NAIVE_SAMPLE / (naiveSampleMs / 1000);

  const indexed = index.locateIndices(sample);
  let disagreements = 0;
  let inside = 0;
  for (let i = 0; i < NAIVE_SAMPLE; i++) {
    if (indexed[i] !== naiveResult[i]) disagreements++;
    if ((indexed[i] as number) >= 0) inside++;
  }

  const ratio = naiveScaledMs / indexMs;
  const met = ratio >= TARGET_RATIO && disagreements === 0;
  console.log(
    `index build:              ${buildMs.toFixed(1)} ms (grid answers ${(index.gridCoverage() * 100).toFixed(1)} % of cells)`,
  );
  console.log(
    `AreaIndex.locateIndices:  ${indexMs.toFixed(1)} ms for ${POINTS.toLocaleString('en')} points = ${formatRate(indexRate)} points/s (best of 3)`,
  );
  console.log(
    `  (without the grid:      ${treeMs.toFixed(1)} ms = ${formatRate(POINTS / (treeMs / 1000))} points/s)`,
  );
  console.log(
    `naive loop over polygons: ${naiveSampleMs.toFixed(1)} ms for a sample of ${NAIVE_SAMPLE.toLocaleString('en')} points ` +
      `= ${formatRate(naiveRate)} points/s; scaled ×${POINTS / NAIVE_SAMPLE} to ${naiveScaledMs.toFixed(0)} ms for ${POINTS.toLocaleString('en')}`,
  );
  console.log(`points inside an area (sample): ${((inside / NAIVE_SAMPLE) * 100).toFixed(1)} %`);
  console.log(`disagreements with the naive loop on the sample: ${disagreements}`);
  console.log(`speed-up: ${ratio.toFixed(1)}× — target ≥ ${TARGET_RATIO}×: ${met ? 'MET' : 'NOT MET'}`);
  return met;
}

console.log('# Point-in-area benchmark (target: ≥ 20× a naive loop over polygons)');
const ghent = runCase("Ghent's neighbourhoods (gent-wijken.geojson)", loadGhentNeighbourhoods());
const manchester = runCase(
  "Manchester's wards (manchester-wards.geojson, EPSG:27700 → WGS84)",
  loadManchesterWards(),
);
console.log(
  `\nResult: ${ghent && manchester ? 'target met for both' : 'TARGET NOT MET for at least one case'}`,
);
