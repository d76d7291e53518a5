/**
 * Types and calls of the public zone API used by the resident pages
 * (areas, boundaries, neighbourhood officers, staffing, addresses).
 * The shapes are the server's schemas (src/modules/*\/*.schema.ts).
 */
import type { Static } from 'typebox';
import type {
  AreaBoundaries as AreaBoundariesSchema,
  PublicArea,
} from '../../../src/modules/areas/areas.schema.ts';
import type {
  Availability as AvailabilitySchema,
  NeighbourhoodOfficer,
  PublicOfficer,
  Staffing as StaffingSchema,
} from '../../../src/modules/officers/officers.schema.ts';
import { api, query, zoneApiPath } from './api.ts';
import { localized } from './i18n.svelte.ts';
import type { Language } from './i18n.svelte.ts';

// The shapes are the server's schemas themselves: one definition for both sides.
export type { NeighbourhoodOfficer, PublicArea, PublicOfficer };
export type AreaKind = PublicArea['kind'];
export type AreaBoundaries = Static<typeof AreaBoundariesSchema>;
export type AreaFeature = AreaBoundaries['features'][number];
export type Availability = Static<typeof AvailabilitySchema>;
export type Staffing = Static<typeof StaffingSchema>;
export type StaffingArea = Staffing['areas'][number];

/** What the lookup page shows: an answer, or the note that the place lies outside the zone. */
export type LookupResult = { kind: 'answer'; answer: NeighbourhoodOfficer } | { kind: 'outside' };

export interface AddressHit {
  id: string;
  label: string;
  areaId: string | null;
}

/** A click on the map: the point, and the neighbourhood when the click fell on one. */
export interface MapPick {
  lon: number;
  lat: number;
  areaId: string | null;
}

export type OfficerQuery = { lon: number; lat: number } | { areaId: string } | { addressId: string };

export const zoneApi = {
  areas: (zone: string) => api.get<PublicArea[]>(zoneApiPath(zone, '/areas')),
  boundaries: (zone: string, kind?: AreaKind) =>
    api.get<AreaBoundaries>(zoneApiPath(zone, `/areas/boundaries${query({ kind })}`)),
  officerFor: (zone: string, query: OfficerQuery, signal?: AbortSignal) => {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    return api.get<NeighbourhoodOfficer>(
      zoneApiPath(zone, `/neighbourhood-officer?${search}`),
      signal ? { signal } : {},
    );
  },
  officers: (zone: string) => api.get<NeighbourhoodOfficer[]>(zoneApiPath(zone, '/neighbourhood-officers')),
  staffing: (zone: string) => api.get<Staffing>(zoneApiPath(zone, '/staffing')),
  addresses: (zone: string, q: string, signal?: AbortSignal) =>
    api.get<{ available: boolean; items: AddressHit[] }>(
      zoneApiPath(zone, `/addresses?${new URLSearchParams({ q, limit: '8' })}`),
      signal ? { signal } : {},
    ),
};

/** Neighbourhoods under their district. */
export interface DistrictGroup {
  district: PublicArea | null;
  neighbourhoods: PublicArea[];
}

/** Groups neighbourhoods by district, both sorted by name in the given language; loose ones come last. */
export function groupByDistrict(areas: PublicArea[], language: Language): DistrictGroup[] {
  const byName = (a: PublicArea, b: PublicArea) =>
    localized(a.name, a.code).localeCompare(localized(b.name, b.code), language);
  const districts = areas.filter((a) => a.kind === 'district').sort(byName);
  const neighbourhoods = areas.filter((a) => a.kind === 'neighbourhood').sort(byName);
  const known = new Set(districts.map((d) => d.id));
  const groups: DistrictGroup[] = districts
    .map((district) => ({
      district,
      neighbourhoods: neighbourhoods.filter((n) => n.parentId === district.id),
    }))
    .filter((g) => g.neighbourhoods.length > 0);
  const loose = neighbourhoods.filter((n) => n.parentId === null || !known.has(n.parentId));
  if (loose.length > 0) groups.push({ district: null, neighbourhoods: loose });
  return groups;
}
