/** The public view of an area: name, figures and extent (boundaries are public data). */
import type { AreaSummaryRow } from './areas.repository.ts';
import type { PublicArea } from './areas.schema.ts';

export function toPublicArea(row: AreaSummaryRow): PublicArea {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    parentId: row.parent_id,
    name: row.name,
    population: row.population,
    households: row.households,
    areaKm2: Math.round(row.area_m2 / 10_000) / 100,
    bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
    isDemo: row.is_demo,
  };
}
