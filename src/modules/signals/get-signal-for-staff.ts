/**
 * A signal as staff see it: the reporter's own words, the exact place, the
 * photos, the whole timeline with internal notes, the statuses it may move to
 * and a suggested public summary with likely personal data cut out. The
 * reporter's contact is not part of it: it has its own, audited, request.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { listStatuses, listTransitions } from '../categories/categories.repository.ts';
import { redactPersonalData } from './detect-personal-data.ts';
import { toQueueItem } from './list-signal-queue.ts';
import { loadStaffSignal } from './load-staff-signal.ts';
import { signalRoles } from './signals.policy.ts';
import { findReporter, listPhotos, listSignalEvents } from './signals.repository.ts';

export async function getSignalForStaff(context: AppContext, zone: Zone, actor: Actor, signalId: string) {
  const row = await loadStaffSignal(context.db, zone, actor, signalId, signalRoles.viewers);
  const [photos, events, reporter, statuses, transitions, duplicates] = [
    await listPhotos(context.db, zone.id, signalId),
    await listSignalEvents(context.db, zone.id, signalId, false),
    await findReporter(context.db, zone.id, signalId),
    await listStatuses(context.db, zone.id),
    await listTransitions(context.db, zone.id),
    await context.db
      .selectFrom('signals')
      .select(['id', 'reference'])
      .where('zone_id', '=', zone.id)
      .where('duplicate_of_id', '=', signalId)
      .orderBy('created_at')
      .execute(),
  ];
  const allowed = new Set(
    transitions.filter((t) => t.from_status_id === row.status_id).map((t) => t.to_status_id),
  );
  return {
    ...toQueueItem(row, context.now()),
    description: row.description,
    answers: row.answers,
    location: { lon: row.lon, lat: row.lat },
    publicPoint: { lon: row.public_lon, lat: row.public_lat, cellM: row.public_cell_m },
    occurredAt: row.occurred_at ? row.occurred_at.toISOString() : null,
    publicText: row.public_text,
    suggestedPublicText: redactPersonalData(row.description).slice(0, 1000),
    publicAnswer: row.public_answer,
    reporterFeedback: row.reporter_feedback,
    reporterFeedbackComment: row.reporter_feedback_comment,
    hasReporterContact: reporter !== undefined,
    reporterLanguage: row.reporter_language,
    duplicateOfReference: row.duplicate_of_id
      ? ((
          await context.db
            .selectFrom('signals')
            .select('reference')
            .where('zone_id', '=', zone.id)
            .where('id', '=', row.duplicate_of_id)
            .executeTakeFirst()
        )?.reference ?? null)
      : null,
    photos: photos.map((p) => ({ id: p.id, width: p.width, height: p.height })),
    duplicates,
    allowedStatuses: statuses
      .filter((s) => allowed.has(s.id))
      .map((s) => ({ id: s.id, code: s.code, type: s.type, name: s.name })),
    timeline: events.map((e) => ({
      id: e.id,
      at: e.created_at.toISOString(),
      kind: e.kind,
      visibility: e.visibility,
      by: e.account_name ?? null,
      data: e.data,
    })),
  };
}

/** Shows the reporter's contact to someone who handles the signal; every showing is audited. */
export async function revealReporter(context: AppContext, zone: Zone, actor: Actor, signalId: string) {
  await loadStaffSignal(context.db, zone, actor, signalId, signalRoles.handlers);
  const reporter = await findReporter(context.db, zone.id, signalId);
  if (!reporter) throw new AppError('not_found');
  await recordAudit(
    context.db,
    {
      zoneId: zone.id,
      accountId: actor.accountId,
      action: 'signal.reporter_contact_read',
      subjectType: 'signal',
      subjectId: signalId,
    },
    context.now(),
  );
  const open = (value: string | null) => (value ? context.cipher.decrypt(value) : null);
  return {
    name: open(reporter.name_encrypted),
    email: open(reporter.email_encrypted),
    phone: open(reporter.phone_encrypted),
    wantsUpdates: reporter.wants_updates,
    consentShareWithPartner: reporter.consent_share_with_partner,
  };
}
