/** An internal note on a signal's timeline: for colleagues, never shown to the reporter or the public. */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { newId } from '../../platform/ids.ts';
import { loadStaffSignal } from './load-staff-signal.ts';
import { signalRoles } from './signals.policy.ts';
import { insertSignalEvent } from './signals.repository.ts';

export async function addSignalNote(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actor: Actor,
  signalId: string,
  text: string,
) {
  await loadStaffSignal(trx, zone, actor, signalId, signalRoles.recorders);
  const now = context.now();
  const id = newId();
  await insertSignalEvent(
    trx,
    {
      id,
      zoneId: zone.id,
      signalId,
      kind: 'note_added',
      visibility: 'internal',
      accountId: actor.accountId,
      data: { text: text.trim() },
    },
    now,
  );
  await trx.updateTable('signals').set({ updated_at: now }).where('id', '=', signalId).execute();
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actor.accountId,
      action: 'signal.note_added',
      subjectType: 'signal',
      subjectId: signalId,
    },
    now,
  );
  return { id };
}
