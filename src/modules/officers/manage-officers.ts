/**
 * Administrators and supervisors keep the list of officers: professional
 * name, title and contact details, optionally linked to the officer's account.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Zone } from '../../platform/database/tables.ts';
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

export async function listStaffOfficers(context: AppContext, zone: Zone): Promise<StaffOfficer[]> {
  const [officers, assignments, absences] = await Promise.all([
    listOfficers(context.db, zone.id),
    listAssignments(context.db, zone.id),
    listAbsences(context.db, zone.id),
  ]);
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

async function assertAccountInZone(context: AppContext, zone: Zone, accountId: string | null | undefined) {
  if (!accountId) return;
  const grant = await context.db
    .selectFrom('role_grants')
    .select('id')
    .where('zone_id', '=', zone.id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!grant) throw new AppError('account_not_found');
}

export async function createOfficer(
  context: AppContext,
  zone: Zone,
  actorId: string,
  body: OfficerBody,
): Promise<StaffOfficer> {
  await assertAccountInZone(context, zone, body.accountId);
  const id = newId();
  await context.db.transaction().execute(async (trx) => {
    await insertOfficer(
      trx,
      zone.id,
      id,
      {
        name: body.name,
        title: body.title,
        phone: body.phone,
        email: body.email,
        photoUrl: body.photoUrl ?? null,
        accountId: body.accountId ?? null,
      },
      context.now(),
    );
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId: actorId,
        action: 'officer.created',
        subjectType: 'officer',
        subjectId: id,
      },
      context.now(),
    );
  });
  return requireStaffOfficer(context, zone, id);
}

export async function updateOfficer(
  context: AppContext,
  zone: Zone,
  actorId: string,
  officerId: string,
  body: OfficerPatchBody,
) {
  if (!(await findOfficer(context.db, zone.id, officerId))) throw new AppError('officer_not_found');
  await assertAccountInZone(context, zone, body.accountId);
  await context.db.transaction().execute(async (trx) => {
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
  });
  return requireStaffOfficer(context, zone, officerId);
}

export async function removeOfficer(
  context: AppContext,
  zone: Zone,
  actorId: string,
  officerId: string,
): Promise<void> {
  if (!(await findOfficer(context.db, zone.id, officerId))) throw new AppError('officer_not_found');
  await context.db.transaction().execute(async (trx) => {
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
  });
}

export async function requireStaffOfficer(
  context: AppContext,
  zone: Zone,
  officerId: string,
): Promise<StaffOfficer> {
  const found = (await listStaffOfficers(context, zone)).find((o) => o.id === officerId);
  if (!found) throw new AppError('officer_not_found');
  return found;
}
