/**
 * Administrators and supervisors keep the list of officers: professional
 * name, title and contact details, optionally linked to the officer's account.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { newId } from '../../platform/ids.ts';
import {
  deleteOfficer as deleteRow,
  findOfficer,
  insertOfficer,
  listAbsences,
  listAssignments,
  listOfficers,
  updateOfficer as updateRow,
} from './officers.repository.ts';
import type { OfficerBody, OfficerPatchBody, StaffOfficer } from './officers.schema.ts';
import { dateInTimeZone } from './zone-date.ts';

export async function listStaffOfficers(
  context: AppContext,
  zone: Zone,
  db: Kysely<Database> = context.db,
): Promise<StaffOfficer[]> {
  // One after the other: inside a transaction (and on PGlite) there is one connection.
  const officers = await listOfficers(db, zone.id);
  const assignments = await listAssignments(db, zone.id);
  const absences = await listAbsences(db, zone.id);
  const today = dateInTimeZone(context.now(), zone.time_zone);
  return officers.map((o) => {
    const own = absences.filter((a) => a.officer_id === o.id && a.ends_on >= today);
    return {
      id: o.id,
      name: o.name,
      title: o.title,
      phone: o.phone,
      email: o.email,
      photoUrl: o.photo_url,
      accountId: o.account_id,
      isDemo: o.is_demo,
      areaIds: assignments.filter((a) => a.officer_id === o.id).map((a) => a.area_id),
      deputyForAreaIds: assignments.filter((a) => a.deputy_officer_id === o.id).map((a) => a.area_id),
      absences: own.map((a) => ({ id: a.id, startsOn: a.starts_on, endsOn: a.ends_on })),
      absentToday: own.some((a) => a.starts_on <= today && a.ends_on >= today),
    };
  });
}

async function assertAccountInZone(db: Kysely<Database>, zone: Zone, accountId: string | null | undefined) {
  if (!accountId) return;
  const grant = await db
    .selectFrom('role_grants')
    .select('id')
    .where('zone_id', '=', zone.id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!grant) throw new AppError('account_not_found');
}

/** The writes below run in the caller's transaction (the route's, with its idempotency key). */
export async function createOfficer(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actorId: string,
  body: OfficerBody,
): Promise<StaffOfficer> {
  await assertAccountInZone(trx, zone, body.accountId);
  const id = newId();
  const officer = {
    name: body.name,
    title: body.title,
    phone: body.phone,
    email: body.email,
    photoUrl: body.photoUrl ?? null,
    accountId: body.accountId ?? null,
  };
  await insertOfficer(trx, zone.id, id, officer, context.now());
  await recordAudit(
    trx,
    { zoneId: zone.id, accountId: actorId, action: 'officer.created', subjectType: 'officer', subjectId: id },
    context.now(),
  );
  return requireStaffOfficer(context, zone, id, trx);
}

export async function updateOfficer(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actorId: string,
  officerId: string,
  body: OfficerPatchBody,
): Promise<StaffOfficer> {
  if (!(await findOfficer(trx, zone.id, officerId))) throw new AppError('officer_not_found');
  await assertAccountInZone(trx, zone, body.accountId);
  await updateRow(trx, zone.id, officerId, body, context.now());
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actorId,
      action: 'officer.updated',
      subjectType: 'officer',
      subjectId: officerId,
    },
    context.now(),
  );
  return requireStaffOfficer(context, zone, officerId, trx);
}

export async function removeOfficer(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actorId: string,
  officerId: string,
): Promise<void> {
  if (!(await findOfficer(trx, zone.id, officerId))) throw new AppError('officer_not_found');
  await deleteRow(trx, zone.id, officerId);
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actorId,
      action: 'officer.removed',
      subjectType: 'officer',
      subjectId: officerId,
    },
    context.now(),
  );
}

export async function requireStaffOfficer(
  context: AppContext,
  zone: Zone,
  officerId: string,
  db: Kysely<Database> = context.db,
): Promise<StaffOfficer> {
  const found = (await listStaffOfficers(context, zone, db)).find((o) => o.id === officerId);
  if (!found) throw new AppError('officer_not_found');
  return found;
}
