/** Typed SQL for signals, their reporters, photos, followers and timeline. No rules here. */
import { sql, type Kysely } from 'kysely';
import type { Database, Signal, SignalEventKind } from '../../platform/database/tables.ts';

/** The next number of the zone's reference series for a year (atomic under concurrency). */
export async function nextSignalNumber(db: Kysely<Database>, zoneId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('signal_counters')
    .values({ zone_id: zoneId, year, value: 1 })
    .onConflict((oc) =>
      oc.columns(['zone_id', 'year']).doUpdateSet({ value: sql`signal_counters.value + 1` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export function findSignal(db: Kysely<Database>, zoneId: string, id: string): Promise<Signal | undefined> {
  return db
    .selectFrom('signals')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSignalByTrackingHash(db: Kysely<Database>, hash: string): Promise<Signal | undefined> {
  return db.selectFrom('signals').selectAll().where('tracking_token_hash', '=', hash).executeTakeFirst();
}

export function findFollowerByTrackingHash(db: Kysely<Database>, hash: string) {
  return db
    .selectFrom('signal_followers')
    .selectAll()
    .where('tracking_token_hash', '=', hash)
    .executeTakeFirst();
}

export async function insertSignalEvent(
  db: Kysely<Database>,
  event: {
    id: string;
    zoneId: string;
    signalId: string;
    kind: SignalEventKind;
    visibility: 'public' | 'internal';
    accountId: string | null;
    data: Record<string, unknown>;
  },
  at: Date,
): Promise<void> {
  await db
    .insertInto('signal_events')
    .values({
      id: event.id,
      zone_id: event.zoneId,
      signal_id: event.signalId,
      kind: event.kind,
      visibility: event.visibility,
      account_id: event.accountId,
      data: JSON.stringify(event.data),
      created_at: at,
    })
    .execute();
}

export function listSignalEvents(
  db: Kysely<Database>,
  zoneId: string,
  signalId: string,
  publicOnly: boolean,
) {
  let query = db
    .selectFrom('signal_events')
    .leftJoin('accounts', 'accounts.id', 'signal_events.account_id')
    .selectAll('signal_events')
    .select('accounts.display_name as account_name')
    .where('signal_events.zone_id', '=', zoneId)
    .where('signal_events.signal_id', '=', signalId)
    .orderBy('signal_events.created_at')
    .orderBy('signal_events.id');
  if (publicOnly) query = query.where('signal_events.visibility', '=', 'public');
  return query.execute();
}

export function findReporter(db: Kysely<Database>, zoneId: string, signalId: string) {
  return db
    .selectFrom('signal_reporters')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('signal_id', '=', signalId)
    .executeTakeFirst();
}

export function listFollowers(db: Kysely<Database>, zoneId: string, signalId: string) {
  return db
    .selectFrom('signal_followers')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('signal_id', '=', signalId)
    .execute();
}

export function listPhotos(db: Kysely<Database>, zoneId: string, signalId: string) {
  return db
    .selectFrom('signal_photos')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('signal_id', '=', signalId)
    .orderBy('created_at')
    .execute();
}

export function findPhoto(db: Kysely<Database>, zoneId: string, signalId: string, photoId: string) {
  return db
    .selectFrom('signal_photos')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('signal_id', '=', signalId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}
