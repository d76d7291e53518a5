/**
 * The incidents an analysis works on, as typed arrays: x and y in metres (the
 * zone's projection), the start of the time window (ms), and how precise the
 * time is. Filters: neighbourhoods (a district stands for its neighbourhoods),
 * crime types, and a period of local days [from, to].
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { localToInstant } from '../../platform/time/zone-time.ts';
import type { AnalysisFilters } from './analyses.schema.ts';
import { PRECISION, type MethodEvents } from './analysis-method.ts';

export interface AnalysisEvents extends MethodEvents {
  /** The chosen areas with the neighbourhoods of chosen districts; empty: the whole zone. */
  studyAreaIds: string[];
  periodFrom: Date;
  periodTo: Date;
}

function dateParts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

export async function loadAnalysisEvents(
  context: AppContext,
  zone: Zone,
  filters: AnalysisFilters,
): Promise<AnalysisEvents> {
  const [fy, fm, fd] = dateParts(filters.from);
  const [ty, tm, td] = dateParts(filters.to);
  const periodFrom = localToInstant(zone.time_zone, fy, fm, fd);
  const periodTo = new Date(localToInstant(zone.time_zone, ty, tm, td + 1).getTime() - 1);
  let areaIds = filters.areaIds;
  if (areaIds.length > 0) {
    // A district stands for its neighbourhoods.
    const children = await context.db
      .selectFrom('areas')
      .select('id')
      .where('zone_id', '=', zone.id)
      .where('parent_id', 'in', areaIds)
      .execute();
    areaIds = [...new Set([...areaIds, ...children.map((c) => c.id)])];
  }
  let query = context.db
    .selectFrom('incidents')
    .select(['x', 'y', 'occurred_from', 'area_id', 'time_precision', 'is_generated'])
    .where('zone_id', '=', zone.id)
    .where('occurred_from', '>=', periodFrom)
    .where('occurred_from', '<=', periodTo)
    .where('area_id', 'is not', null)
    .orderBy('occurred_from');
  if (areaIds.length > 0) query = query.where('area_id', 'in', areaIds);
  if (filters.crimeTypes.length > 0) query = query.where('crime_type', 'in', filters.crimeTypes);
  const rows = await query.execute();
  const events: AnalysisEvents = {
    x: new Float64Array(rows.length),
    y: new Float64Array(rows.length),
    t: new Float64Array(rows.length),
    precision: new Uint8Array(rows.length),
    areaIds: new Array<string | null>(rows.length),
    generated: 0,
    studyAreaIds: areaIds,
    periodFrom,
    periodTo,
  };
  rows.forEach((row, i) => {
    events.x[i] = row.x;
    events.y[i] = row.y;
    events.t[i] = row.occurred_from.getTime();
    events.areaIds[i] = row.area_id;
    events.precision[i] = PRECISION[row.time_precision];
    if (row.is_generated) events.generated += 1;
  });
  return events;
}
