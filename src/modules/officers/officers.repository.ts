/** Typed SQL for officers, their area assignments and absences. No rules here. */
import type { Kysely } from 'kysely';
import type { Database, LocalizedText, Officer } from '../../platform/database/tables.ts';

export function listOfficers(db: Kysely<Database>, zoneId: string): Promise<Officer[]> {
  return db
    .selectFrom('officers')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findOfficer(
  db: Kysely<Database>,
  zoneId: string,
  officerId: string,
): Promise<Officer | undefined> {
  return db
    .selectFrom('officers')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('id', '=', officerId)
    .executeTakeFirst();
}

export interface OfficerWriteRow {
  name: string;
  title: LocalizedText;
  phone: string | null;
  email: string | null;
  photoUrl: string | null;
  accountId: string | null;
}

export async function insertOfficer(
  db: Kysely<Database>,
  zoneId: string,
  id: string,
  row: OfficerWriteRow,
  now: Date,
  isDemo = false,
) {
  await db
    .insertInto('officers')
    .values({
      id,
      zone_id: zoneId,
      account_id: row.accountId,
      name: row.name,
      title: JSON.stringify(row.title),
      phone: row.phone,
      email: row.email,
      photo_url: row.photoUrl,
      is_demo: isDemo,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateOfficer(
  db: Kysely<Database>,
  zoneId: string,
  id: string,
  row: Partial<OfficerWriteRow>,
  now: Date,
) {
  await db
    .updateTable('officers')
    .set({
      updated_at: now,
      ...(row.name !== undefined ? { name: row.name } : {}),
      ...(row.title !== undefined ? { title: JSON.stringify(row.title) } : {}),
      ...(row.phone !== undefined ? { phone: row.phone } : {}),
      ...(row.email !== undefined ? { email: row.email } : {}),
      ...(row.photoUrl !== undefined ? { photo_url: row.photoUrl } : {}),
      ...(row.accountId !== undefined ? { account_id: row.accountId } : {}),
    })
    .where('zone_id', '=', zoneId)
    .where('id', '=', id)
    .execute();
}

export async function deleteOfficer(db: Kysely<Database>, zoneId: string, id: string): Promise<void> {
  await db.deleteFrom('officers').where('zone_id', '=', zoneId).where('id', '=', id).execute();
}

export function listAssignments(db: Kysely<Database>, zoneId: string) {
  return db.selectFrom('area_officers').selectAll().where('zone_id', '=', zoneId).execute();
}

export function findAssignment(db: Kysely<Database>, zoneId: string, areaId: string) {
  return db
    .selectFrom('area_officers')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('area_id', '=', areaId)
    .executeTakeFirst();
}

export async function setAssignment(
  db: Kysely<Database>,
  zoneId: string,
  areaId: string,
  officerId: string | null,
  deputyOfficerId: string | null,
  now: Date,
): Promise<void> {
  if (officerId === null) {
    await db
      .deleteFrom('area_officers')
      .where('zone_id', '=', zoneId)
      .where('area_id', '=', areaId)
      .execute();
    return;
  }
  await db
    .insertInto('area_officers')
    .values({
      zone_id: zoneId,
      area_id: areaId,
      officer_id: officerId,
      deputy_officer_id: deputyOfficerId,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['zone_id', 'area_id'])
        .doUpdateSet({ officer_id: officerId, deputy_officer_id: deputyOfficerId, updated_at: now }),
    )
    .execute();
}

export async function insertAssignmentEvent(
  db: Kysely<Database>,
  row: {
    id: string;
    zoneId: string;
    areaId: string;
    officerId: string | null;
    deputyOfficerId: string | null;
    accountId: string | null;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('area_officer_events')
    .values({
      id: row.id,
      zone_id: row.zoneId,
      area_id: row.areaId,
      officer_id: row.officerId,
      deputy_officer_id: row.deputyOfficerId,
      account_id: row.accountId,
      created_at: now,
    })
    .execute();
}

export function listAssignmentEvents(db: Kysely<Database>, zoneId: string, areaId: string) {
  return db
    .selectFrom('area_officer_events')
    .leftJoin('accounts', 'accounts.id', 'area_officer_events.account_id')
    .selectAll('area_officer_events')
    .select('accounts.display_name as changed_by')
    .where('area_officer_events.zone_id', '=', zoneId)
    .where('area_officer_events.area_id', '=', areaId)
    .orderBy('area_officer_events.created_at', 'desc')
    .orderBy('area_officer_events.id', 'desc')
    .execute();
}

export function listAbsences(db: Kysely<Database>, zoneId: string, officerIds?: string[]) {
  let query = db
    .selectFrom('officer_absences')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .orderBy('starts_on');
  if (officerIds) {
    if (officerIds.length === 0) return Promise.resolve([]);
    query = query.where('officer_id', 'in', officerIds);
  }
  return query.execute();
}

/** Officers absent on a date (YYYY-MM-DD, in the zone's time zone). */
export async function absentOn(db: Kysely<Database>, zoneId: string, date: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('officer_absences')
    .select('officer_id')
    .where('zone_id', '=', zoneId)
    .where('starts_on', '<=', date)
    .where('ends_on', '>=', date)
    .execute();
  return new Set(rows.map((r) => r.officer_id));
}

export async function insertAbsence(
  db: Kysely<Database>,
  row: { id: string; zoneId: string; officerId: string; startsOn: string; endsOn: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('officer_absences')
    .values({
      id: row.id,
      zone_id: row.zoneId,
      officer_id: row.officerId,
      starts_on: row.startsOn,
      ends_on: row.endsOn,
      created_at: now,
    })
    .execute();
}

export async function deleteAbsence(
  db: Kysely<Database>,
  zoneId: string,
  officerId: string,
  absenceId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('officer_absences')
    .where('zone_id', '=', zoneId)
    .where('officer_id', '=', officerId)
    .where('id', '=', absenceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
