/**
 * Who covers each neighbourhood today: the usual officer when present, the
 * deputy while the usual officer is absent, nobody otherwise. The public
 * lookup shows it; notifications of new signals go to the same person.
 */
import type { Kysely } from 'kysely';
import type { Database, Officer, Zone } from '../../platform/database/tables.ts';
import { absentOn, listAssignments, listOfficers } from './officers.repository.ts';
import { dateInTimeZone } from './zone-date.ts';

export interface Coverage {
  /** The officer to contact today, or null. */
  officer: Officer | null;
  /** The usual officer (also when absent). */
  usual: Officer | null;
  /** True when `officer` is the deputy standing in. */
  byDeputy: boolean;
}

export async function loadAreaCoverage(
  db: Kysely<Database>,
  zone: Pick<Zone, 'id' | 'time_zone'>,
  now: Date,
): Promise<(areaId: string) => Coverage> {
  const assignments = await listAssignments(db, zone.id);
  const officers = await listOfficers(db, zone.id);
  const absent = await absentOn(db, zone.id, dateInTimeZone(now, zone.time_zone));
  const assignmentOf = new Map(assignments.map((a) => [a.area_id, a]));
  const officerById = new Map(officers.map((o) => [o.id, o]));
  return (areaId) => {
    const assignment = assignmentOf.get(areaId);
    if (!assignment) return { officer: null, usual: null, byDeputy: false };
    const usual = officerById.get(assignment.officer_id) ?? null;
    if (usual && !absent.has(usual.id)) return { officer: usual, usual, byDeputy: false };
    const deputy = assignment.deputy_officer_id ? officerById.get(assignment.deputy_officer_id) : undefined;
    if (deputy && !absent.has(deputy.id)) return { officer: deputy, usual, byDeputy: true };
    return { officer: null, usual, byDeputy: false };
  };
}
