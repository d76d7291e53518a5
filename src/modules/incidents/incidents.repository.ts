/** Typed SQL for incidents and their imports. No rules here. */
import { sql, type Kysely } from 'kysely';
import type {
  BadRowSample,
  Database,
  IncidentImport,
  TimePrecision,
} from '../../platform/database/tables.ts';

export function findImport(
  db: Kysely<Database>,
  zoneId: string,
  importId: string,
): Promise<IncidentImport | undefined> {
  return db
    .selectFrom('incident_imports')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('id', '=', importId)
    .executeTakeFirst();
}

export function findImportById(db: Kysely<Database>, importId: string): Promise<IncidentImport | undefined> {
  return db.selectFrom('incident_imports').selectAll().where('id', '=', importId).executeTakeFirst();
}

export function listImports(db: Kysely<Database>, zoneId: string, beforeId: string | null, limit: number) {
  let query = db
    .selectFrom('incident_imports')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (beforeId) query = query.where('id', '<', beforeId);
  return query.execute();
}

export interface ImportProgress {
  byteOffset: number;
  lineNumber: number;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  badRows: number;
  outsideAreas: number;
  samples: BadRowSample[];
}

export async function saveProgress(
  db: Kysely<Database>,
  importId: string,
  progress: ImportProgress,
): Promise<void> {
  await db
    .updateTable('incident_imports')
    .set({
      byte_offset: progress.byteOffset,
      line_number: progress.lineNumber,
      rows_read: progress.rowsRead,
      inserted: progress.inserted,
      updated: progress.updated,
      unchanged: progress.unchanged,
      bad_rows: progress.badRows,
      outside_areas: progress.outsideAreas,
      bad_row_samples: JSON.stringify(progress.samples),
    })
    .where('id', '=', importId)
    .execute();
}

export interface IncidentBatch {
  ids: string[];
  externalIds: string[];
  crimeTypes: string[];
  categoryIds: (string | null)[];
  from: Date[];
  to: Date[];
  precisions: TimePrecision[];
  lons: number[];
  lats: number[];
  xs: number[];
  ys: number[];
  areaIds: (string | null)[];
  outcomes: (string | null)[];
  locations: (string | null)[];
}

/**
 * Upserts a batch in one statement (arrays unnested server-side, close to the
 * speed of COPY). A row whose content did not change is not touched; the
 * result counts inserted and updated rows (xmax = 0 marks a fresh insert).
 */
export async function upsertIncidents(
  db: Kysely<Database>,
  zoneId: string,
  importId: string | null,
  isGenerated: boolean,
  batch: IncidentBatch,
  now: Date,
): Promise<{ inserted: number; updated: number }> {
  const result = await sql<{ inserted: boolean }>`
    insert into incidents (id, zone_id, external_id, crime_type, category_id, occurred_from, occurred_to, time_precision,
      lon, lat, x, y, area_id, outcome, location_text, import_id, is_generated, created_at, updated_at)
    select u.id, ${zoneId}::uuid, u.external_id, u.crime_type, u.category_id, u.occurred_from, u.occurred_to, u.time_precision,
      u.lon, u.lat, u.x, u.y, u.area_id, u.outcome, u.location_text, ${importId}::uuid, ${isGenerated}, ${now}::timestamptz, ${now}::timestamptz
    from unnest(${batch.ids}::uuid[], ${batch.externalIds}::text[], ${batch.crimeTypes}::text[], ${batch.categoryIds}::uuid[],
      ${batch.from}::timestamptz[], ${batch.to}::timestamptz[], ${batch.precisions}::text[], ${batch.lons}::float8[],
      ${batch.lats}::float8[], ${batch.xs}::float8[], ${batch.ys}::float8[], ${batch.areaIds}::uuid[], ${batch.outcomes}::text[],
      ${batch.locations}::text[])
      as u(id, external_id, crime_type, category_id, occurred_from, occurred_to, time_precision, lon, lat, x, y, area_id, outcome, location_text)
    on conflict (zone_id, external_id) do update set
      crime_type = excluded.crime_type, category_id = excluded.category_id, occurred_from = excluded.occurred_from,
      occurred_to = excluded.occurred_to, time_precision = excluded.time_precision, lon = excluded.lon, lat = excluded.lat,
      x = excluded.x, y = excluded.y, area_id = excluded.area_id, outcome = excluded.outcome,
      location_text = excluded.location_text, import_id = excluded.import_id, updated_at = excluded.updated_at
    where (incidents.crime_type, incidents.category_id, incidents.occurred_from, incidents.occurred_to, incidents.lon,
      incidents.lat, incidents.area_id, incidents.outcome, incidents.location_text)
      is distinct from (excluded.crime_type, excluded.category_id, excluded.occurred_from, excluded.occurred_to,
      excluded.lon, excluded.lat, excluded.area_id, excluded.outcome, excluded.location_text)
    returning (xmax = 0) as inserted
  `.execute(db);
  const inserted = result.rows.filter((r) => r.inserted).length;
  return { inserted, updated: result.rows.length - inserted };
}
