/**
 * Turns whatever geometry an imported boundary file holds into a clean WGS84 multipolygon,
 * or says precisely why it cannot.
 *
 * Why: areas come from files made by many tools (GIS exports, hand edits, TopoJSON at 25 m
 * precision) and contain unclosed rings, wrong winding, repeated points, bow-ties and slivers.
 * We repair what has one obvious repair and report it (stable warning codes the import screen
 * translates), and refuse what has none (stable refusal codes), so the stored boundaries are
 * always valid RFC 7946 polygons: exterior rings counter-clockwise, holes clockwise, closed,
 * without consecutive duplicate points.
 *
 * Choices:
 * - A GeometryCollection is accepted when all its members are (Multi)Polygons: they are
 *   flattened into one multipolygon (warning `geometry_collection_flattened`); any other member
 *   type refuses the feature with `not_a_polygon`.
 * - Self-intersections (crossing or touching edges, spikes, a hole crossing its exterior) are
 *   found per polygon part with an R-tree over its edges and repaired by the union of the part
 *   with itself (polygon-clipping), which splits a bow-tie into its valid pieces.
 * - Overlaps between different parts of one multipolygon are not searched for.
 */
import polygonClipping from 'polygon-clipping';
import { ringSignedArea } from './measure.ts';
import { pointInRings } from './point-in-polygon.ts';
import { findRingIntersection } from './self-intersection.ts';
import type { GeoJsonMultiPolygon, MultiPolygonCoords, PolygonCoords, Position } from './types.ts';

export type RepairWarningCode =
  | 'ring_closed'
  | 'ring_reoriented'
  | 'duplicate_points_removed'
  | 'self_intersection_repaired'
  | 'degenerate_ring_dropped'
  | 'holes_outside_dropped'
  | 'geometry_collection_flattened';

/** One kind of repair applied to a feature; `count` says how many rings/parts/points. */
export type RepairWarning = { code: RepairWarningCode; count: number; detail?: string };

export type RefusalReason =
  | 'missing_geometry'
  | 'not_a_polygon'
  | 'invalid_coordinates'
  | 'outside_wgs84_range'
  | 'too_few_points'
  | 'zero_area';

export type GeometryOutcome =
  | { ok: true; multipolygon: MultiPolygonCoords; warnings: RepairWarning[] }
  | { ok: false; reason: RefusalReason; detail?: string };

type Refusal = { ok: false; reason: RefusalReason; detail?: string };

/** Coordinates (x, y) in the file's CRS → [longitude, latitude] WGS84. */
export type ToWgs84 = (x: number, y: number) => Position;

/**
 * Validates, converts to WGS84 (with `projection` when the file is not in WGS84) and repairs
 * one feature's geometry. See the file header for what is repaired and what is refused.
 */
export function normalizeFeatureGeometry(geometry: unknown, projection?: ToWgs84): GeometryOutcome {
  const warnings = new WarningCollector();
  const extracted = extractPolygonCoordinates(geometry, warnings);
  if (!Array.isArray(extracted)) return extracted;

  const parts: PolygonCoords[] = [];
  for (let p = 0; p < extracted.length; p++) {
    const parsed = parsePolygon(extracted[p], extracted.length > 1 ? `polygon ${p}` : 'polygon', projection);
    if (!Array.isArray(parsed)) return parsed;
    parts.push(parsed);
  }

  const cleaned: PolygonCoords[] = [];
  let sawEnoughPoints = false;
  for (const part of parts) {
    const result = cleanPart(part, warnings);
    if (result.enoughPoints) sawEnoughPoints = true;
    cleaned.push(...result.parts);
  }
  if (cleaned.length === 0) {
    return sawEnoughPoints
      ? { ok: false, reason: 'zero_area', detail: 'every ring encloses (almost) no area' }
      : { ok: false, reason: 'too_few_points', detail: 'no ring has 3 distinct points' };
  }
  return { ok: true, multipolygon: cleaned, warnings: warnings.list() };
}

/** The GeoJSON object to store for a normalised multipolygon. */
export function toGeoJsonMultiPolygon(multi: MultiPolygonCoords): GeoJsonMultiPolygon {
  return { type: 'MultiPolygon', coordinates: multi };
}

class WarningCollector {
  private readonly byCode = new Map<RepairWarningCode, RepairWarning>();
  add(code: RepairWarningCode, count = 1, detail?: string): void {
    const existing = this.byCode.get(code);
    if (existing) {
      existing.count += count;
      return;
    }
    this.byCode.set(code, detail === undefined ? { code, count } : { code, count, detail });
  }
  list(): RepairWarning[] {
    return [...this.byCode.values()];
  }
}

const NON_POLYGON_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString']);

/** The raw coordinates of every polygon in the geometry, or a refusal. */
function extractPolygonCoordinates(geometry: unknown, warnings: WarningCollector): unknown[] | Refusal {
  if (geometry === null || geometry === undefined) return { ok: false, reason: 'missing_geometry' };
  if (typeof geometry !== 'object' || Array.isArray(geometry)) {
    return { ok: false, reason: 'not_a_polygon', detail: 'the geometry is not a GeoJSON object' };
  }
  const { type, coordinates, geometries } = geometry as Record<string, unknown>;
  if (type === 'Polygon') return [coordinates];
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates)) return invalid('MultiPolygon coordinates are not an array');
    if (coordinates.length === 0)
      return { ok: false, reason: 'too_few_points', detail: 'empty MultiPolygon' };
    return coordinates;
  }
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometries) || geometries.length === 0) {
      return { ok: false, reason: 'missing_geometry', detail: 'empty GeometryCollection' };
    }
    const all: unknown[] = [];
    for (const member of geometries) {
      const memberType = (member as { type?: unknown } | null)?.type;
      if (memberType !== 'Polygon' && memberType !== 'MultiPolygon' && memberType !== 'GeometryCollection') {
        return {
          ok: false,
          reason: 'not_a_polygon',
          detail: `GeometryCollection containing ${String(memberType)}`,
        };
      }
      const inner = extractPolygonCoordinates(member, warnings);
      if (!Array.isArray(inner)) return inner;
      all.push(...inner);
    }
    warnings.add('geometry_collection_flattened', geometries.length);
    return all;
  }
  if (typeof type === 'string' && NON_POLYGON_TYPES.has(type)) {
    return { ok: false, reason: 'not_a_polygon', detail: type };
  }
  return {
    ok: false,
    reason: 'not_a_polygon',
    detail: `unknown geometry type ${JSON.stringify(type) ?? 'undefined'}`,
  };
}

function invalid(detail: string): Refusal {
  return { ok: false, reason: 'invalid_coordinates', detail };
}

/** Checks nesting and numbers, converts to WGS84 and checks the WGS84 range. */
function parsePolygon(raw: unknown, label: string, projection: ToWgs84 | undefined): PolygonCoords | Refusal {
  if (!Array.isArray(raw)) return invalid(`${label}: coordinates are not an array of rings`);
  if (raw.length === 0) return { ok: false, reason: 'too_few_points', detail: `${label}: no rings` };
  const rings: PolygonCoords = [];
  for (let r = 0; r < raw.length; r++) {
    const rawRing: unknown = raw[r];
    if (!Array.isArray(rawRing)) return invalid(`${label}, ring ${r}: not an array of positions`);
    const ring: Position[] = [];
    for (let i = 0; i < rawRing.length; i++) {
      const position: unknown = rawRing[i];
      const where = `${label}, ring ${r}, position ${i}`;
      if (!Array.isArray(position) || position.length < 2) return invalid(`${where}: not an [x, y] pair`);
      const [x, y] = position as unknown[];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        return invalid(`${where}: ${JSON.stringify(position)} is not a pair of finite numbers`);
      }
      let lonLat: Position = [x, y];
      if (projection) {
        try {
          lonLat = projection(x, y);
        } catch {
          return {
            ok: false,
            reason: 'outside_wgs84_range',
            detail: `${where}: [${x}, ${y}] cannot be converted`,
          };
        }
      }
      const [lon, lat] = lonLat;
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        const hint = projection
          ? 'after conversion from the declared coordinate system'
          : 'the file is probably in a projected coordinate system (metres) that it does not declare';
        return {
          ok: false,
          reason: 'outside_wgs84_range',
          detail: `${where}: [${x}, ${y}] is outside longitude ±180 / latitude ±90 (${hint})`,
        };
      }
      ring.push(lonLat);
    }
    rings.push(ring);
  }
  return rings;
}

type CleanedRing = { ring: Position[]; degenerate: 'too_few_points' | 'zero_area' | null };

/**
 * Removes consecutive duplicates (and a missing closing point), and says whether the ring is
 * degenerate. Returns the ring OPEN (no closing point).
 */
function cleanRing(ring: Position[], warnings: WarningCollector | null): CleanedRing {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed = ring.length > 1 && first !== undefined && last !== undefined && samePoint(first, last);
  if (!closed && ring.length > 0) warnings?.add('ring_closed');
  const open: Position[] = [];
  let removed = 0;
  const end = closed ? ring.length - 1 : ring.length;
  for (let i = 0; i < end; i++) {
    const point = ring[i] as Position;
    const previous = open[open.length - 1];
    if (previous && samePoint(previous, point)) removed++;
    else open.push(point);
  }
  while (open.length > 1 && samePoint(open[0] as Position, open[open.length - 1] as Position)) {
    open.pop();
    removed++;
  }
  if (removed > 0) warnings?.add('duplicate_points_removed', removed);
  if (open.length < 3) return { ring: open, degenerate: 'too_few_points' };
  let perimeter = 0;
  for (let i = 0; i < open.length; i++) {
    const a = open[i] as Position;
    const b = open[(i + 1) % open.length] as Position;
    perimeter += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  // Relative threshold: a ring thinner than about 4·10⁻¹⁰ of its length is a line.
  const area = Math.abs(ringSignedArea([...open, open[0] as Position]));
  if (area <= 1e-10 * perimeter * perimeter) return { ring: open, degenerate: 'zero_area' };
  return { ring: open, degenerate: null };
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Closes an open ring and orients it: counter-clockwise when `exterior`, else clockwise. */
function closeAndOrient(open: Position[], exterior: boolean): { ring: Position[]; reoriented: boolean } {
  const ring = [...open, [...(open[0] as Position)] as Position];
  const counterClockwise = ringSignedArea(ring) > 0;
  if (counterClockwise === exterior) return { ring, reoriented: false };
  return { ring: ring.reverse(), reoriented: true };
}

/**
 * Cleans one polygon part: ring clean-up, degenerate rings, winding, self-intersections and
 * holes outside the exterior. May return zero parts (all degenerate) or several (a repair).
 * An exterior of (almost) zero signed area is only degenerate when the union finds no area in
 * it: a symmetric bow-tie has zero signed area but two valid halves. Holes of (almost) zero
 * area are dropped before the intersection check.
 */
function cleanPart(
  part: PolygonCoords,
  warnings: WarningCollector,
): { parts: PolygonCoords[]; enoughPoints: boolean } {
  const exterior = cleanRing(part[0] ?? [], warnings);
  if (exterior.degenerate === 'too_few_points') {
    warnings.add('degenerate_ring_dropped');
    return { parts: [], enoughPoints: false };
  }
  const holes: CleanedRing[] = [];
  for (const hole of part.slice(1)) {
    const cleanedHole = cleanRing(hole, warnings);
    if (cleanedHole.degenerate) warnings.add('degenerate_ring_dropped');
    else holes.push(cleanedHole);
  }

  const closedRings = [exterior, ...holes].map((cleaned) => [...cleaned.ring, cleaned.ring[0] as Position]);
  const intersection = findRingIntersection(closedRings);
  if (intersection) {
    const repaired = repairByUnion(closedRings);
    if (repaired.length === 0) {
      // Nothing but lines folded onto themselves: no area at all.
      warnings.add('degenerate_ring_dropped');
      return { parts: [], enoughPoints: true };
    }
    warnings.add(
      'self_intersection_repaired',
      1,
      `${intersection.kind} near [${intersection.near[0]}, ${intersection.near[1]}]`,
    );
    return { parts: repaired, enoughPoints: true };
  }

  if (exterior.degenerate === 'zero_area') {
    warnings.add('degenerate_ring_dropped');
    return { parts: [], enoughPoints: true };
  }
  let reoriented = 0;
  const outer = closeAndOrient(exterior.ring, true);
  if (outer.reoriented) reoriented++;
  const kept: Position[][] = [outer.ring];
  let holesOutside = 0;
  for (const hole of holes) {
    const oriented = closeAndOrient(hole.ring, false);
    if (oriented.reoriented) reoriented++;
    // No ring touches another (checked above), so one vertex tells in or out.
    const probe = hole.ring[0] as Position;
    if (pointInRings([outer.ring], probe[0], probe[1])) kept.push(oriented.ring);
    else holesOutside++;
  }
  if (reoriented > 0) warnings.add('ring_reoriented', reoriented);
  if (holesOutside > 0) warnings.add('holes_outside_dropped', holesOutside);
  return { parts: [kept], enoughPoints: true };
}

/** Union of the part with itself: valid pieces, cleaned and oriented again (silently). */
function repairByUnion(rings: Position[][]): PolygonCoords[] {
  const union = polygonClipping.union(rings);
  const result: PolygonCoords[] = [];
  for (const piece of union) {
    const exterior = cleanRing(piece[0] ?? [], null);
    if (exterior.degenerate) continue;
    const pieceRings: Position[][] = [closeAndOrient(exterior.ring, true).ring];
    for (const hole of piece.slice(1)) {
      const cleanedHole = cleanRing(hole, null);
      if (!cleanedHole.degenerate) pieceRings.push(closeAndOrient(cleanedHole.ring, false).ring);
    }
    result.push(pieceRings);
  }
  return result;
}
