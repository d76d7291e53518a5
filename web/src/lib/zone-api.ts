/**
 * Types and calls of the public zone API used by the resident pages
 * (areas, boundaries, neighbourhood officers, staffing, addresses).
 * The shapes follow the server's schemas (src/modules/*\/*.schema.ts).
 */
import type { PublicArea } from '../../../src/modules/areas/areas.schema.ts';
import { api } from './api.ts';
import { localized } from './i18n.svelte.ts';
import type { ZoneContact } from './app-state.svelte.ts';
import type { Language, LocalizedText } from './i18n.svelte.ts';

// The area's shape is the server's schema itself: one definition for both sides.
export type { PublicArea };
export type AreaKind = PublicArea['kind'];

export interface AreaFeature {
  type: 'Feature';
  id: string;
  properties: {
    id: string;
    code: string;
    kind: AreaKind;
    parentId: string | null;
    name: LocalizedText;
    labelPoint: number[];
  };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface AreaBoundaries {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

export interface PublicOfficer {
  id: string;
  name: string;
  title: LocalizedText;
  phone: string | null;
  email: string | null;
  photoUrl: string | null;
}

export type Availability = 'available' | 'deputy' | 'nobody';

export interface NeighbourhoodOfficer {
  area: PublicArea;
  availability: Availability;
  officer: PublicOfficer | null;
  usualOfficerName: string | null;
  zoneName: string;
  zoneContact: ZoneContact;
}

/** What the lookup page shows: an answer, or the note that the place lies outside the zone. */
export type LookupResult = { kind: 'answer'; answer: NeighbourhoodOfficer } | { kind: 'outside' };

export interface StaffingArea {
  areaId: string;
  name: LocalizedText;
  population: number | null;
  officerId: string | null;
  officerName: string | null;
  hasDeputy: boolean;
}

export interface Staffing {
  population: number;
  neighbourhoods: number;
  neighbourhoodsWithoutOfficer: number;
  inspectors: number;
  inhabitantsPerInspectorNorm: number;
  inspectorsNeeded: number;
  coverage: number | null;
  inhabitantsPerInspector: number | null;
  areas: StaffingArea[];
}

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

const base = (zone: string) => `/api/zones/${encodeURIComponent(zone)}`;

export const zoneApi = {
  areas: (zone: string) => api.get<PublicArea[]>(`${base(zone)}/areas`),
  boundaries: (zone: string, kind?: AreaKind) =>
    api.get<AreaBoundaries>(`${base(zone)}/areas/boundaries${kind ? `?kind=${kind}` : ''}`),
  officerFor: (zone: string, query: OfficerQuery, signal?: AbortSignal) => {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    return api.get<NeighbourhoodOfficer>(
      `${base(zone)}/neighbourhood-officer?${search}`,
      signal ? { signal } : {},
    );
  },
  officers: (zone: string) => api.get<NeighbourhoodOfficer[]>(`${base(zone)}/neighbourhood-officers`),
  staffing: (zone: string) => api.get<Staffing>(`${base(zone)}/staffing`),
  addresses: (zone: string, q: string, signal?: AbortSignal) =>
    api.get<{ available: boolean; items: AddressHit[] }>(
      `${base(zone)}/addresses?${new URLSearchParams({ q, limit: '8' })}`,
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
