/**
 * "Who is my neighbourhood officer?" for a point, an area or an address.
 * The usual officer when present; the deputy when the usual officer is absent
 * today (in the zone's time zone); otherwise nobody, and the answer says how
 * to reach the zone instead. Never reveals why or how long someone is away.
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Area, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { findAreaInZone } from '../areas/areas.repository.ts';
import { locateArea } from '../areas/locate-area.ts';
import { toPublicArea } from '../areas/to-public-area.ts';
import type { NeighbourhoodOfficer } from './officers.schema.ts';
import { loadAreaCoverage } from './area-coverage.ts';
import { toPublicOfficer } from './to-public-officer.ts';

export interface OfficerLookup {
  lon?: number | undefined;
  lat?: number | undefined;
  areaId?: string | undefined;
  addressId?: string | undefined;
}

async function resolveArea(context: AppContext, zone: Zone, lookup: OfficerLookup): Promise<Area> {
  if (lookup.areaId) {
    const area = await findAreaInZone(context.db, zone.id, lookup.areaId);
    if (!area) throw new AppError('area_not_found');
    return area;
  }
  if (lookup.addressId) {
    const address = await context.db
      .selectFrom('addresses')
      .select(['lon', 'lat'])
      .where('zone_id', '=', zone.id)
      .where('id', '=', lookup.addressId)
      .executeTakeFirst();
    if (!address) throw new AppError('not_found');
    return resolveArea(context, zone, { lon: address.lon, lat: address.lat });
  }
  if (lookup.lon === undefined || lookup.lat === undefined) {
    throw new AppError('validation_failed', {}, [
      { path: 'querystring', code: 'required', message: 'lon and lat, areaId or addressId' },
    ]);
  }
  const area = await locateArea(context, zone, lookup.lon, lookup.lat);
  if (!area) throw new AppError('point_outside_zone');
  return area;
}

/**
 * Loads the zone's assignments, officers and today's absences once, and answers
 * for any number of areas from memory (the list page asks for all of them).
 */
export async function loadOfficerResolver(
  context: AppContext,
  zone: Zone,
): Promise<(area: Area) => NeighbourhoodOfficer> {
  const coverageOf = await loadAreaCoverage(context.db, zone, context.now());
  return (area) => {
    const base = { area: toPublicArea(area), zoneName: zone.name, zoneContact: zone.contact };
    const coverage = coverageOf(area.id);
    if (!coverage.officer) return { ...base, availability: 'nobody', officer: null, usualOfficerName: null };
    return {
      ...base,
      availability: coverage.byDeputy ? 'deputy' : 'available',
      officer: toPublicOfficer(coverage.officer),
      usualOfficerName: coverage.byDeputy ? (coverage.usual?.name ?? null) : null,
    };
  };
}

export async function findNeighbourhoodOfficer(
  context: AppContext,
  zone: Zone,
  lookup: OfficerLookup,
): Promise<NeighbourhoodOfficer> {
  const area = await resolveArea(context, zone, lookup);
  return (await loadOfficerResolver(context, zone))(area);
}

/** The list-and-search alternative to the map: every neighbourhood with today's contact. */
export async function listNeighbourhoodOfficers(
  context: AppContext,
  zone: Zone,
): Promise<NeighbourhoodOfficer[]> {
  const areas = await context.db
    .selectFrom('areas')
    .selectAll()
    .where('zone_id', '=', zone.id)
    .where('kind', '=', 'neighbourhood')
    .execute();
  const resolve = await loadOfficerResolver(context, zone);
  const results = areas.map(resolve);
  const language = zone.default_language;
  return results.sort((a, b) =>
    (a.area.name[language] ?? a.area.code).localeCompare(b.area.name[language] ?? b.area.code, language),
  );
}
