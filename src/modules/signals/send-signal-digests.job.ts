/**
 * The daily digest: at the zone's digest hour, each officer who covers
 * neighbourhoods today (a deputy also for the absent officer's) gets one mail
 * listing the new signals of the last 24 hours there; neighbourhoods nobody
 * covers go to the zone's mailbox. Runs hourly and acts where the local hour
 * matches; a digest is recorded per recipient and day, so reruns send nothing twice.
 */
import { Type } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { newId } from '../../platform/ids.ts';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { queueMail } from '../../platform/mail/queue-mail.ts';
import { loadAreaCoverage } from '../officers/area-coverage.ts';
import { dateInTimeZone } from '../officers/zone-date.ts';
import { officerMailbox } from './officer-mailbox.ts';
import { signalSettings } from './signal-settings.ts';

function hourInTimeZone(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at));
}

export async function sendDigestsForZone(context: AppContext, zone: Zone): Promise<number> {
  const now = context.now();
  const since = new Date(now.getTime() - 24 * 3600_000);
  const signals = await context.db
    .selectFrom('signals')
    .innerJoin('categories', 'categories.id', 'signals.category_id')
    .leftJoin('areas', 'areas.id', 'signals.area_id')
    .select([
      'signals.id',
      'signals.reference',
      'signals.area_id',
      'categories.name as category_name',
      'areas.name as area_name',
    ])
    .where('signals.zone_id', '=', zone.id)
    .where('signals.created_at', '>=', since)
    .where('signals.created_at', '<', now)
    .orderBy('signals.created_at')
    .execute();
  if (signals.length === 0) return 0;
  const coverageOf = await loadAreaCoverage(context.db, zone, now);
  const byRecipient = new Map<string, { to: string; items: typeof signals }>();
  for (const signal of signals) {
    const officer = signal.area_id ? coverageOf(signal.area_id).officer : null;
    // Neighbourhoods whose officer has no mailbox go to the zone's mailbox, not nowhere.
    const officerTo = officer ? await officerMailbox(context.db, officer) : null;
    const to = officerTo ?? zone.contact.email;
    if (!to) continue;
    const key = officer && officerTo ? `officer:${officer.id}` : 'zone';
    const entry = byRecipient.get(key) ?? { to, items: [] };
    entry.items.push(signal);
    byRecipient.set(key, entry);
  }
  const today = dateInTimeZone(now, zone.time_zone);
  const language = zone.default_language;
  let sent = 0;
  for (const [recipientKey, { to, items }] of byRecipient) {
    const done = await context.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('signal_notifications')
        .values({
          id: newId(),
          zone_id: zone.id,
          kind: 'digest',
          recipient_key: recipientKey,
          digest_date: today,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return false;
      const lines = items.map((s) => {
        const category = s.category_name[language] ?? Object.values(s.category_name)[0] ?? '';
        const area = s.area_name?.[language] ?? Object.values(s.area_name ?? {})[0] ?? '-';
        return `- ${s.reference}: ${category} (${area})`;
      });
      await queueMail(context, trx, {
        zoneId: zone.id,
        to,
        template: 'signal_digest',
        language,
        params: {
          count: items.length,
          zone: zone.name,
          list: lines.join('\n'),
          link: `${context.config.publicUrl}/${zone.slug}/signals`,
        },
      });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

export async function sendDueDigests(context: AppContext): Promise<number> {
  const zones = await context.db.selectFrom('zones').selectAll().execute();
  let sent = 0;
  for (const zone of zones) {
    if (hourInTimeZone(context.now(), zone.time_zone) !== signalSettings(zone).digestHour) continue;
    sent += await sendDigestsForZone(context, zone);
  }
  return sent;
}

export const sendSignalDigestsJob = defineJob({
  name: 'signals.send-digests',
  version: 1,
  schema: Type.Object({}),
  retryLimit: 3,
  retryDelaySeconds: 120,
  cron: '5 * * * *',
  async handle(_data, context) {
    await sendDueDigests(context);
  },
});
