/**
 * The private tracking link: whoever holds it (the reporter, or someone who
 * chose to follow the signal) sees its status, public answer and public
 * timeline without an account. The reporter also sees their own words and
 * can say whether it was really solved; a follower sees the public text only.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import type { Signal, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { findAreaInZone } from '../areas/areas.repository.ts';
import { findZoneById } from '../zones/zones.repository.ts';
import { publicSignalQuery, toPublicSignal } from './public-signal-query.ts';
import {
  findFollowerByTrackingHash,
  findSignalByTrackingHash,
  insertSignalEvent,
  listSignalEvents,
} from './signals.repository.ts';

interface Holder {
  signal: Signal;
  zone: Zone;
  isFollower: boolean;
}

async function resolveToken(context: AppContext, token: string): Promise<Holder> {
  const hash = hashToken(context.secrets.sessionKey, token);
  let signal = await findSignalByTrackingHash(context.db, hash);
  let isFollower = false;
  if (!signal) {
    const follower = await findFollowerByTrackingHash(context.db, hash);
    if (follower) {
      signal = await context.db
        .selectFrom('signals')
        .selectAll()
        .where('id', '=', follower.signal_id)
        .executeTakeFirst();
      isFollower = true;
    }
  }
  if (!signal) throw new AppError('tracking_link_invalid');
  const zone = await findZoneById(context.db, signal.zone_id);
  if (!zone) throw new AppError('tracking_link_invalid');
  return { signal, zone, isFollower };
}

export async function trackSignal(context: AppContext, token: string) {
  const { signal, zone, isFollower } = await resolveToken(context, token);
  // The reporter sees every category's signal; the public query gives the public fields.
  const row = await publicSignalQuery(context.db, zone.id)
    .clearWhere()
    .where('signals.id', '=', signal.id)
    .executeTakeFirstOrThrow();
  const statuses = new Map(
    (
      await context.db
        .selectFrom('signal_statuses')
        .select(['id', 'type', 'name'])
        .where('zone_id', '=', zone.id)
        .execute()
    ).map((s) => [s.id, { type: s.type, name: s.name }]),
  );
  const events = await listSignalEvents(context.db, zone.id, signal.id, true);
  const area = signal.area_id ? await findAreaInZone(context.db, zone.id, signal.area_id) : undefined;
  const closed = row.status_type !== 'open';
  return {
    ...toPublicSignal(row, zone.time_zone),
    description: isFollower ? null : signal.description,
    // The reporter's own time of the facts is theirs: a follower sees the public view only.
    occurredAt: !isFollower && signal.occurred_at ? signal.occurred_at.toISOString() : null,
    timeline: events.map((event) => {
      const statusId = typeof event.data['statusId'] === 'string' ? event.data['statusId'] : null;
      return {
        at: event.created_at.toISOString(),
        kind: event.kind,
        status: statusId ? (statuses.get(statusId) ?? null) : null,
        answer: typeof event.data['answer'] === 'string' ? event.data['answer'] : null,
        solved: typeof event.data['solved'] === 'boolean' ? event.data['solved'] : null,
      };
    }),
    canGiveFeedback: !isFollower && closed,
    isFollower,
    zone: { slug: zone.slug, name: zone.name },
    areaName: area?.name ?? null,
  };
}

export async function recordReporterFeedback(
  context: AppContext,
  token: string,
  solved: boolean,
  comment: string | undefined,
): Promise<void> {
  const { signal, zone, isFollower } = await resolveToken(context, token);
  const status = await context.db
    .selectFrom('signal_statuses')
    .select('type')
    .where('id', '=', signal.status_id)
    .executeTakeFirstOrThrow();
  if (isFollower || status.type === 'open') throw new AppError('feedback_not_possible');
  const now = context.now();
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('signals')
      .set({
        reporter_feedback: solved ? 'solved' : 'not_solved',
        reporter_feedback_at: now,
        reporter_feedback_comment: comment?.trim() || null,
        updated_at: now,
      })
      .where('id', '=', signal.id)
      .execute();
    await insertSignalEvent(
      trx,
      {
        id: newId(),
        zoneId: zone.id,
        signalId: signal.id,
        kind: 'reporter_feedback',
        visibility: 'public',
        accountId: null,
        data: { solved },
      },
      now,
    );
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId: null,
        action: 'signal.reporter_feedback',
        subjectType: 'signal',
        subjectId: signal.id,
      },
      now,
    );
  });
}
