/** Typed SQL for areas and area imports. No rules here. */
import type { Kysely } from 'kysely';
import type {
  Area,
  AreaKind,
  Database,
  GeoJsonMultiPolygon,
  LocalizedText,
} from '../../platform/database/tables.ts';

export function listAreasOfZone(db: Kysely<Database>, zoneId: string): Promise<Area[]> {
  return db
    .selectFrom('areas')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .orderBy('kind')
    .orderBy('code')
    .execute();
}

export interface AreaSummaryRow {
  id: string;
  parent_id: string | null;
  kind: AreaKind;
  code: string;
  name: LocalizedText;
  population: number | null;
  households: number | null;
  area_m2: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  is_demo: boolean;
}

export function listAreaSummaries(db: Kysely<Database>, zoneId: string): Promise<AreaSummaryRow[]> {
  return db
    .selectFrom('areas')
    .select([
      'id',
      'parent_id',
      'kind',
      'code',
      'name',
      'population',
      'households',
      'area_m2',
      'min_lon',
      'min_lat',
      'max_lon',
      'max_lat',
      'is_demo',
    ])
    .where('zone_id', '=', zoneId)
    .orderBy('kind')
    .orderBy('code')
    .execute();
}

export function findAreaInZone(
  db: Kysely<Database>,
  zoneId: string,
  areaId: string,
): Promise<Area | undefined> {
  return db
    .selectFrom('areas')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('id', '=', areaId)
    .executeTakeFirst();
}

export function findAreaByCode(
  db: Kysely<Database>,
  zoneId: string,
  code: string,
): Promise<Area | undefined> {
  return db
    .selectFrom('areas')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export interface AreaWriteRow {
  id: string;
  zoneId: string;
  parentId: string | null;
  kind: AreaKind;
  code: string;
  name: LocalizedText;
  boundary: GeoJsonMultiPolygon;
  bbox: [number, number, number, number];
  areaM2: number;
  population: number | null;
  households: number | null;
  isDemo: boolean;
}

/** Inserts, or replaces the boundary and figures of the area with the same code. Returns the id kept. */
export async function upsertArea(
  db: Kysely<Database>,
  row: AreaWriteRow,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  const existing = await findAreaByCode(db, row.zoneId, row.code);
  if (existing) {
    await db
      .updateTable('areas')
      .set({
        parent_id: row.parentId ?? existing.parent_id,
        kind: row.kind,
        name: JSON.stringify({ ...existing.name, ...row.name }),
        boundary: JSON.stringify(row.boundary),
        min_lon: row.bbox[0],
        min_lat: row.bbox[1],
        max_lon: row.bbox[2],
        max_lat: row.bbox[3],
        area_m2: row.areaM2,
        population: row.population ?? existing.population,
        households: row.households ?? existing.households,
        updated_at: now,
      })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, created: false };
  }
  await db
    .insertInto('areas')
    .values({
      id: row.id,
      zone_id: row.zoneId,
      parent_id: row.parentId,
      kind: row.kind,
      code: row.code,
      name: JSON.stringify(row.name),
      boundary: JSON.stringify(row.boundary),
      min_lon: row.bbox[0],
      min_lat: row.bbox[1],
      max_lon: row.bbox[2],
      max_lat: row.bbox[3],
      area_m2: row.areaM2,
      population: row.population,
      households: row.households,
      is_demo: row.isDemo,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id: row.id, created: true };
}

export interface AreaChanges {
  name?: LocalizedText;
  population?: number | null;
  households?: number | null;
  parentId?: string | null;
}

export async function updateArea(
  db: Kysely<Database>,
  zoneId: string,
  areaId: string,
  changes: AreaChanges,
  now: Date,
) {
  await db
    .updateTable('areas')
    .set({
      updated_at: now,
      ...(changes.name !== undefined ? { name: JSON.stringify(changes.name) } : {}),
      ...(changes.population !== undefined ? { population: changes.population } : {}),
      ...(changes.households !== undefined ? { households: changes.households } : {}),
      ...(changes.parentId !== undefined ? { parent_id: changes.parentId } : {}),
    })
    .where('zone_id', '=', zoneId)
    .where('id', '=', areaId)
    .execute();
}

export interface AreaImportRow {
  id: string;
  zoneId: string;
  accountId: string | null;
  fileName: string;
  format: string;
  sourceCrs: string;
  imported: number;
  repaired: number;
  refused: number;
  report: unknown;
}

export async function insertAreaImport(db: Kysely<Database>, row: AreaImportRow, now: Date): Promise<void> {
  await db
    .insertInto('area_imports')
    .values({
      id: row.id,
      zone_id: row.zoneId,
      account_id: row.accountId,
      file_name: row.fileName,
      format: row.format,
      source_crs: row.sourceCrs,
      imported: row.imported,
      repaired: row.repaired,
      refused: row.refused,
      report: JSON.stringify(row.report),
      created_at: now,
    })
    .execute();
}

export function listAreaImports(
  db: Kysely<Database>,
  zoneId: string,
  beforeId: string | null,
  limit: number,
) {
  let query = db
    .selectFrom('area_imports')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (beforeId) query = query.where('id', '<', beforeId);
  return query.execute();
}

/** A cheap fingerprint of a zone's areas: caches compare it to know when to rebuild. */
export async function areasVersion(db: Kysely<Database>, zoneId: string): Promise<string> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.max('updated_at').as('latest')])
    .where('zone_id', '=', zoneId)
    .executeTakeFirst();
  const latest = row?.latest as Date | string | null | undefined;
  return `${row?.count ?? 0}:${latest instanceof Date ? latest.toISOString() : String(latest ?? '')}`;
}
