/**
 * Moderation of what the public may read: the public text is a summary
 * written or approved by staff, never the reporter's words as such. A summary
 * that still looks like it holds personal data (phone, e-mail, number plate,
 * national number) is refused until it is rewritten. The original stays, for
 * staff only.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { personalDataKinds } from './detect-personal-data.ts';
import { loadStaffSignal } from './load-staff-signal.ts';
import { signalRoles } from './signals.policy.ts';
import { insertSignalEvent } from './signals.repository.ts';
import type { ModerationBody } from './triage.schema.ts';

export async function moderateSignal(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actor: Actor,
  language: Language,
  signalId: string,
  body: ModerationBody,
): Promise<void> {
  await loadStaffSignal(trx, zone, actor, signalId, signalRoles.handlers);
  const now = context.now();
  let publicText: string | null = null;
  if (body.decision === 'approve') {
    publicText = body.publicText?.trim() ?? '';
    if (!publicText) {
      throw new AppError('validation_failed', {}, [
        { path: 'body/publicText', code: 'required', message: translate(language, 'validation.required') },
      ]);
    }
    const kinds = personalDataKinds(publicText);
    if (kinds.length > 0) {
      const params = { kinds: kinds.map((k) => translate(language, `signal.personal_data.${k}`)).join(', ') };
      throw new AppError('public_text_has_personal_data', params, [
        {
          path: 'body/publicText',
          code: 'public_text_has_personal_data',
          message: translate(language, 'error.public_text_has_personal_data', params),
        },
      ]);
    }
  }
  await trx
    .updateTable('signals')
    .set({
      public_text: publicText,
      moderation: body.decision === 'approve' ? 'approved' : 'rejected',
      updated_at: now,
    })
    .where('id', '=', signalId)
    .execute();
  await insertSignalEvent(
    trx,
    {
      id: newId(),
      zoneId: zone.id,
      signalId,
      kind: 'moderated',
      visibility: 'internal',
      accountId: actor.accountId,
      data: { decision: body.decision },
    },
    now,
  );
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actor.accountId,
      action: `signal.moderation_${body.decision}d`,
      subjectType: 'signal',
      subjectId: signalId,
    },
    now,
  );
}
