/**
 * Absences of officers (whole days, in the zone's time zone). While the usual
 * officer is absent, the public lookup shows the deputy. Supervisors and
 * administrators record anyone's; an officer records their own.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { rolesInZone } from '../../platform/auth/policy.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { deleteAbsence, findOfficer, insertAbsence } from './officers.repository.ts';
import type { AbsenceBody } from './officers.schema.ts';

async function assertMayManage(db: Kysely<Database>, zone: Zone, actor: Actor, officerId: string) {
  const officer = await findOfficer(db, zone.id, officerId);
  if (!officer) throw new AppError('officer_not_found');
  const roles = rolesInZone(actor, zone.id);
  const manager = roles.has('administrator') || roles.has('supervisor') || actor.isOperator;
  if (!manager && (officer.account_id === null || officer.account_id !== actor.accountId)) {
    throw new AppError('forbidden');
  }
}

/** Runs in the caller's transaction (the route's, with its idempotency key). */
export async function addAbsence(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actor: Actor,
  officerId: string,
  body: AbsenceBody,
) {
  await assertMayManage(trx, zone, actor, officerId);
  if (body.endsOn < body.startsOn) throw new AppError('absence_dates_invalid');
  const id = newId();
  await insertAbsence(
    trx,
    { id, zoneId: zone.id, officerId, startsOn: body.startsOn, endsOn: body.endsOn },
    context.now(),
  );
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actor.accountId,
      action: 'officer.absence_added',
      subjectType: 'officer',
      subjectId: officerId,
    },
    context.now(),
  );
  return { id, startsOn: body.startsOn, endsOn: body.endsOn };
}

export async function removeAbsence(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actor: Actor,
  officerId: string,
  absenceId: string,
): Promise<void> {
  await assertMayManage(trx, zone, actor, officerId);
  if (!(await deleteAbsence(trx, zone.id, officerId, absenceId))) throw new AppError('not_found');
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actor.accountId,
      action: 'officer.absence_removed',
      subjectType: 'officer',
      subjectId: officerId,
    },
    context.now(),
  );
}
