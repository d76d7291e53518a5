/**
 * Loads the real boundary files of ../shared/data/ (next to the project) for tests and
 * benchmarks, normalised to WGS84 multipolygons.
 *
 * Why: the geo tests and the point-in-area benchmark check the code against real boundaries
 * (shared edges, thousands of vertices, a national grid). Not used by the application itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IndexedArea } from './area-index.ts';
import { createProjection } from './projections.ts';
import { type BoundaryFile, readBoundaryFile } from './read-boundary-file.ts';
import { normalizeFeatureGeometry } from './repair-polygon.ts';

/** The folder ../shared/data relative to the project root. */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

export function readSharedText(fileName: string): string {
  return readFileSync(SHARED_DATA_DIR + fileName, 'utf8');
}

export function readSharedBoundaryFile(fileName: string, topojsonObject?: string): BoundaryFile {
  return readBoundaryFile(readSharedText(fileName), topojsonObject ? { topojsonObject } : {});
}

/** Every feature normalised (throws if one is refused); id = the given property. */
export function loadSharedAreas(
  fileName: string,
  idProperty: string,
  topojsonObject?: string,
): IndexedArea[] {
  const file = readSharedBoundaryFile(fileName, topojsonObject);
  const toWgs84 = file.crs === 'EPSG:4326' ? undefined : createProjection(file.crs).toWgs84;
  return file.features.map((feature) => {
    const outcome = normalizeFeatureGeometry(feature.geometry, toWgs84);
    if (!outcome.ok)
      throw new Error(`${fileName} feature ${feature.index}: ${outcome.reason} ${outcome.detail ?? ''}`);
    return { id: String(feature.properties[idProperty]), multipolygon: outcome.multipolygon };
  });
}

/** Ghent's 25 neighbourhoods (id = name). */
export const loadGhentNeighbourhoods = (): IndexedArea[] => loadSharedAreas('gent-wijken.geojson', 'name');

/** Manchester's 32 wards, converted from British National Grid (id = ward code). */
export const loadManchesterWards = (): IndexedArea[] => loadSharedAreas('manchester-wards.geojson', 'wd22cd');
