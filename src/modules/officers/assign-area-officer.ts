/**
 * Sets who covers a neighbourhood: the usual officer and a deputy (or nobody).
 * The current assignment is one row; every change is also an event, so the
 * history of who covered an area is kept.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { findAreaInZone } from '../areas/areas.repository.ts';
import {
  findOfficer,
  insertAssignmentEvent,
  listAssignmentEvents,
  setAssignment,
  findAssignment,
} from './officers.repository.ts';
import type { AssignmentBody } from './officers.schema.ts';

export async function getAreaAssignment(context: AppContext, zone: Zone, areaId: string) {
  if (!(await findAreaInZone(context.db, zone.id, areaId))) throw new AppError('area_not_found');
  const current = await findAssignment(context.db, zone.id, areaId);
  const history = await listAssignmentEvents(context.db, zone.id, areaId);
  return {
    areaId,
    officerId: current?.officer_id ?? null,
    deputyOfficerId: current?.deputy_officer_id ?? null,
    history: history.map((e) => ({
      at: e.created_at.toISOString(),
      officerId: e.officer_id,
      deputyOfficerId: e.deputy_officer_id,
      changedBy: e.changed_by ?? null,
    })),
  };
}

export async function assignAreaOfficer(
  context: AppContext,
  zone: Zone,
  actorId: string,
  areaId: string,
  body: AssignmentBody,
) {
  const area = await findAreaInZone(context.db, zone.id, areaId);
  if (!area) throw new AppError('area_not_found');
  if (body.officerId === null && body.deputyOfficerId !== null) {
    throw new AppError('validation_failed', {}, [
      { path: 'body/officerId', code: 'required', message: 'A deputy needs a usual officer.' },
    ]);
  }
  if (body.officerId !== null && body.officerId === body.deputyOfficerId)
    throw new AppError('officer_deputy_same');
  for (const id of [body.officerId, body.deputyOfficerId]) {
    if (id !== null && !(await findOfficer(context.db, zone.id, id))) throw new AppError('officer_not_found');
  }
  await context.db.transaction().execute(async (trx) => {
    const now = context.now();
    await setAssignment(trx, zone.id, areaId, body.officerId, body.deputyOfficerId, now);
    await insertAssignmentEvent(
      trx,
      {
        id: newId(),
        zoneId: zone.id,
        areaId,
        officerId: body.officerId,
        deputyOfficerId: body.deputyOfficerId,
        accountId: actorId,
      },
      now,
    );
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId: actorId,
        action: 'area.officer_assigned',
        subjectType: 'area',
        subjectId: areaId,
      },
      now,
    );
  });
  return getAreaAssignment(context, zone, areaId);
}
