/**
 * Reads an uploaded boundary file (GeoJSON or TopoJSON) into raw features and its CRS.
 *
 * Why: administrators import areas from whatever their city or statistics office publishes.
 * This step only recognises the container and the coordinate system; each feature's geometry
 * is left "as found" so that repair-polygon.ts can judge it and the import screen can show,
 * per feature, what was repaired or refused. Problems with the file as a whole throw a
 * BoundaryFileError with a stable code and parameters for a translated message.
 */
import { feature as topojsonFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { findJsonSyntaxError } from './json-error-position.ts';
import { isSupportedCrs, parseCrsName, supportedCrs } from './projections.ts';

export type RawFeature = {
  /** Position of the feature in the file (0-based), for messages. */
  index: number;
  properties: Record<string, unknown>;
  /** The geometry as found in the file: not validated. */
  geometry: unknown;
};

export type BoundaryFile = {
  format: 'geojson' | 'topojson';
  /** Normalised CRS code ('EPSG:27700'); 'EPSG:4326' when the file declares none. */
  crs: string;
  features: RawFeature[];
  /** TopoJSON only: the names of all objects in the topology. */
  objectNames?: string[];
};

export type BoundaryFileErrorCode = 'unreadable' | 'unknown_crs' | 'empty';

export type BoundaryFileErrorParams = {
  /** unreadable: what is wrong, in English (for logs; the code is what screens translate). */
  reason?: string;
  /** unknown_crs: the CRS as written in the file, and the codes we do support. */
  crs?: string;
  supported?: string[];
  /** unreadable (unknown TopoJSON object): the requested and the available object names. */
  object?: string;
  available?: string[];
};

export class BoundaryFileError extends Error {
  readonly code: BoundaryFileErrorCode;
  readonly params: BoundaryFileErrorParams;
  constructor(code: BoundaryFileErrorCode, params: BoundaryFileErrorParams) {
    super(`${code}: ${params.reason ?? params.crs ?? ''}`.trim());
    this.name = 'BoundaryFileError';
    this.code = code;
    this.params = params;
  }
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/**
 * Parses the file text. `topojsonObject` picks the object of a topology with several (by
 * default the first one; all names are returned in `objectNames`).
 */
export function readBoundaryFile(text: string, options: { topojsonObject?: string } = {}): BoundaryFile {
  const root = parseJson(text);
  if (!isObject(root)) throw unreadable('the file is JSON but not an object');
  const crs = readCrs(root.crs);
  const type = root.type;

  if (type === 'Topology') return readTopology(root, crs, options.topojsonObject);

  let features: RawFeature[];
  if (type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) throw unreadable('FeatureCollection without a "features" array');
    features = root.features.map((entry: unknown, index) => toRawFeature(entry, index));
  } else if (type === 'Feature') {
    features = [toRawFeature(root, 0)];
  } else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    features = [{ index: 0, properties: {}, geometry: root }];
  } else {
    throw unreadable(`not GeoJSON or TopoJSON (type is ${JSON.stringify(type) ?? 'missing'})`);
  }
  if (features.length === 0)
    throw new BoundaryFileError('empty', { reason: 'the file contains no features' });
  return { format: 'geojson', crs, features };
}

function parseJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw unreadable('the file is empty');
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const located = findJsonSyntaxError(body);
    const reason = located
      ? `not valid JSON: ${located.message} at line ${located.line}, column ${located.column}`
      : `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    throw unreadable(reason);
  }
}

/** The legacy GeoJSON 2008 `crs` member: {type:'name', properties:{name}} or {type:'EPSG', …}. */
function readCrs(member: unknown): string {
  if (member === undefined || member === null) return 'EPSG:4326';
  if (!isObject(member) || !isObject(member.properties)) {
    throw new BoundaryFileError('unknown_crs', { crs: JSON.stringify(member), supported: supportedCrs() });
  }
  const { name, code } = member.properties;
  let written: string;
  if (member.type === 'name' && typeof name === 'string') written = name;
  else if (member.type === 'EPSG' && (typeof code === 'number' || typeof code === 'string'))
    written = `EPSG:${code}`;
  else throw new BoundaryFileError('unknown_crs', { crs: JSON.stringify(member), supported: supportedCrs() });
  const normalised = parseCrsName(written);
  if (normalised === null || !isSupportedCrs(normalised)) {
    throw new BoundaryFileError('unknown_crs', { crs: written, supported: supportedCrs() });
  }
  return normalised;
}

function readTopology(
  root: Record<string, unknown>,
  crs: string,
  requested: string | undefined,
): BoundaryFile {
  const objects = root.objects;
  if (!isObject(objects) || !Array.isArray(root.arcs)) {
    throw unreadable('Topology without "objects" or "arcs"');
  }
  const objectNames = Object.keys(objects);
  if (objectNames.length === 0)
    throw new BoundaryFileError('empty', { reason: 'the topology has no objects' });
  const name = requested ?? (objectNames[0] as string);
  if (!Object.hasOwn(objects, name)) {
    throw new BoundaryFileError('unreadable', {
      reason: `the topology has no object named ${JSON.stringify(name)}`,
      object: name,
      available: objectNames,
    });
  }
  let converted: unknown;
  try {
    converted = topojsonFeature(root as unknown as Topology, name);
  } catch (error) {
    throw unreadable(
      `the topology cannot be decoded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const collection =
    isObject(converted) && Array.isArray(converted.features) ? converted.features : [converted];
  const features = collection.map((entry: unknown, index) => toRawFeature(entry, index));
  if (features.length === 0) {
    throw new BoundaryFileError('empty', { reason: `the object ${JSON.stringify(name)} has no features` });
  }
  return { format: 'topojson', crs, features, objectNames };
}

function toRawFeature(entry: unknown, index: number): RawFeature {
  if (!isObject(entry)) return { index, properties: {}, geometry: undefined };
  const properties = isObject(entry.properties) ? entry.properties : {};
  // A bare geometry inside a FeatureCollection is tolerated as a feature without properties.
  const geometry =
    entry.type === 'Feature' ? entry.geometry : GEOMETRY_TYPES.has(String(entry.type)) ? entry : undefined;
  return { index, properties, geometry };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unreadable(reason: string): BoundaryFileError {
  return new BoundaryFileError('unreadable', { reason });
}
