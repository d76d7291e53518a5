/**
 * One spatial index per zone, built from its neighbourhoods and kept in
 * memory. Lookups check a cheap fingerprint of the zone's areas at most every
 * few seconds, so an import in another process is picked up without a
 * restart; an import in this process drops the index at once.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { AreaIndex } from '../../platform/geo/area-index.ts';
import type { MultiPolygonCoords } from '../../platform/geo/types.ts';
import { areasVersion } from './areas.repository.ts';

const RECHECK_MS = 5_000;

interface CachedIndex {
  version: string;
  checkedAt: number;
  index: AreaIndex;
  /** Number of areas indexed. */
  size: number;
}

const cache = new Map<string, CachedIndex>();
const building = new Map<string, Promise<CachedIndex>>();

export function forgetAreaIndex(zoneId: string): void {
  cache.delete(zoneId);
}

async function build(context: AppContext, zoneId: string, version: string): Promise<CachedIndex> {
  const rows = await context.db
    .selectFrom('areas')
    .select(['id', 'kind', 'boundary'])
    .where('zone_id', '=', zoneId)
    .execute();
  // Locate in the finest level present: neighbourhoods (or sectors) when there are any.
  const finest = rows.some((r) => r.kind === 'sector')
    ? 'sector'
    : rows.some((r) => r.kind === 'neighbourhood')
      ? 'neighbourhood'
      : 'district';
  const areas = rows
    .filter((r) => r.kind === finest)
    .map((r) => ({ id: r.id, multipolygon: r.boundary.coordinates as MultiPolygonCoords }));
  return { version, checkedAt: Date.now(), index: new AreaIndex(areas), size: areas.length };
}

export async function getAreaIndex(context: AppContext, zoneId: string): Promise<AreaIndex> {
  const cached = cache.get(zoneId);
  if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached.index;
  const version = await areasVersion(context.db, zoneId);
  if (cached && cached.version === version) {
    cached.checkedAt = Date.now();
    return cached.index;
  }
  let pending = building.get(zoneId);
  if (!pending) {
    pending = build(context, zoneId, version).finally(() => building.delete(zoneId));
    building.set(zoneId, pending);
  }
  const fresh = await pending;
  cache.set(zoneId, fresh);
  return fresh.index;
}
