/**
 * A public answer to a signal (optionally with a status change). Every signal
 * gets one. It appears on the tracking page and, for public categories, in
 * the public view; the reporter and the followers who left an address get it
 * by mail in their language, with their tracking link.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { queueMail } from '../../platform/mail/queue-mail.ts';
import { findStatus } from '../categories/categories.repository.ts';
import { changeSignalStatus } from './change-signal-status.ts';
import { loadStaffSignal } from './load-staff-signal.ts';
import { signalRoles } from './signals.policy.ts';
import { findReporter, insertSignalEvent, listFollowers } from './signals.repository.ts';
import type { AnswerBody } from './triage.schema.ts';

export async function publishSignalAnswer(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actor: Actor,
  language: Language,
  signalId: string,
  body: AnswerBody,
): Promise<void> {
  const signal = await loadStaffSignal(trx, zone, actor, signalId, signalRoles.handlers);
  const now = context.now();
  if (body.statusId)
    await changeSignalStatus(trx, zone, signal, body.statusId, actor.accountId, language, now);
  const text = body.text.trim();
  await trx
    .updateTable('signals')
    .set({ public_answer: text, public_answer_at: now, updated_at: now })
    .where('id', '=', signalId)
    .execute();
  const statusId = body.statusId ?? signal.status_id;
  await insertSignalEvent(
    trx,
    {
      id: newId(),
      zoneId: zone.id,
      signalId,
      kind: 'answer_published',
      visibility: 'public',
      accountId: actor.accountId,
      data: { answer: text, statusId },
    },
    now,
  );
  const status = await findStatus(trx, zone.id, statusId);
  const recipients: { email: string; token: string; language: Language }[] = [];
  const reporter = await findReporter(trx, zone.id, signalId);
  if (reporter?.wants_updates && reporter.email_encrypted && reporter.tracking_token_encrypted) {
    recipients.push({
      email: context.cipher.decrypt(reporter.email_encrypted),
      token: context.cipher.decrypt(reporter.tracking_token_encrypted),
      language: signal.reporter_language,
    });
  }
  for (const follower of await listFollowers(trx, zone.id, signalId)) {
    if (follower.email_encrypted && follower.tracking_token_encrypted) {
      recipients.push({
        email: context.cipher.decrypt(follower.email_encrypted),
        token: context.cipher.decrypt(follower.tracking_token_encrypted),
        language: follower.language,
      });
    }
  }
  for (const recipient of recipients) {
    await queueMail(context, trx, {
      zoneId: zone.id,
      to: recipient.email,
      template: 'signal_answer',
      language: recipient.language,
      params: {
        reference: signal.reference,
        zone: zone.name,
        status: status?.name[recipient.language] ?? status?.code ?? '',
        answer: text,
        link: `${context.config.publicUrl}/track/${recipient.token}`,
      },
    });
  }
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actor.accountId,
      action: 'signal.answered',
      subjectType: 'signal',
      subjectId: signalId,
    },
    now,
  );
}
