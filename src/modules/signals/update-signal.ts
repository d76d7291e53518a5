/**
 * Triage changes: status (along allowed transitions), priority, the officer
 * it is assigned to, and its category. Each change is its own timeline event
 * (status changes are public, the rest internal) and the whole is audited.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { findCategory } from '../categories/categories.repository.ts';
import { findOfficer } from '../officers/officers.repository.ts';
import { changeSignalStatus } from './change-signal-status.ts';
import { loadStaffSignal } from './load-staff-signal.ts';
import { signalRoles } from './signals.policy.ts';
import { insertSignalEvent } from './signals.repository.ts';
import type { UpdateSignalBody } from './triage.schema.ts';

export async function updateSignal(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actor: Actor,
  language: Language,
  signalId: string,
  body: UpdateSignalBody,
): Promise<void> {
  const signal = await loadStaffSignal(trx, zone, actor, signalId, signalRoles.handlers);
  const now = context.now();
  const event = (kind: 'priority_changed' | 'assigned' | 'category_changed', data: Record<string, unknown>) =>
    insertSignalEvent(
      trx,
      {
        id: newId(),
        zoneId: zone.id,
        signalId,
        kind,
        visibility: 'internal',
        accountId: actor.accountId,
        data,
      },
      now,
    );

  if (body.statusId !== undefined) {
    await changeSignalStatus(trx, zone, signal, body.statusId, actor.accountId, language, now);
  }
  if (body.priority !== undefined && body.priority !== signal.priority) {
    await trx
      .updateTable('signals')
      .set({ priority: body.priority, updated_at: now })
      .where('id', '=', signalId)
      .execute();
    await event('priority_changed', { from: signal.priority, to: body.priority });
  }
  if (body.assignedOfficerId !== undefined && body.assignedOfficerId !== signal.assigned_officer_id) {
    if (body.assignedOfficerId !== null && !(await findOfficer(trx, zone.id, body.assignedOfficerId))) {
      throw new AppError('officer_not_found');
    }
    await trx
      .updateTable('signals')
      .set({ assigned_officer_id: body.assignedOfficerId, updated_at: now })
      .where('id', '=', signalId)
      .execute();
    await event('assigned', { officerId: body.assignedOfficerId });
  }
  if (body.categoryId !== undefined && body.categoryId !== signal.category_id) {
    if (!(await findCategory(trx, zone.id, body.categoryId))) throw new AppError('category_unknown');
    await trx
      .updateTable('signals')
      .set({ category_id: body.categoryId, updated_at: now })
      .where('id', '=', signalId)
      .execute();
    await event('category_changed', { from: signal.category_id, to: body.categoryId });
  }
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actor.accountId,
      action: 'signal.updated',
      subjectType: 'signal',
      subjectId: signalId,
    },
    now,
  );
}
