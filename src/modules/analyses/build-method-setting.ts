/**
 * The setting a method runs in, for a zone and the analyst's filters: the zone's time zone and
 * projection, the study areas (the chosen neighbourhoods, or all of them) with their names, and
 * a test of whether a point lies in them (so Gi* counts only cells of the study area).
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { createProjection } from '../../platform/geo/projections.ts';
import { getAreaIndex } from '../areas/area-index-cache.ts';
import type { AnalysisFilters } from './analyses.schema.ts';
import type { MethodSetting } from './analysis-method.ts';

export async function buildMethodSetting(
  context: AppContext,
  zone: Zone,
  filters: AnalysisFilters,
  studyAreaIds: readonly string[],
): Promise<MethodSetting> {
  const index = await getAreaIndex(context, zone.id);
  const indexed = new Set(index.ids);
  const chosen = new Set(studyAreaIds.length > 0 ? studyAreaIds.filter((id) => indexed.has(id)) : index.ids);
  const rows =
    chosen.size > 0
      ? await context.db
          .selectFrom('areas')
          .select(['id', 'name'])
          .where('id', 'in', [...chosen])
          .execute()
      : [];
  const language = zone.default_language;
  const areas = rows
    .map((row) => ({ id: row.id, name: row.name[language] ?? Object.values(row.name)[0] ?? row.id }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const projection = createProjection(zone.projection);
  return {
    timeZone: zone.time_zone,
    projection: zone.projection,
    areas,
    period: { from: filters.from, to: filters.to },
    inStudyArea: (x, y) => {
      const [lon, lat] = projection.toWgs84(x, y);
      const found = index.locate(lon, lat);
      return found !== null && chosen.has(found);
    },
  };
}
