/**
 * Marks a signal as a duplicate of another. Both stay, linked both ways (the
 * original lists its duplicates); the duplicate is closed as such when the
 * zone's statuses allow it, and its reporter's link shows where to follow.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { findStatusByCode, transitionAllowed } from '../categories/categories.repository.ts';
import { changeSignalStatus } from './change-signal-status.ts';
import { loadStaffSignal } from './load-staff-signal.ts';
import { signalRoles } from './signals.policy.ts';
import { insertSignalEvent } from './signals.repository.ts';

export async function markDuplicate(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actor: Actor,
  language: Language,
  signalId: string,
  ofSignalId: string,
): Promise<void> {
  const signal = await loadStaffSignal(trx, zone, actor, signalId, signalRoles.handlers);
  const original = await trx
    .selectFrom('signals')
    .select(['id', 'reference', 'duplicate_of_id'])
    .where('zone_id', '=', zone.id)
    .where('id', '=', ofSignalId)
    .executeTakeFirst();
  if (!original || original.id === signal.id || original.duplicate_of_id !== null)
    throw new AppError('duplicate_of_invalid');
  // A signal that others point to stays an original: no chains of duplicates.
  const pointedTo = await trx
    .selectFrom('signals')
    .select('id')
    .where('zone_id', '=', zone.id)
    .where('duplicate_of_id', '=', signalId)
    .executeTakeFirst();
  if (pointedTo) throw new AppError('duplicate_of_invalid');
  const now = context.now();
  await trx
    .updateTable('signals')
    .set({ duplicate_of_id: original.id, updated_at: now })
    .where('id', '=', signalId)
    .execute();
  const data = {
    duplicateId: signalId,
    originalId: original.id,
    originalReference: original.reference,
    duplicateReference: signal.reference,
  };
  await insertSignalEvent(
    trx,
    {
      id: newId(),
      zoneId: zone.id,
      signalId,
      kind: 'duplicate_marked',
      visibility: 'public',
      accountId: actor.accountId,
      data,
    },
    now,
  );
  await insertSignalEvent(
    trx,
    {
      id: newId(),
      zoneId: zone.id,
      signalId: original.id,
      kind: 'duplicate_marked',
      visibility: 'internal',
      accountId: actor.accountId,
      data,
    },
    now,
  );
  const closedDuplicate = await findStatusByCode(trx, zone.id, 'closed_duplicate');
  if (closedDuplicate && (await transitionAllowed(trx, zone.id, signal.status_id, closedDuplicate.id))) {
    await changeSignalStatus(trx, zone, signal, closedDuplicate.id, actor.accountId, language, now);
  }
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actor.accountId,
      action: 'signal.marked_duplicate',
      subjectType: 'signal',
      subjectId: signalId,
    },
    now,
  );
}
