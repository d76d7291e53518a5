/**
 * Moves a signal to another status, only along the zone's allowed
 * transitions (statuses are data with a type: open, closed, fixed). Closing
 * stamps closed_at (the questionnaire counts from it); reopening clears it.
 */
import type { Kysely } from 'kysely';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { findStatus, transitionAllowed } from '../categories/categories.repository.ts';
import { insertSignalEvent } from './signals.repository.ts';

export async function changeSignalStatus(
  trx: Kysely<Database>,
  zone: Zone,
  signal: { id: string; status_id: string },
  toStatusId: string,
  accountId: string | null,
  language: Language,
  now: Date,
): Promise<void> {
  if (toStatusId === signal.status_id) return;
  const [from, to] = [
    await findStatus(trx, zone.id, signal.status_id),
    await findStatus(trx, zone.id, toStatusId),
  ];
  if (!to || !from) throw new AppError('status_not_found');
  if (!(await transitionAllowed(trx, zone.id, from.id, to.id))) {
    throw new AppError('status_transition_invalid', {
      from: from.name[language] ?? from.code,
      to: to.name[language] ?? to.code,
    });
  }
  await trx
    .updateTable('signals')
    .set({ status_id: to.id, closed_at: to.type === 'open' ? null : now, updated_at: now })
    .where('zone_id', '=', zone.id)
    .where('id', '=', signal.id)
    .execute();
  await insertSignalEvent(
    trx,
    {
      id: newId(),
      zoneId: zone.id,
      signalId: signal.id,
      kind: 'status_changed',
      visibility: 'public',
      accountId,
      data: { statusId: to.id, fromStatusId: from.id },
    },
    now,
  );
}
