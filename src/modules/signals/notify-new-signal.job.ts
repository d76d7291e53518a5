/**
 * A new signal in an urgent category is mailed at once to whoever covers its
 * neighbourhood today (the deputy during the usual officer's absence), or to
 * the zone's mailbox when nobody does. Other signals wait for the daily
 * digest. The notification row is written with the mail in one transaction
 * and is unique per signal and recipient, so a repeated job sends nothing twice.
 * Mails carry no personal data: a reference and a link to log in.
 */
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { queueMail } from '../../platform/mail/queue-mail.ts';
import { loadAreaCoverage } from '../officers/area-coverage.ts';
import { officerMailbox } from './officer-mailbox.ts';

export async function notifyNewSignal(
  context: AppContext,
  zoneId: string,
  signalId: string,
): Promise<'sent' | 'not_urgent' | 'no_recipient' | 'already_sent'> {
  const row = await context.db
    .selectFrom('signals')
    .innerJoin('categories', 'categories.id', 'signals.category_id')
    .innerJoin('zones', 'zones.id', 'signals.zone_id')
    .leftJoin('areas', 'areas.id', 'signals.area_id')
    .select([
      'signals.id',
      'signals.reference',
      'signals.area_id',
      'categories.is_urgent',
      'categories.name as category_name',
      'areas.name as area_name',
      'zones.slug',
      'zones.name as zone_name',
      'zones.time_zone',
      'zones.contact',
      'zones.default_language',
    ])
    .where('signals.zone_id', '=', zoneId)
    .where('signals.id', '=', signalId)
    .executeTakeFirst();
  if (!row) return 'no_recipient';
  if (!row.is_urgent) return 'not_urgent';
  const coverage = row.area_id
    ? (await loadAreaCoverage(context.db, { id: zoneId, time_zone: row.time_zone }, context.now()))(
        row.area_id,
      )
    : null;
  const officer = coverage?.officer ?? null;
  // An officer without a mailbox must not make an urgent signal go unnoticed: the zone's mailbox takes it.
  const officerTo = officer ? await officerMailbox(context.db, officer) : null;
  const to = officerTo ?? row.contact.email;
  if (!to) return 'no_recipient';
  const recipientKey = officer && officerTo ? `officer:${officer.id}` : 'zone';
  return context.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('signal_notifications')
      .values({
        id: newId(),
        zone_id: zoneId,
        kind: 'urgent',
        recipient_key: recipientKey,
        signal_id: signalId,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!claimed) return 'already_sent';
    const language = row.default_language;
    await queueMail(context, trx, {
      zoneId,
      to,
      template: 'signal_urgent',
      language,
      params: {
        reference: row.reference,
        category: row.category_name[language] ?? Object.values(row.category_name)[0] ?? '',
        area: row.area_name?.[language] ?? Object.values(row.area_name ?? {})[0] ?? '-',
        zone: row.zone_name,
        link: `${context.config.publicUrl}/${row.slug}/signals/${signalId}`,
        note: coverage?.byDeputy
          ? translate(language, 'mail.signal.stand_in', { name: coverage.usual?.name ?? '' })
          : '',
      },
    });
    return 'sent';
  });
}

export const notifyNewSignalJob = defineJob({
  name: 'signals.notify-new',
  version: 1,
  schema: Type.Object({ zoneId: Type.String({ format: 'uuid' }), signalId: Type.String({ format: 'uuid' }) }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  async handle(data, context) {
    await notifyNewSignal(context, data.zoneId, data.signalId);
  },
});
