/** Which neighbourhood of the zone holds this point (exactly one, or none)? */
import type { AppContext } from '../../platform/app-context.ts';
import type { Area, Zone } from '../../platform/database/tables.ts';
import { getAreaIndex } from './area-index-cache.ts';
import { findAreaInZone } from './areas.repository.ts';

export async function locateAreaId(
  context: AppContext,
  zone: Zone,
  lon: number,
  lat: number,
): Promise<string | null> {
  const index = await getAreaIndex(context, zone.id);
  return index.locate(lon, lat);
}

export async function locateArea(
  context: AppContext,
  zone: Zone,
  lon: number,
  lat: number,
): Promise<Area | null> {
  const id = await locateAreaId(context, zone, lon, lat);
  return id === null ? null : ((await findAreaInZone(context.db, zone.id, id)) ?? null);
}
