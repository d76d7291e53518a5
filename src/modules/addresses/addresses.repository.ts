/** Typed SQL for a zone's address list (public addresses, with their area). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/tables.ts';

export interface AddressRow {
  id: string;
  street: string;
  houseNumber: string;
  postcode: string;
  municipality: string;
  searchText: string;
  lon: number;
  lat: number;
  areaId: string | null;
}

export async function replaceAddresses(
  db: Kysely<Database>,
  zoneId: string,
  rows: AddressRow[],
): Promise<void> {
  await db.deleteFrom('addresses').where('zone_id', '=', zoneId).execute();
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('addresses')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          id: r.id,
          zone_id: zoneId,
          street: r.street,
          house_number: r.houseNumber,
          postcode: r.postcode,
          municipality: r.municipality,
          search_text: r.searchText,
          lon: r.lon,
          lat: r.lat,
          area_id: r.areaId,
        })),
      )
      .execute();
  }
}

export function searchAddresses(db: Kysely<Database>, zoneId: string, prefix: string, limit: number) {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .selectFrom('addresses')
    .select(['id', 'street', 'house_number', 'postcode', 'municipality', 'area_id'])
    .where('zone_id', '=', zoneId)
    .where('search_text', 'like', `${escaped}%`)
    .orderBy('search_text')
    .limit(limit)
    .execute();
}

export async function countAddresses(db: Kysely<Database>, zoneId: string): Promise<number> {
  const row = await db
    .selectFrom('addresses')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('zone_id', '=', zoneId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
