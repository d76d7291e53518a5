/**
 * While reporting: open signals of the same category near the chosen place,
 * so a resident can follow one instead of reporting it again. Built on the
 * public view only: public categories, moderated text, and distances measured
 * to the anonymised public point (rounded to 50 m), never the exact one.
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { publicSignalQuery, toPublicSignal } from './public-signal-query.ts';
import { signalSettings } from './signal-settings.ts';

const EARTH_RADIUS_M = 6_371_008.8;

export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export async function findNearbySignals(
  context: AppContext,
  zone: Zone,
  category: string,
  lon: number,
  lat: number,
) {
  const { duplicateRadiusM, duplicateWindowDays } = signalSettings(zone);
  // A public point lies at most half a cell's diagonal away: widen the search by the largest cell.
  const reach = duplicateRadiusM + 3200;
  const dLat = reach / 111_320;
  const dLon = reach / (111_320 * Math.cos((lat * Math.PI) / 180));
  const since = new Date(context.now().getTime() - duplicateWindowDays * 24 * 3600_000);
  const rows = await publicSignalQuery(context.db, zone.id)
    .where('categories.code', '=', category)
    .where('signal_statuses.type', '=', 'open')
    .where('signals.duplicate_of_id', 'is', null)
    .where('signals.created_at', '>=', since)
    .where('signals.public_lon', '>=', lon - dLon)
    .where('signals.public_lon', '<=', lon + dLon)
    .where('signals.public_lat', '>=', lat - dLat)
    .where('signals.public_lat', '<=', lat + dLat)
    .orderBy('signals.created_at', 'desc')
    .limit(200)
    .execute();
  return rows
    .map((row) => ({ row, distance: haversineMetres(lon, lat, row.public_lon, row.public_lat) }))
    .filter((entry) => entry.distance <= duplicateRadiusM)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 10)
    .map(({ row, distance }) => ({
      ...toPublicSignal(row, zone.time_zone),
      distanceM: Math.round(distance / 50) * 50,
    }));
}
