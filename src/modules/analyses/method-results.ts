/**
 * The shapes of the methods' results, as saved in a snapshot and sent to the web and the CLI.
 * Types only (no imports), so the web app, the CLI's printer and the methods share one
 * definition instead of each writing its own.
 */

/** [[south, west], [north, east]] in WGS84 (Leaflet's order). */
export type LatLngBounds = [[number, number], [number, number]];

/** Fewer events than the method needs: nothing was computed. */
export interface EmptyResult {
  empty: true;
}

export interface DensityResult {
  radius: number;
  radiusSource: 'given' | 'default';
  cellSize: number;
  cellSizeSource: 'given' | 'default';
  units: 'per-square-kilometre' | 'per-square-metre';
  grid: {
    originX: number;
    originY: number;
    cellSize: number;
    cols: number;
    rows: number;
    crs: string | null;
  };
  /** PNG data URL of the surface, and where it lies; null without a map projection. */
  image: string | null;
  bounds: LatLngBounds | null;
  max: number;
  peaks: { x: number; y: number; lon: number | null; lat: number | null; density: number }[];
  points: number;
}

export interface GiCell {
  x: number;
  y: number;
  bounds: LatLngBounds | null;
  count: number;
  z: number;
  p: number;
  kind: 'hot' | 'cold';
}

export interface GiResult {
  /** The kernel density surface of the same incidents, drawn under the cells. */
  density: { image: string; bounds: LatLngBounds; radius: number; cellSize: number } | null;
  cellSize: number;
  cellSizeSource: 'given' | 'default';
  neighbourhood: 'queen' | 'rook' | 'distance';
  distance: number | null;
  features: number;
  mean: number;
  q: number;
  pThreshold: number;
  hot: number;
  cold: number;
  listed: number;
  cells: GiCell[];
}

export interface KnoxCell {
  observed: number;
  expected: number;
  ratio: number | null;
  p: number;
  significant: boolean;
}

export interface KnoxResult {
  spatialLabels: string[];
  temporalLabels: string[];
  table: { label: string; cells: KnoxCell[] }[];
  permutations: number;
  seed: number;
  distance: 'manhattan' | 'euclidean';
  singlePrecision: boolean;
  pairs: number;
  closePairs: number;
  significance: number;
  minimumP: number;
}

/** A place in the concentration's top list: an area (by name) or a location. */
export interface ConcentrationPlace {
  areaId?: string | null;
  name?: string | null;
  x?: number;
  y?: number;
  lon?: number | null;
  lat?: number | null;
  count: number;
}

export interface ConcentrationResult {
  unit: 'location' | 'area';
  tolerance: number | null;
  events: number;
  places: number;
  placesWithEvents: number;
  repeatPlaces: number;
  eventsAtRepeatPlaces: number;
  topShares: { percent: number; places: number; eventShare: number }[];
  gini: number;
  generalizedGini: number;
  lorenz: [number, number][];
  top: ConcentrationPlace[];
}

export interface HourOfWeekResult {
  timeZone: string;
  counts: number[];
  byWeekday: number[];
  byHour: number[];
  peak: { weekday: number; hour: number; count: number } | null;
}

export interface TrendPoint {
  label: string;
  count: number;
  expected: number | null;
  p: number | null;
  alert: boolean;
  partial: boolean;
  baseline: 'none' | 'seasonal' | 'recent';
  model: 'none' | 'poisson' | 'negative-binomial';
}

export interface TrendResult {
  interval: 'week' | 'month';
  alpha: number;
  minCount: number;
  points: TrendPoint[];
  alerts: number;
}
