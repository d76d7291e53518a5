/** Typed SQL of the Open311 module: API clients, the zone lookup and the address fallback. No rules here. */
import type { Kysely } from 'kysely';
import type { Database, Zone } from '../../platform/database/tables.ts';

export interface Open311ClientRow {
  id: string;
  zone_id: string;
  name: string;
  key_hint: string;
  created_at: Date;
  revoked_at: Date | null;
}

const clientColumns = ['id', 'zone_id', 'name', 'key_hint', 'created_at', 'revoked_at'] as const;

export async function insertClient(
  db: Kysely<Database>,
  row: Open311ClientRow & { key_hash: string; created_by_account_id: string },
): Promise<void> {
  await db.insertInto('open311_clients').values(row).execute();
}

export function listClients(db: Kysely<Database>, zoneId: string): Promise<Open311ClientRow[]> {
  return db
    .selectFrom('open311_clients')
    .select(clientColumns)
    .where('zone_id', '=', zoneId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findClient(
  db: Kysely<Database>,
  zoneId: string,
  clientId: string,
): Promise<Open311ClientRow | undefined> {
  return db
    .selectFrom('open311_clients')
    .select(clientColumns)
    .where('zone_id', '=', zoneId)
    .where('id', '=', clientId)
    .executeTakeFirst();
}

export async function setClientRevoked(
  db: Kysely<Database>,
  zoneId: string,
  clientId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('open311_clients')
    .set({ revoked_at: at })
    .where('zone_id', '=', zoneId)
    .where('id', '=', clientId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The zone's client holding this key (by its HMAC), if it is not revoked. */
export function findActiveClientByKeyHash(
  db: Kysely<Database>,
  zoneId: string,
  keyHash: string,
): Promise<Open311ClientRow | undefined> {
  return db
    .selectFrom('open311_clients')
    .select(clientColumns)
    .where('zone_id', '=', zoneId)
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** At most two zones: enough to know whether a missing jurisdiction_id is unambiguous. */
export function firstZones(db: Kysely<Database>): Promise<Zone[]> {
  return db.selectFrom('zones').selectAll().orderBy('slug').limit(2).execute();
}

/** The addresses of the zone's list matching an address id or a normalised address text. */
export function findAddressPoints(
  db: Kysely<Database>,
  zoneId: string,
  match: { id: string } | { searchText: string },
): Promise<{ lon: number; lat: number }[]> {
  let query = db.selectFrom('addresses').select(['lon', 'lat']).where('zone_id', '=', zoneId).limit(2);
  query =
    'id' in match ? query.where('id', '=', match.id) : query.where('search_text', '=', match.searchText);
  return query.execute();
}

/** A signal that came in through Open311 (the token flow's lookup). */
export function findOpen311Signal(
  db: Kysely<Database>,
  zoneId: string,
  signalId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('signals')
    .select('id')
    .where('zone_id', '=', zoneId)
    .where('id', '=', signalId)
    .where('channel', '=', 'open311')
    .executeTakeFirst();
}
