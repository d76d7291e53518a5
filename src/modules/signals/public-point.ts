/**
 * Anonymises a location before publication (DESIGN.md, "Privacy" rule 2).
 * The public point is the centre of a square cell of a grid in the zone's
 * metric projection whose catchment holds at least k households. Cells start
 * at 50 m and double (50, 100, 200 … 3,200 m, each grid aligned on the one
 * below) until they hold k:
 *  - with an address list that covers the neighbourhood (at least half as
 *    many addresses as the neighbourhood has households), households are the
 *    addresses counted in the cell;
 *  - otherwise they are estimated from the neighbourhood's households (or
 *    its population / 2.1) spread evenly over its area. A partial list (a
 *    few landmarks, say) would make every cell look empty.
 * When even the largest cell holds fewer than k (or nothing is known), the
 * neighbourhood's own representative point is published instead (cellM 0).
 * Every signal in the same cell gets the same point, so averaging many
 * reports cannot recover an address.
 */
import type { Kysely } from 'kysely';
import type { Area, Database, Zone } from '../../platform/database/tables.ts';
import { representativePoint } from '../../platform/geo/measure.ts';
import { createProjection } from '../../platform/geo/projections.ts';
import type { MultiPolygonCoords } from '../../platform/geo/types.ts';

export const CELL_SIZES_M = [50, 100, 200, 400, 800, 1600, 3200] as const;
const PEOPLE_PER_HOUSEHOLD = 2.1;

export interface PublicPoint {
  lon: number;
  lat: number;
  /** Cell side in metres; 0 when the neighbourhood's point was used. */
  cellM: number;
}

export function householdDensity(
  area: Pick<Area, 'households' | 'population' | 'area_m2'> | null,
): number | null {
  if (!area || area.area_m2 <= 0) return null;
  const households =
    area.households ?? (area.population !== null ? area.population / PEOPLE_PER_HOUSEHOLD : null);
  return households === null ? null : households / area.area_m2;
}

export async function computePublicPoint(
  db: Kysely<Database>,
  zone: Pick<Zone, 'id' | 'projection'>,
  area: Area | null,
  lon: number,
  lat: number,
  k: number,
): Promise<PublicPoint> {
  const projection = createProjection(zone.projection);
  const [x, y] = projection.fromWgs84(lon, lat);
  const density = householdDensity(area);
  const hasAddresses =
    area !== null && density !== null && (await addressListCovers(db, zone.id, area, density));
  for (const size of CELL_SIZES_M) {
    const cellX = Math.floor(x / size) * size;
    const cellY = Math.floor(y / size) * size;
    let households: number | null = null;
    if (hasAddresses) {
      households = await countAddressesInCell(db, zone.id, projection, cellX, cellY, size);
    } else if (density !== null) {
      households = density * size * size;
    }
    if (households !== null && households >= k) {
      const [centreLon, centreLat] = projection.toWgs84(cellX + size / 2, cellY + size / 2);
      return { lon: round(centreLon), lat: round(centreLat), cellM: size };
    }
  }
  if (area) {
    const [pointLon, pointLat] = representativePoint(area.boundary.coordinates as MultiPolygonCoords);
    return { lon: round(pointLon), lat: round(pointLat), cellM: 0 };
  }
  // Outside every neighbourhood and nothing known: publish the coarsest cell anyway.
  const size = CELL_SIZES_M[CELL_SIZES_M.length - 1] ?? 3200;
  const [centreLon, centreLat] = projection.toWgs84(
    Math.floor(x / size) * size + size / 2,
    Math.floor(y / size) * size + size / 2,
  );
  return { lon: round(centreLon), lat: round(centreLat), cellM: size };
}

/** Six decimals (~0.1 m) are plenty for a cell centre and keep output stable. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

async function countAddressesInCell(
  db: Kysely<Database>,
  zoneId: string,
  projection: ReturnType<typeof createProjection>,
  cellX: number,
  cellY: number,
  size: number,
): Promise<number> {
  const corners = [
    projection.toWgs84(cellX, cellY),
    projection.toWgs84(cellX + size, cellY),
    projection.toWgs84(cellX, cellY + size),
    projection.toWgs84(cellX + size, cellY + size),
  ];
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  const candidates = await db
    .selectFrom('addresses')
    .select(['lon', 'lat'])
    .where('zone_id', '=', zoneId)
    .where('lon', '>=', Math.min(...lons))
    .where('lon', '<=', Math.max(...lons))
    .where('lat', '>=', Math.min(...lats))
    .where('lat', '<=', Math.max(...lats))
    .execute();
  // The lon/lat box is a little larger than the cell: count exactly in metres.
  return candidates.filter((a) => {
    const [ax, ay] = projection.fromWgs84(a.lon, a.lat);
    return ax >= cellX && ax < cellX + size && ay >= cellY && ay < cellY + size;
  }).length;
}

/** Does the zone's address list cover this neighbourhood (≥ half its estimated households)? */
async function addressListCovers(
  db: Kysely<Database>,
  zoneId: string,
  area: Area,
  density: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('addresses')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('zone_id', '=', zoneId)
    .where('area_id', '=', area.id)
    .executeTakeFirst();
  return Number(row?.n ?? 0) >= 0.5 * density * area.area_m2;
}
