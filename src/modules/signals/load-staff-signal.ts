/** Loads a signal for a staff action, refusing one outside the actor's neighbourhoods as if it did not exist. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Role, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { staffSignalQuery, type StaffSignalRow } from './list-signal-queue.ts';
import { signalAreaAllowed } from './signals.policy.ts';

export async function loadStaffSignal(
  db: Kysely<Database>,
  zone: Zone,
  actor: Actor,
  signalId: string,
  roles: Role[],
): Promise<StaffSignalRow> {
  const row = await staffSignalQuery(db, zone.id).where('signals.id', '=', signalId).executeTakeFirst();
  if (!row || !signalAreaAllowed(actor, zone.id, row.area_id, roles)) throw new AppError('signal_not_found');
  return row;
}
