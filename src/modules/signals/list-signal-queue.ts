/**
 * The staff's queue of signals, newest first: per officer ("mine": assigned to
 * me or in the neighbourhoods I cover, as usual officer or deputy), per
 * neighbourhood, with filters on status, category, channel, priority, age and
 * answer-time target. An officer limited to some neighbourhoods sees only those.
 */
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { signalRoles, visibleAreaIds } from './signals.policy.ts';
import type { QueueQuery } from './triage.schema.ts';

export function staffSignalQuery(db: Kysely<Database>, zoneId: string) {
  return db
    .selectFrom('signals')
    .innerJoin('categories', 'categories.id', 'signals.category_id')
    .innerJoin('signal_statuses', 'signal_statuses.id', 'signals.status_id')
    .leftJoin('areas', 'areas.id', 'signals.area_id')
    .leftJoin('officers', 'officers.id', 'signals.assigned_officer_id')
    .selectAll('signals')
    .select([
      'categories.code as category_code',
      'categories.name as category_name',
      'categories.is_urgent as category_urgent',
      'categories.answer_target_days',
      'signal_statuses.code as status_code',
      'signal_statuses.type as status_type',
      'signal_statuses.name as status_name',
      'areas.name as area_name',
      'officers.name as officer_name',
    ])
    .where('signals.zone_id', '=', zoneId);
}

export type StaffSignalRow = Awaited<
  ReturnType<ReturnType<typeof staffSignalQuery>['executeTakeFirstOrThrow']>
>;

export function toQueueItem(row: StaffSignalRow, now: Date) {
  const dueAt = new Date(row.created_at.getTime() + row.answer_target_days * 24 * 3600_000);
  const answered = row.public_answer !== null || row.status_type !== 'open';
  return {
    id: row.id,
    reference: row.reference,
    category: {
      id: row.category_id,
      code: row.category_code,
      name: row.category_name,
      isUrgent: row.category_urgent,
    },
    area: row.area_id && row.area_name ? { id: row.area_id, name: row.area_name } : null,
    status: { id: row.status_id, code: row.status_code, type: row.status_type, name: row.status_name },
    priority: row.priority,
    channel: row.channel,
    assignedOfficer:
      row.assigned_officer_id && row.officer_name
        ? { id: row.assigned_officer_id, name: row.officer_name }
        : null,
    createdAt: row.created_at.toISOString(),
    dueAt: dueAt.toISOString(),
    overdue: !answered && dueAt < now,
    answered,
    moderation: row.moderation,
    personalDataFlags: row.personal_data_flags,
    duplicateOf: row.duplicate_of_id,
  };
}

async function myCoverage(db: Kysely<Database>, zoneId: string, accountId: string) {
  const officers = await db
    .selectFrom('officers')
    .select('id')
    .where('zone_id', '=', zoneId)
    .where('account_id', '=', accountId)
    .execute();
  const officerIds = officers.map((o) => o.id);
  if (officerIds.length === 0) return { officerIds, areaIds: [] as string[] };
  const areas = await db
    .selectFrom('area_officers')
    .select('area_id')
    .where('zone_id', '=', zoneId)
    .where((eb) => eb.or([eb('officer_id', 'in', officerIds), eb('deputy_officer_id', 'in', officerIds)]))
    .execute();
  return { officerIds, areaIds: areas.map((a) => a.area_id) };
}

export async function listSignalQueue(context: AppContext, zone: Zone, actor: Actor, query: QueueQuery) {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor, ['string']);
  const now = context.now();
  let q = staffSignalQuery(context.db, zone.id)
    .orderBy('signals.id', 'desc')
    .limit(limit + 1);
  const scope = visibleAreaIds(actor, zone.id, signalRoles.viewers);
  if (scope !== null)
    q = scope.length === 0 ? q.where(sql<boolean>`false`) : q.where('signals.area_id', 'in', scope);
  if (query.mine && actor.accountId) {
    const { officerIds, areaIds } = await myCoverage(context.db, zone.id, actor.accountId);
    q = q.where((eb) =>
      eb.or([
        ...(officerIds.length ? [eb('signals.assigned_officer_id', 'in', officerIds)] : []),
        ...(areaIds.length ? [eb('signals.area_id', 'in', areaIds)] : []),
        eb.val(false),
      ]),
    );
  }
  if (cursor) q = q.where('signals.id', '<', String(cursor[0]));
  if (query.areaId) q = q.where('signals.area_id', '=', query.areaId);
  if (query.officerId) q = q.where('signals.assigned_officer_id', '=', query.officerId);
  if (query.statusType) q = q.where('signal_statuses.type', '=', query.statusType);
  if (query.statusId) q = q.where('signals.status_id', '=', query.statusId);
  if (query.category) q = q.where('categories.code', '=', query.category);
  if (query.channel) q = q.where('signals.channel', '=', query.channel as never);
  if (query.priority) q = q.where('signals.priority', '=', query.priority as never);
  if (query.olderThanDays !== undefined) {
    q = q.where('signals.created_at', '<=', new Date(now.getTime() - query.olderThanDays * 24 * 3600_000));
  }
  if (query.overdue) {
    q = q
      .where('signal_statuses.type', '=', 'open')
      .where('signals.public_answer', 'is', null)
      .where(sql<boolean>`signals.created_at + (categories.answer_target_days * interval '1 day') < ${now}`);
  }
  if (query.search) {
    const term = query.search.trim();
    const like = `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(signals.reference)`, 'like', like),
        eb(sql`lower(signals.description)`, 'like', like),
      ]),
    );
  }
  const page = toPage(await q.execute(), limit, (r) => [r.id]);
  return { items: page.items.map((r) => toQueueItem(r, now)), nextCursor: page.nextCursor };
}
