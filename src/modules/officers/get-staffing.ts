/**
 * Staffing against the norm of one neighbourhood inspector per 4,000
 * inhabitants (Belgian community-policing guideline). Inspectors are the
 * distinct officers assigned as usual officer of at least one neighbourhood.
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { listAssignments, listOfficers } from './officers.repository.ts';

export const INHABITANTS_PER_INSPECTOR = 4000;

export async function getStaffing(context: AppContext, zone: Zone) {
  const [areas, assignments, officers] = await Promise.all([
    context.db
      .selectFrom('areas')
      .select(['id', 'parent_id', 'name', 'population', 'code'])
      .where('zone_id', '=', zone.id)
      .where('kind', '=', 'neighbourhood')
      .orderBy('code')
      .execute(),
    listAssignments(context.db, zone.id),
    listOfficers(context.db, zone.id),
  ]);
  const assignmentOf = new Map(assignments.map((a) => [a.area_id, a]));
  const officerName = new Map(officers.map((o) => [o.id, o.name]));
  const population = areas.reduce((sum, a) => sum + (a.population ?? 0), 0);
  const inspectors = new Set(
    areas.flatMap((a) => {
      const assignment = assignmentOf.get(a.id);
      return assignment ? [assignment.officer_id] : [];
    }),
  ).size;
  const needed = population / INHABITANTS_PER_INSPECTOR;
  return {
    population,
    neighbourhoods: areas.length,
    neighbourhoodsWithoutOfficer: areas.filter((a) => !assignmentOf.has(a.id)).length,
    inspectors,
    inhabitantsPerInspectorNorm: INHABITANTS_PER_INSPECTOR,
    inspectorsNeeded: Math.round(needed * 10) / 10,
    coverage: needed > 0 ? Math.round((inspectors / needed) * 100) / 100 : null,
    inhabitantsPerInspector: inspectors > 0 ? Math.round(population / inspectors) : null,
    areas: areas.map((a) => {
      const assignment = assignmentOf.get(a.id);
      return {
        areaId: a.id,
        parentId: a.parent_id,
        name: a.name,
        population: a.population,
        officerId: assignment?.officer_id ?? null,
        officerName: assignment ? (officerName.get(assignment.officer_id) ?? null) : null,
        hasDeputy: Boolean(assignment?.deputy_officer_id),
      };
    }),
  };
}
