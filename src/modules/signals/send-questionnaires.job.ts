/**
 * Four weeks (the zone's setting) after a signal is closed or fixed, its
 * reporter is asked whether it was really solved. The answer is kept apart
 * from the police's own status: "closed" never becomes "fixed" by itself.
 * Only reporters who left an address and wanted updates are asked, once.
 */
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { queueMail } from '../../platform/mail/queue-mail.ts';
import { signalSettings } from './signal-settings.ts';

export async function sendDueQuestionnaires(context: AppContext, limit = 200): Promise<number> {
  const zones = await context.db.selectFrom('zones').selectAll().execute();
  let sent = 0;
  for (const zone of zones) {
    const cutoff = new Date(
      context.now().getTime() - signalSettings(zone).questionnaireDelayDays * 24 * 3600_000,
    );
    const due = await context.db
      .selectFrom('signals')
      .innerJoin('signal_statuses', 'signal_statuses.id', 'signals.status_id')
      .innerJoin('signal_reporters', 'signal_reporters.signal_id', 'signals.id')
      .select([
        'signals.id',
        'signals.reference',
        'signals.reporter_language',
        'signal_reporters.email_encrypted',
        'signal_reporters.tracking_token_encrypted',
      ])
      .where('signals.zone_id', '=', zone.id)
      .where('signal_statuses.type', 'in', ['closed', 'fixed'])
      .where('signals.closed_at', '<=', cutoff)
      .where('signals.questionnaire_sent_at', 'is', null)
      .where('signals.reporter_feedback', 'is', null)
      .where('signals.duplicate_of_id', 'is', null)
      .where('signal_reporters.wants_updates', '=', true)
      .where('signal_reporters.email_encrypted', 'is not', null)
      .where('signal_reporters.tracking_token_encrypted', 'is not', null)
      .orderBy('signals.closed_at')
      .limit(limit)
      .execute();
    for (const signal of due) {
      if (!signal.email_encrypted || !signal.tracking_token_encrypted) continue;
      const token = context.cipher.decrypt(signal.tracking_token_encrypted);
      await context.db.transaction().execute(async (trx) => {
        // Claim first: a second run finds questionnaire_sent_at set and sends nothing.
        const claimed = await trx
          .updateTable('signals')
          .set({ questionnaire_sent_at: context.now() })
          .where('id', '=', signal.id)
          .where('questionnaire_sent_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!claimed) return;
        await queueMail(context, trx, {
          zoneId: zone.id,
          to: context.cipher.decrypt(signal.email_encrypted as string),
          template: 'signal_questionnaire',
          language: signal.reporter_language,
          params: {
            reference: signal.reference,
            zone: zone.name,
            link: `${context.config.publicUrl}/track/${token}#feedback`,
          },
        });
        sent += 1;
      });
    }
  }
  return sent;
}

export const sendQuestionnairesJob = defineJob({
  name: 'signals.send-questionnaires',
  version: 1,
  schema: Type.Object({}),
  retryLimit: 3,
  retryDelaySeconds: 300,
  cron: '35 * * * *',
  async handle(_data, context) {
    await sendDueQuestionnaires(context);
  },
});
