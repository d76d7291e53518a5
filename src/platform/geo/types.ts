/**
 * Shared coordinate types for the geo platform code.
 *
 * Why: boundary import, polygon repair, measurement and the point-in-area index all pass
 * GeoJSON-shaped coordinate arrays between them; one definition keeps them in step.
 * Coordinates are [x, y] = [longitude, latitude] in WGS84 unless a function says otherwise
 * (projected coordinates are [easting, northing] in metres).
 */

/** [x, y]: [longitude, latitude] in WGS84, or [easting, northing] in a projected CRS. */
export type Position = [number, number];

/** Ring 0 is the exterior ring, the others are holes. Rings are closed (first = last). */
export type PolygonCoords = Position[][];

/** A list of polygons (parts); a single Polygon is a MultiPolygon with one part. */
export type MultiPolygonCoords = PolygonCoords[];

/** The GeoJSON geometry object that stores an area's boundary. */
export type GeoJsonMultiPolygon = { type: 'MultiPolygon'; coordinates: number[][][][] };

/** [minX, minY, maxX, maxY]. */
export type BoundingBox = [number, number, number, number];
